package io.pyhermetic.cli;

import io.pyhermetic.platform.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Python and libc every target of a command shares. */
final class TargetOptions {

  @Option(
      names = "--python",
      defaultValue = "3.12",
      paramLabel = "VERSION",
      description = "Target CPython version (default: ${DEFAULT-VALUE}).")
  String python;

  @Option(
      names = "--glibc",
      defaultValue = Target.DEFAULT_GLIBC,
      paramLabel = "VERSION",
      description = "Target glibc version, the manylinux floor (default: ${DEFAULT-VALUE}).")
  String glibc;

  /**
   * The targets for architectures given as {@code option} values (each may be a comma list), by
   * canonical architecture, in order.
   */
  Map<String, Target> targets(String option, List<String> archs) {
    Map<String, Target> targets = new LinkedHashMap<>();
    for (String value : archs) {
      for (String one : value.split(",")) {
        String arch = canonicalArch(one.strip());
        try {
          Target target = Target.linux(arch, python).withGlibc(glibc);
          targets.put(target.arch(), target);
        } catch (IllegalArgumentException e) {
          throw new CliException(
              option
                  + " "
                  + one.strip()
                  + " / --python "
                  + python
                  + " / --glibc "
                  + glibc
                  + ": "
                  + e.getMessage(),
              ExitCodes.USAGE);
        }
      }
    }
    return targets;
  }

  /** Podman's spelling of an architecture in pip's. */
  static String canonicalArch(String arch) {
    return switch (arch) {
      case "amd64" -> "x86_64";
      case "arm64" -> "aarch64";
      default -> arch;
    };
  }
}
