package io.pyhermetic.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.text.JsonText;
import io.pyhermetic.text.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renderings of a {@link RequirementsDiff}: an aligned text table (optionally coloured), a
 * Markdown table and a JSON document, each followed by the same summary and then by the diff's
 * {@link RequirementsDiff#problems() problems}, the entries left out (the text and Markdown list
 * them only when there are any; the JSON always has {@code problems[]}).
 */
public final class DiffRenderer {
  private DiffRenderer() {}

  private static String version(Optional<String> v) {
    return v.orElse("-");
  }

  /**
   * Renders a diff as an aligned text table, one row per project and one column per label.
   *
   * @param diff the diff
   * @param shown the projects to list (all of them, or only the differing ones)
   * @param colour whether to mark differences with ANSI colours
   * @return the table's text
   */
  public static String text(RequirementsDiff diff, List<PackageDiff> shown, boolean colour) {
    List<String> header = new ArrayList<>();
    header.add("package");
    header.addAll(diff.labels());
    header.add("status");
    List<List<String>> rows = rows(diff, shown);
    StringBuilder out =
        new StringBuilder(
            TextTable.render(
                header,
                rows,
                TextTable.Colours.when(
                    colour,
                    (r, c, cell) -> statusColour(shown.get(r).status(), c, header.size()))));
    out.append(summary(diff)).append('\n');
    for (Diagnostic d : diff.problems()) {
      out.append(d).append('\n');
    }
    return out.toString();
  }

  /** One table row per package: its name, its version under each label, its status. */
  private static List<List<String>> rows(RequirementsDiff diff, List<PackageDiff> shown) {
    List<List<String>> rows = new ArrayList<>();
    for (PackageDiff p : shown) {
      List<String> row = new ArrayList<>();
      row.add(p.name());
      diff.labels().forEach(l -> row.add(version(p.versions().get(l))));
      row.add(p.status().label());
      rows.add(row);
    }
    return rows;
  }

  private static Optional<String> statusColour(DiffStatus status, int column, int columns) {
    if (column != columns - 1 || status == DiffStatus.SAME) {
      return Optional.empty();
    }
    return Optional.of(
        status == DiffStatus.ONLY || status == DiffStatus.VERSION ? "\u001b[31m" : "\u001b[33m");
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

  /**
   * Renders a diff as a Markdown table, one row per project and one column per label.
   *
   * @param diff the diff
   * @param shown the projects to list
   * @return the table's text
   */
  public static String markdown(RequirementsDiff diff, List<PackageDiff> shown) {
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
    if (!diff.problems().isEmpty()) {
      out.append("\nLeft out of the comparison:\n\n");
      for (Diagnostic d : diff.problems()) {
        out.append("- ").append(codeSpan(d.toString())).append('\n');
      }
    }
    return out.toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }

  /** {@code text} as a Markdown code span, fenced by more backticks than it holds in a row. */
  private static String codeSpan(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    // CommonMark strips one space from each end, so a backtick at an edge stays apart from the
    // fence
    String pad = longest > 0 ? " " : "";
    return fence + pad + text + pad + fence;
  }

  /**
   * Renders a diff as JSON: the labels, the listed projects and the status summary.
   *
   * @param diff the diff
   * @param shown the projects to list
   * @return the JSON text
   */
  public static String json(RequirementsDiff diff, List<PackageDiff> shown) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
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
    ArrayNode problems = root.putArray("problems");
    for (Diagnostic d : diff.problems()) {
      ObjectNode node = problems.addObject();
      node.put("severity", d.severity().label());
      node.put("rule", d.rule());
      node.put("file", d.location().source());
      node.put("line", d.location().line());
      node.put("column", d.location().column());
      node.put("message", d.message());
    }
    return JsonText.pretty(root);
  }
}
