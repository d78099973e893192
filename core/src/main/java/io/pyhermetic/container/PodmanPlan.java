package io.pyhermetic.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The podman commands of a hermetic multi-architecture build, in order: Hermeto's fetch per
 * architecture (through its container, as the hand-run workflow did; left out when the files were
 * prefetched already, as {@code pyhermetic prefetch} does), an optional base image per
 * architecture, a manifest list, and one {@code --network none} build per architecture with the
 * prefetched files and the env file mounted, added to the manifest list so the result is one
 * multi-architecture image.
 *
 * @param commands the commands, in the order they run
 */
public record PodmanPlan(List<Command> commands) {

  /**
   * Hermeto's container image by its short name, which podman resolves through its registries
   * configuration; commands take the full reference from {@code --hermeto-image} or {@code
   * HERMETO_IMAGE}.
   */
  public static final String HERMETO_IMAGE = "hermeto";

  /**
   * Copies the list, so the plan stays immutable.
   *
   * @param commands the commands, in the order they run
   */
  public PodmanPlan {
    commands = List.copyOf(commands);
  }

  /** How the build argument {@code TARGETARCH} spells an architecture. */
  public enum ArchSpelling {
    /** {@code x86_64}, {@code aarch64}: what {@code uname -m} says. */
    MACHINE,
    /** {@code amd64}, {@code arm64}: the spelling of Docker and podman platforms. */
    PLATFORM;

    /**
     * The spelling a Containerfile compares {@code TARGETARCH} with: machine names if it mentions
     * {@code x86_64} or {@code aarch64}, else platform names.
     *
     * @param containerfile the Containerfile's text
     * @return the spelling its {@code TARGETARCH} comparisons use
     */
    public static ArchSpelling expectedBy(String containerfile) {
      return containerfile.contains("x86_64") || containerfile.contains("aarch64")
          ? MACHINE
          : PLATFORM;
    }
  }

  /**
   * Everything the plan needs; paths are made absolute when the plan is built.
   *
   * @param image the image (manifest list) to build
   * @param context the build context directory
   * @param containerfile the Containerfile, relative to the context
   * @param baseContainerfile a Containerfile building the base image per architecture, when there
   *     is one
   * @param hermetoConfigs Hermeto's input JSON per architecture (machine name)
   * @param envFile the env file Hermeto writes for the build
   * @param spelling how the Containerfile spells architectures
   * @param hermetoImage the Hermeto container image that fetches the dependencies
   * @param timeout how long each command may run
   * @param prefetched a directory holding {@code hermeto-output-<arch>} for every architecture,
   *     already fetched: the plan then has no fetch step and mounts these; when empty, Hermeto
   *     fetches into the context
   */
  public record Settings(
      String image,
      Path context,
      String containerfile,
      Optional<String> baseContainerfile,
      Map<String, String> hermetoConfigs,
      Path envFile,
      ArchSpelling spelling,
      String hermetoImage,
      Duration timeout,
      Optional<Path> prefetched) {
    /**
     * Checks that no component is null and copies the collections.
     *
     * @param image the image (manifest list) to build
     * @param context the build context directory
     * @param containerfile the Containerfile, relative to the context
     * @param baseContainerfile a Containerfile building the base image per architecture, when there
     *     is one
     * @param hermetoConfigs Hermeto's input JSON per architecture (machine name)
     * @param envFile the env file Hermeto writes for the build
     * @param spelling how the Containerfile spells architectures
     * @param hermetoImage the Hermeto container image that fetches the dependencies
     * @param timeout how long each command may run
     * @param prefetched a directory holding {@code hermeto-output-<arch>} for every architecture,
     *     already fetched: the plan then has no fetch step and mounts these; when empty, Hermeto
     *     fetches into the context
     */
    public Settings {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(containerfile, "containerfile");
      Objects.requireNonNull(baseContainerfile, "baseContainerfile");
      hermetoConfigs = HermetoConfigs.copyOf(hermetoConfigs);
      Objects.requireNonNull(envFile, "envFile");
      Objects.requireNonNull(spelling, "spelling");
      Objects.requireNonNull(hermetoImage, "hermetoImage");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(prefetched, "prefetched");
    }
  }

  /**
   * {@code linux/amd64} for {@code x86_64}, {@code linux/arm64} for {@code aarch64}, …
   *
   * @param arch the machine name
   * @return the podman platform
   */
  public static String platform(String arch) {
    return "linux/" + platformArch(arch);
  }

