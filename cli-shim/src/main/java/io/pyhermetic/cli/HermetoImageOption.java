package io.pyhermetic.cli;

import io.pyhermetic.container.PodmanPlan;
import picocli.CommandLine.Option;

/** Which container image runs Hermeto's fetch, for the commands that write podman steps. */
final class HermetoImageOption {

  @Option(
      names = "--hermeto-image",
      paramLabel = "IMAGE",
      defaultValue = "${env:HERMETO_IMAGE:-" + PodmanPlan.HERMETO_IMAGE + "}",
      description =
          "Hermeto's container image for the fetch step (default: $HERMETO_IMAGE, else the short"
              + " name ${DEFAULT-VALUE} as podman resolves it).")
  String image;
}
