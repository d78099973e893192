package io.pyhermetic.cli;

import io.pyhermetic.hermeto.HermetoInput;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.version.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pyhermetic hermeto-config}: the fetch-deps input for one architecture, or a check of one.
 */
@Command(
    name = "hermeto-config",
    mixinStandardHelpOptions = true,
    description =
        "Print the Hermeto fetch-deps JSON for one architecture (the input the hand-run workflow"
            + " typed), checked as Hermeto would check it; or with --validate, check an existing"
            + " input file and report every violation in Hermeto's words.")
final class HermetoConfigCommand implements Callable<Integer> {

  @Option(names = "--arch", paramLabel = "ARCH", description = "x86_64, aarch64, ppc64le or s390x.")
  String arch;

  @Option(
      names = "--requirements",
      paramLabel = "FILE",
      description = "Runtime requirements files, relative to the source (repeatable).")
  List<String> requirements;

  @Option(
      names = "--build-requirements",
      paramLabel = "FILE",
      description = "Build requirements files (repeatable).")
  List<String> buildRequirements;

  @Option(
      names = "--python",
      paramLabel = "VERSION",
      description = "Target CPython version, as every command takes it (default: 3.12).")
  String python;

  @Option(
      names = "--py-version",
      paramLabel = "N",
      description = "The same in Hermeto's spelling, 312 for 3.12 (an alternative to --python).")
  Integer pyVersion;

  @Option(
      names = "--binary-packages",
      defaultValue = ":all:",
      paramLabel = "NAMES",
      description = "Packages to fetch wheels for, comma-separated (default: ${DEFAULT-VALUE}).")
  String binaryPackages;

  @Option(names = "--source-only", description = "Fetch sdists only (no binary filter).")
  boolean sourceOnly;

  @Option(
      names = "--path",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The package path inside the source (default: ${DEFAULT-VALUE}).")
  String path;

  @Option(
      names = "--source",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The source directory Hermeto gets (default: the current directory).")
  Path source;

  @Option(
      names = "--validate",
      paramLabel = "FILE",
      description = "Check this input file instead of writing one.")
  Path validate;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String json;
    Inputs.requireDirectory("--source", source);
    if (validate != null) {
      json = Inputs.readText(validate);
    } else {
      if (arch == null) {
        throw new CliException("give --arch (or --validate FILE)", ExitCodes.USAGE);
      }
      String machine;
      try {
        machine = MarkerEnvironment.machine(arch);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), ExitCodes.USAGE);
      }
      PipInput pip = PipInput.root().withPath(path);
      if (requirements != null) {
        pip = pip.withRequirementsFiles(requirements);
      }
      if (buildRequirements != null) {
        pip = pip.withRequirementsBuildFiles(buildRequirements);
      }
      if (!sourceOnly) {
        try {
          pip =
              pip.withBinary(
                  PipBinaryFilters.defaults()
                      .withPackages(binaryPackages)
                      .withArch(machine)
                      .withPyVersion(hermetoPyVersion()));
        } catch (IllegalArgumentException e) {
          throw new CliException("--binary-packages: " + e.getMessage(), ExitCodes.USAGE);
        }
      }
      json = HermetoInput.of(pip).toJson();
    }
    HermetoValidator.Result result = HermetoValidator.validate(json, source);
    if (!result.isOk()) {
      err.println(result.report());
      return ExitCodes.FINDINGS;
    }
    if (validate == null) {
      out.println(json);
    } else {
      out.println(validate + ": valid");
    }
    return ExitCodes.OK;
  }

  /**
   * Hermeto's {@code py_version} from {@code --python} or {@code --py-version}; both may be given
   * when they agree.
   */
  private int hermetoPyVersion() {
    int fromPython;
    try {
      String version = python == null ? "3.12" : python;
      Target.linux("x86_64", version); // a CPython version pyhermetic supports
      Version v = Version.parse(version);
      fromPython = v.major() * 100 + v.minor();
    } catch (IllegalArgumentException e) {
      throw new CliException("--python " + python + ": " + e.getMessage(), ExitCodes.USAGE);
    }
    if (pyVersion == null) {
      return fromPython;
    }
    if (pyVersion < 30 || pyVersion > 399) {
      throw new CliException(
          "--py-version " + pyVersion + ": expected major and minor digits, such as 312",
          ExitCodes.USAGE);
    }
    // Hermeto reads the first digit as the major version and the rest as the minor: 39 is 3.9
    String digits = String.valueOf(pyVersion);
    int major = digits.charAt(0) - '0';
    int minor = Integer.parseInt(digits.substring(1));
    if (python != null && major * 100 + minor != fromPython) {
      throw new CliException(
          "--python "
              + python
              + " and --py-version "
              + pyVersion
              + " name different versions: give one of them",
          ExitCodes.USAGE);
    }
    return pyVersion;
  }
}