  private static String platformArch(String arch) {
    switch (arch) {
      case "x86_64":
        return "amd64";
      case "aarch64":
        return "arm64";
      case "ppc64le":
      case "s390x":
        return arch;
      default:
        throw new IllegalArgumentException("unknown architecture " + arch);
    }
  }

  /**
   * The prefetch directory of an architecture, relative to the context.
   *
   * @param arch the machine name
   * @return the directory, relative to the build context
   */
  public static String outputDir(String arch) {
    return "hermeto-output-" + arch;
  }

  /**
   * The plan for these settings (architectures in the order of {@code hermetoConfigs}).
   *
   * @param s the settings
   * @return the plan
   */
  public static PodmanPlan hermeticBuild(Settings s) {
    Path context = s.context().toAbsolutePath().normalize();
    String dir = context.toString();
    List<Command> commands = new ArrayList<>();
    Path outputs = s.prefetched().map(p -> p.toAbsolutePath().normalize()).orElse(context);
    if (s.prefetched().isEmpty()) {
      for (Map.Entry<String, String> config : s.hermetoConfigs().entrySet()) {
        commands.add(
            fetch(config.getKey(), config.getValue(), context, s.hermetoImage(), s.timeout()));
      }
    }
    if (s.baseContainerfile().isPresent()) {
      for (String arch : s.hermetoConfigs().keySet()) {
        commands.add(
            build(
                arch,
                s.baseContainerfile().get(),
                List.of("--tag", s.image() + "-base-" + arch + ":latest", dir),
                context,
                s.timeout()));
      }
    }
    commands.add(
        new Command(
            "manifest",
            List.of("podman", "manifest", "create", s.image()),
            Optional.of(context),
            Map.of(),
            s.timeout()));
    String env = s.envFile().toAbsolutePath().normalize().toString();
    for (String arch : s.hermetoConfigs().keySet()) {
      String targetArch = s.spelling() == ArchSpelling.MACHINE ? arch : platformArch(arch);
      commands.add(
          build(
              arch,
              s.containerfile(),
              List.of(
                  "--build-arg",
                  "TARGETARCH=" + targetArch,
                  "--volume",
                  outputs.resolve(outputDir(arch)) + ":/tmp/hermeto-output:Z",
                  "--volume",
                  env + ":/tmp/hermeto.env:Z",
                  "--network",
                  "none",
                  "--manifest",
                  s.image(),
                  "--tag",
                  s.image() + "-" + arch,
                  dir),
              context,
              s.timeout()));
    }
    return new PodmanPlan(commands);
  }

  /**
   * {@code podman build -f containerfile --platform linux/<arch>} followed by {@code rest}, run in
   * {@code context}.
   */
  private static Command build(
      String arch, String containerfile, List<String> rest, Path context, Duration timeout) {
    List<String> argv =
        new ArrayList<>(
            List.of("podman", "build", "-f", containerfile, "--platform", platform(arch)));
    argv.addAll(rest);
    return new Command(arch, argv, Optional.of(context), Map.of(), timeout);
  }

  /**
   * Hermeto's fetch of one architecture in its container, writing {@code
   * context/hermeto-output-<arch>}.
   */
  static Command fetch(
      String arch, String config, Path context, String hermetoImage, Duration timeout) {
    String dir = context.toString();
    return new Command(
        arch,
        List.of(
            "podman",
            "run",
            "--rm",
            "-v",
            dir + ":" + dir + ":z",
            "-w",
            dir,
            hermetoImage,
            "fetch-deps",
            "--output",
            "./" + outputDir(arch),
            config),
        Optional.of(context),
        Map.of(),
        timeout);
  }

  /**
   * The commands of one architecture (and the shared manifest step).
   *
   * @param arch the machine name
   * @return a plan of that architecture's commands
   */
  public PodmanPlan only(String arch) {
    List<Command> kept = new ArrayList<>();
    for (Command c : commands) {
      if (c.label().equals(arch) || c.label().equals("manifest")) {
        kept.add(c);
      }
    }
    return new PodmanPlan(kept);
  }

  /**
   * The plan as a shell script, one command per line (for review and {@code --dry-run}).
   *
   * @return the script's text
   */
  public String toScript() {
    StringBuilder out = new StringBuilder("#!/bin/sh\nset -eu\n");
    for (Command c : commands) {
      out.append(c.toShellString()).append('\n');
    }
    return out.toString();
  }
}
