package io.pyhermetic.cli;

import io.pyhermetic.diff.DiffRenderer;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.diff.PackageDiff;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.lockfile.LockFiles;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code pyhermetic diff}: compare per-architecture requirements files, or one marker-annotated
 * file as each target sees it.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two or more requirements files (one per architecture) by project: the version"
          + " under each label, and whether hashes, markers or extras differ where versions"
          + " agree. Labels come from the file names (requirements-x86_64.txt gives x86_64)"
          + " unless --label is given once per file.",
      "With --target, compare ONE marker-annotated file as each target sees it: the entries"
          + " whose markers hold for CPython on Linux of that target, labelled by architecture."
          + " Entries whose markers cannot be evaluated for a target are listed after the table."
    })
final class DiffCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Requirements files to compare (one with --target).")
  List<Path> files;

  @Option(
      names = "--target",
      paramLabel = "ARCH",
      description =
          "Compare the one FILE per target: x86_64, aarch64, ppc64le or s390x (amd64 and arm64"
              + " too); repeatable or comma-separated, two or more.")
  List<String> targetArchs;

  @Mixin TargetOptions targetOptions;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description = "Label of each file, in order (repeatable).")
  List<String> labels;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--only-differences", description = "List only the projects that differ.")
  boolean onlyDifferences;

  @Option(
      names = "--exit-code",
      description = "Exit with 1 when the files differ, like git diff --exit-code.")
  boolean exitCode;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RequirementsDiff diff = targetArchs != null ? perTarget() : perFile();
    List<PackageDiff> shown = onlyDifferences ? diff.differences() : diff.packages();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json:
        out.print(DiffRenderer.json(diff, shown));
        break;
      case markdown:
        out.print(DiffRenderer.markdown(diff, shown));
        break;
      default:
        out.print(DiffRenderer.text(diff, shown, colour()));
    }
    out.flush();
    if (!diff.problems().isEmpty()) {
      // the rendering lists them; stderr says why the exit code is 1 whatever the format
      int n = diff.problems().size();
      spec.commandLine()
          .getErr()
          .println(
              (n == 1 ? "1 entry" : n + " entries")
                  + " left out of the comparison: "
                  + (n == 1 ? "its marker" : "their markers")
                  + " cannot be evaluated for the targets");
      return ExitCodes.FINDINGS;
    }
    return exitCode && !diff.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** One marker-annotated file, as each target sees it. */
  private RequirementsDiff perTarget() {
    if (files.size() != 1) {
      throw new CliException(
          "--target compares one marker-annotated file per target: give one FILE, not "
              + files.size()
              + " (without --target, files are compared with each other)",
          ExitCodes.USAGE);
    }
    if (labels != null) {
      throw new CliException(
          "--label does not go with --target: the targets are the labels", ExitCodes.USAGE);
    }
    Map<String, Target> targets = targetOptions.targets("--target", targetArchs);
    if (targets.size() < 2) {
      throw new CliException(
          "--target needs two or more architectures to compare, got "
              + String.join(", ", targets.keySet()),
          ExitCodes.USAGE);
    }
    if (LockFiles.isLockFile(files.get(0))) {
      // a lock is compared as each target installs from it
      Map<String, RequirementsFile> byTarget = new LinkedHashMap<>();
      targets.forEach(
          (arch, target) ->
              byTarget.put(
                  arch,
                  LockRequirements.of(Inputs.select(files.get(0), SelectionRequest.of(target)))));
      return RequirementsDiff.compare(byTarget);
    }
    return RequirementsDiff.compareTargets(
        Inputs.parse(new RequirementsFileParser(), files.get(0)), targets);
  }

  /** Two or more files, one per label. */
  private RequirementsDiff perFile() {
    if (files.size() < 2) {
      throw new CliException(
          "a diff needs two or more files, or one marker-annotated file with --target ARCH…",
          ExitCodes.USAGE);
    }
    ParseResult parsed = spec.commandLine().getParseResult();
    for (String option : List.of("--python", "--glibc")) {
      if (parsed.hasMatchedOption(option)) {
        throw new CliException(
            option + " describes the targets: it goes with --target", ExitCodes.USAGE);
      }
    }
    if (labels != null && labels.size() != files.size()) {
      throw new CliException(
          "got " + labels.size() + " --label for " + files.size() + " files: give one per file",
          ExitCodes.USAGE);
    }
    Map<String, RequirementsFile> byLabel = new LinkedHashMap<>();
    RequirementsFileParser parser = new RequirementsFileParser();
    for (int i = 0; i < files.size(); i++) {
      String label = labels != null ? labels.get(i) : Labels.fromFileName(files.get(i));
      if (byLabel.containsKey(label)) {
        throw new CliException(
            "two files have the label '" + label + "': name them apart with --label",
            ExitCodes.USAGE);
      }
      byLabel.put(label, Inputs.parse(parser, files.get(i), List.of()));
    }
    return RequirementsDiff.compare(byLabel);
  }

  private static boolean colour() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
