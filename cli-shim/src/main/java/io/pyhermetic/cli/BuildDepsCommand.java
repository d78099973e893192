package io.pyhermetic.cli;

import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.builddeps.BuildDepsException;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsOutput;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.builddeps.PackageOutcome;
import io.pyhermetic.error.Problem;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.InvalidRequirementException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.text.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic build-deps}: the build dependencies of every sdist, as pybuild-deps finds. */
@Command(
    name = "build-deps",
    mixinStandardHelpOptions = true,
    description =
        "Find the build dependencies of the pinned packages from their sdists (pyproject.toml,"
            + " setup.cfg, setup.py, never executed), resolve each package's build environment as"
            + " pip's build isolation would, recursively, and write requirements-build.txt in"
            + " pybuild-deps' layout with every file's hash. Packages without an sdist fail the"
            + " run (all listed at once) unless --skip-missing-sdist.")
final class BuildDepsCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pinned requirements files.")
  List<Path> files;

  @Option(
      names = {"-o", "--output-file"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write requirements-build.txt ('-' for stdout).")
  String output;

  @Option(
      names = "--target",
      paramLabel = "ARCH",
      description = "Architectures whose markers and Python apply (repeatable; default: x86_64).")
  List<String> targetArchs;

  @Option(
      names = "--binary-for",
      paramLabel = "ARCH",
      description =
          "Only packages without an installable wheel for these architectures get build"
              + " environments (repeatable); the default builds everything from source, as"
              + " pybuild-deps does.")
  List<String> binaryFor;

  @Option(
      names = "--extra-requirement",
      paramLabel = "BACKEND=REQUIREMENT",
      description =
          "Add REQUIREMENT to every build environment whose build requirements name BACKEND,"
              + " for backends that add requirements at build time, such as"
              + " scikit-build-core=cmake>=3.15 (repeatable).")
  List<String> extraRequirements;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write a JSON report.")
  Path report;

  @Option(names = "--no-header", description = "Leave out the header comment.")
  boolean noHeader;

  @Option(names = "--no-annotate", description = "Leave out the '# via' comments.")
  boolean noAnnotate;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "16",
      description = "Packages inspected at once (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Mixin BuildDepsInputs buildDepsInputs;

  @Mixin TargetOptions targetOptions;

  @Mixin IndexOptions indexOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Target> targets =
        targetOptions.targets("--target", targetArchs == null ? List.of("x86_64") : targetArchs);
    Map<String, Target> binary =
        binaryFor == null ? Map.of() : targetOptions.targets("--binary-for", binaryFor);
    if (jobs < 1) {
      throw new CliException("--jobs must be at least 1", ExitCodes.USAGE);
    }
    RequirementsFileParser parser = new RequirementsFileParser();
    List<Entry> entries = new ArrayList<>();
    for (Path file : files) {
      entries.addAll(Inputs.parse(parser, file, targets.values()).allEntries());
    }
    List<Requirement> constraints = buildDepsInputs.constraints(parser);
    Path work = TempDirs.create("pyhermetic-build-deps");
    PrintWriter err = spec.commandLine().getErr();
    BuildDepsResult result;
    try (IndexOptions.Opened opened = indexOptions.open()) {
      BuildDepsOptions.Builder options =
          BuildDepsOptions.builder()
              .targets(new ArrayList<>(targets.values()))
              .binaryFor(new ArrayList<>(binary.values()))
              .skipMissingSdist(buildDepsInputs.skipMissingSdist)
              .constraints(constraints)
              .concurrency(jobs)
              .workDirectory(work);
      extras().forEach(options::extraRequirements);
      BuildDepsResolver resolver =
          new BuildDepsResolver(opened.index(), opened.downloader(), options.build());
      ProgressLine line = ProgressLine.of(err, quiet);
      try {
        result = resolver.withProgress(line).resolve(entries);
      } finally {
        line.clear();
      }
    } finally {
      TempDirs.deleteTree(work);
    }
    indexOptions.printTimings(err);
    PrintWriter out = spec.commandLine().getOut();
    if (report != null) {
      BuildDepsOutput.writeReport(report, result);
    }
    if (!result.isOk()) {
      for (Problem p : result.errors()) {
        err.println("pyhermetic build-deps: " + p.subject() + ": " + Redaction.redact(p.message()));
        p.chain().forEach(c -> err.println("    " + c));
      }
      err.println(
          "pyhermetic build-deps: "
              + result.errors().size()
              + " problem(s); "
              + ("-".equals(output) ? "nothing written" : output + " left untouched")
              + (result.errors(BuildDepsCode.MISSING_SDIST).isEmpty()
                  ? ""
                  : " (--skip-missing-sdist skips packages without an sdist)"));
      return result.errors(BuildDepsCode.INDEX_FAILURE).isEmpty()
          ? ExitCodes.FINDINGS
          : ExitCodes.INDEX;
    }
    List<String> header =
        noHeader
            ? List.of()
            : BuildDepsOutput.header(targets.values().iterator().next().pythonVersion(), command());
    try {
      if ("-".equals(output)) {
        out.print(BuildDepsOutput.requirementsText(result, header, !noAnnotate));
        out.flush();
      } else {
        BuildDepsOutput.writeRequirements(Path.of(output), result, header, !noAnnotate);
        if (!quiet) {
          long built =
              result.packages().stream()
                  .filter(p -> p.status() == PackageOutcome.Status.RESOLVED)
                  .count();
          out.println(
              "wrote "
                  + output
                  + ": "
                  + result.entries().size()
                  + " pins for the build environments of "
                  + built
                  + " packages"
                  + (result.skipped().isEmpty()
                      ? ""
                      : "; skipped " + result.skipped().size() + " without an sdist"));
          result.skipped().forEach(p -> out.println("  skipped " + p.subject()));
        }
      }
    } catch (BuildDepsException e) {
      throw new CliException(e.getMessage(), ExitCodes.FINDINGS);
    }
    return ExitCodes.OK;
  }

  private Map<ProjectName, List<Requirement>> extras() {
    Map<ProjectName, List<Requirement>> extras = new LinkedHashMap<>();
    if (extraRequirements == null) {
      return extras;
    }
    for (String value : extraRequirements) {
      int eq = value.indexOf('=');
      String backend = eq < 0 ? "" : value.substring(0, eq).strip();
      if (eq < 0 || !ProjectName.isValid(backend)) {
        throw new CliException(
            "--extra-requirement " + value + ": expected BACKEND=REQUIREMENT", ExitCodes.USAGE);
      }
      try {
        extras
            .computeIfAbsent(ProjectName.of(backend), k -> new ArrayList<>())
            .add(Requirement.parse(value.substring(eq + 1).strip()));
      } catch (InvalidRequirementException e) {
        throw new CliException(
            "--extra-requirement " + value + ": " + e.getMessage(), ExitCodes.USAGE);
      }
    }
    return extras;
  }

  /** The command as the header names it: options in a fixed order, paths as given. */
  private String command() {
    List<String> args = new ArrayList<>();
    args.add("pyhermetic build-deps");
    args.add("--output-file=" + output);
    if (buildDepsInputs.skipMissingSdist) {
      args.add("--skip-missing-sdist");
    }
    if (buildDepsInputs.constraintFiles != null) {
      buildDepsInputs.constraintFiles.forEach(c -> args.add("--constraint=" + c));
    }
    if (binaryFor != null) {
      binaryFor.forEach(b -> args.add("--binary-for=" + b));
    }
    files.forEach(f -> args.add(f.toString()));
    return String.join(" ", args);
  }
}
