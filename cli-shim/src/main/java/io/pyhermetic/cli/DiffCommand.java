package io.pyhermetic.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.diff.DiffStatus;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.diff.PackageDiff;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            + " unless --label is given once per file.")
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
        out.print(Json.write(json(diff, shown)));
        break;
      case markdown:
        out.print(markdown(diff, shown));
        break;
      default:
        out.print(text(diff, shown, colour()));
    }
    out.flush();
    return exitCode && !diff.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static boolean colour() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }

  private static String version(Optional<String> v) {
    return v.orElse("-");
  }

  static String text(RequirementsDiff diff, List<PackageDiff> shown, boolean colour) {
    List<String> header = new ArrayList<>();
    header.add("package");
    header.addAll(diff.labels());
    header.add("status");
    List<List<String>> rows = new ArrayList<>();
    for (PackageDiff p : shown) {
      List<String> row = new ArrayList<>();
      row.add(p.name());
      diff.labels().forEach(l -> row.add(version(p.versions().get(l))));
      row.add(p.status().label());
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, header, widths, null, colour);
    for (int r = 0; r < rows.size(); r++) {
      appendRow(out, rows.get(r), widths, shown.get(r).status(), colour);
    }
    out.append(summary(diff)).append('\n');
    return out.toString();
  }

  private static void appendRow(
      StringBuilder out, List<String> cells, int[] widths, DiffStatus status, boolean colour) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      boolean last = c == cells.size() - 1;
      if (last && colour && status != null && status != DiffStatus.SAME) {
        line.append(
                status == DiffStatus.ONLY || status == DiffStatus.VERSION
                    ? "\u001b[31m"
                    : "\u001b[33m")
            .append(cell)
            .append("\u001b[0m");
      } else {
        line.append(cell);
      }
      if (!last) {
        line.append(" ".repeat(widths[c] - cell.length() + 2));
      }
    }
    out.append(line).append('\n');
  }

  private static String summary(RequirementsDiff diff) {
    Map<DiffStatus, Integer> counts = diff.summary();
    List<String> parts = new ArrayList<>();
    for (DiffStatus s : DiffStatus.values()) {
      if (s != DiffStatus.SAME && counts.get(s) > 0) {
        parts.add(counts.get(s) + " " + s.label());
      }
    }
    return diff.packages().size()
        + " packages: "
        + (parts.isEmpty() ? "no differences" : String.join(", ", parts))
        + ", "
        + counts.get(DiffStatus.SAME)
        + " same";
  }

  static String markdown(RequirementsDiff diff, List<PackageDiff> shown) {
    StringBuilder out = new StringBuilder("| package |");
    diff.labels().forEach(l -> out.append(' ').append(escape(l)).append(" |"));
    out.append(" status |\n|---|");
    diff.labels().forEach(l -> out.append("---|"));
    out.append("---|\n");
    for (PackageDiff p : shown) {
      out.append("| `").append(p.name()).append("` |");
      diff.labels()
          .forEach(l -> out.append(' ').append(escape(version(p.versions().get(l)))).append(" |"));
      out.append(' ').append(p.status().label()).append(" |\n");
    }
    out.append('\n').append(summary(diff)).append('\n');
    return out.toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }

  static ObjectNode json(RequirementsDiff diff, List<PackageDiff> shown) {
    ObjectNode root = Json.object();
    ArrayNode labels = root.putArray("labels");
    diff.labels().forEach(labels::add);
    ArrayNode packages = root.putArray("packages");
    for (PackageDiff p : shown) {
      ObjectNode node = packages.addObject();
      node.put("name", p.name());
      ObjectNode versions = node.putObject("versions");
      p.versions().forEach((label, v) -> versions.put(label, v.orElse(null)));
      node.put("status", p.status().label());
      ArrayNode differences = node.putArray("differences");
      p.differences().forEach(d -> differences.add(d.label()));
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("packages", diff.packages().size());
    summary.put("differing", diff.differences().size());
    diff.summary().forEach((status, count) -> summary.put(status.label(), count));
    return root;
  }
}
