package io.pyhermetic.cli;

import io.pyhermetic.diff.DiffRenderer;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.diff.PackageDiff;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic diff}: compare per-architecture requirements files. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two or more requirements files (one per architecture) by project: the version"
            + " under each label, and whether hashes, markers or extras differ where versions"
            + " agree. Labels come from the file names (requirements-x86_64.txt gives x86_64)"
            + " unless --label is given once per file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared (also when the files differ, unless --exit-code)",
      "1:the files differ and --exit-code was given",
      "2:usage error or unreadable file"
    })
final class DiffCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown
  }

  @Parameters(arity = "2..*", paramLabel = "FILE", description = "Requirements files to compare.")
  List<Path> files;

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
      byLabel.put(label, Inputs.parse(parser, files.get(i)));
    }
    RequirementsDiff diff = RequirementsDiff.compare(byLabel);
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
    return exitCode && !diff.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static boolean colour() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
