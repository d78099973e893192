package io.pyhermetic.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.error.Location;
import io.pyhermetic.text.JsonText;
import io.pyhermetic.text.Redaction;
import io.pyhermetic.text.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The renderings of an {@link AuditReport}: an aligned text table (optionally coloured), JSON,
 * Markdown and CSV (with the known vulnerabilities when they were looked up; SARIF is {@link
 * SarifRenderer}). Each takes the packages to show, so a caller can list only the problems while
 * the summary still counts every pin. Every finding cites the file and line of the pin on the
 * target it is about. What the index did not answer is shown as unknown ({@code unknown}, JSON
 * {@code null}), never as a yes or a no. Credentials in URLs and messages are redacted.
 */
public final class AuditRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AuditRenderer() {}

  /**
   * The target's column: the route's label, {@code hash}, or {@code -} where the pin is absent.
   *
   * @param p the package
   * @param target the target label
   * @return the cell's text
   */
  public static String cell(PackageAudit p, String target) {
    TargetResult r = p.targets().get(target);
    if (r == null) {
      return "-";
    }
    return r.refusedByHashes() ? "hash" : r.route().label();
  }

  /**
   * Renders the report as an aligned text table: one row per package, one column per target.
   *
   * @param report the report
   * @param shown the packages to list
   * @param colour whether to colour problems with ANSI codes
   * @return the table's text
   */
  public static String text(AuditReport report, List<PackageAudit> shown, boolean colour) {
    List<String> header = new ArrayList<>(List.of("package", "version", "sdist"));
    header.addAll(report.targets());
    List<List<String>> rows = new ArrayList<>();
    for (PackageAudit p : shown) {
      List<String> row = new ArrayList<>();
      row.add(p.name());
      row.add(p.version().isEmpty() ? "-" : p.version());
      row.add(sdistCell(p));
      report.targets().forEach(t -> row.add(cell(p, t)));
      rows.add(row);
    }
    StringBuilder out =
        new StringBuilder(
            TextTable.render(
                header,
                rows,
                TextTable.Colours.when(
                    colour, (r, c, cell) -> c >= 3 ? colourOf(cell) : Optional.empty())));
    List<Finding> problems = findings(shown);
    if (!problems.isEmpty()) {
      out.append("\nproblems:\n");
      problems.forEach(
          f -> out.append("  ").append(f.where()).append(": ").append(f.what()).append('\n'));
    }
    List<String> vulnerabilities = VulnerabilityRenderer.lines(report, shown);
    if (!vulnerabilities.isEmpty()) {
      out.append("\nknown vulnerabilities:\n");
      vulnerabilities.forEach(l -> out.append("  ").append(l).append('\n'));
    }
    out.append('\n').append(summaryText(report));
    return out.toString();
  }

  /**
   * {@code yes}, {@code no}, {@code unknown} (the index failed) or {@code -} (not looked up).
   *
   * @param p the package
   * @return the cell's text
   */
  public static String sdistCell(PackageAudit p) {
    if (p.indexFailure()) {
      return "unknown";
    }
    return p.hasSdist().map(has -> has ? "yes" : "no").orElse("-");
  }

  /**
   * One finding: {@code where} is {@code file:line} of the pin on the target(s) it is about, {@code
   * what} the pin, the targets in brackets and the message.
   */
  private record Finding(String where, String what) {}

  /**
   * The findings of {@code shown}, each citing the pin's place on its target. A finding about the
   * release (an index error, stale hashes) is cited once per place the pin is written, naming the
   * targets read from there when the places differ.
   */
  private static List<Finding> findings(List<PackageAudit> shown) {
    List<Finding> out = new ArrayList<>();
    for (PackageAudit p : shown) {
      String pin = p.version().isEmpty() ? p.name() : p.name() + " " + p.version();
      Map<Location, List<String>> places = new LinkedHashMap<>();
      p.targets()
          .forEach((t, r) -> places.computeIfAbsent(r.location(), k -> new ArrayList<>()).add(t));
      if (places.isEmpty()) {
        places.put(p.location(), List.of());
      }
      boolean onePlace = places.size() == 1;
      places.forEach(
          (location, targets) -> {
            String what = onePlace ? pin : pin + " [" + String.join(", ", targets) + "]";
            p.error().ifPresent(e -> out.add(finding(location, what + ": " + e)));
            if (!p.staleHashes().isEmpty()) {
              out.add(
                  finding(
                      location,
                      what
                          + ": "
                          + p.staleHashes().size()
                          + " pinned hash(es) match no file of the release (stale lock)"));
            }
          });
      if (p.error().isEmpty()) {
        p.targets()
            .forEach(
                (t, r) ->
                    r.problems()
                        .forEach(m -> out.add(finding(r.location(), pin + " [" + t + "]: " + m))));
      }
    }
    return out;
  }

  private static Finding finding(Location location, String what) {
    return new Finding(
        Redaction.redact(location.source()) + ":" + location.line(), Redaction.redact(what));
  }

  private static Optional<String> colourOf(String cell) {
    return Optional.ofNullable(
        switch (cell) {
          case "wheel" -> "\u001b[32m";
          case "sdist", "url" -> "\u001b[33m";
          case "unknown" -> "\u001b[35m";
          case "none", "hash" -> "\u001b[31m";
          default -> null;
        });
  }

  private static String names(List<PackageAudit> packages) {
    return packages.stream()
        .map(p -> p.version().isEmpty() ? p.name() : p.name() + " " + p.version())
        .collect(Collectors.joining(", "));
  }

  /**
   * The summary below the table: counts of pins that are fine and of each kind of problem.
   *
   * @param report the report
   * @return the summary's text
   */
  public static String summaryText(AuditReport report) {
    StringBuilder out = new StringBuilder();
    long ok = report.packages().stream().filter(PackageAudit::isOk).count();
    out.append(report.packages().size())
        .append(" pins, ")
        .append(report.targets().size())
        .append(report.targets().size() == 1 ? " target" : " targets")
        .append(" (Python ")
        .append(report.python())
        .append("): ")
        .append(ok)
        .append(" without problems\n");
    // where the index failed nothing was checked: each count says how many it does not cover
    int unknown = report.indexFailures().size();
    line(out, "without sdist", report.withoutSdist(), unknown);
    for (String t : report.targets()) {
      line(out, "not installable on " + t, report.notInstallable(t), report.unknown(t).size());
    }
    line(out, "hash problems", report.hashProblems(), unknown);
    line(out, "yanked", report.yanked(), unknown);
    line(out, "unknown (index failed)", report.indexFailures(), 0);
    VulnerabilityRenderer.summary(out, report);
    return out.toString();
  }

  private static void line(
      StringBuilder out, String what, List<PackageAudit> packages, int unknown) {
    out.append(what).append(" (").append(packages.size());
    if (unknown > 0) {
      out.append("; ").append(unknown).append(" unknown");
    }
    out.append(')');
    if (!packages.isEmpty()) {
      out.append(": ").append(names(packages));
    }
    out.append('\n');
  }

  /**
   * Renders the report as JSON.
   *
   * @param report the report
   * @param shown the packages to list
   * @param index the index's URL, recorded in the output
   * @return the JSON text
   */
  public static String json(AuditReport report, List<PackageAudit> shown, String index) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("python", report.python());
    ArrayNode targets = root.putArray("targets");
    report.targets().forEach(targets::add);
    root.put("index", Redaction.redact(index));
    ArrayNode packages = root.putArray("packages");
    for (PackageAudit p : shown) {
      ObjectNode node = packages.addObject();
      node.put("name", p.name());
      node.put("version", p.version().isEmpty() ? null : p.version());
      node.put("file", p.location().source());
      node.put("line", p.location().line());
      node.put("sdist", p.sdist().orElse(null));
      if (p.hasSdist().isPresent()) {
        node.put("has_sdist", p.hasSdist().get());
      } else {
        node.putNull("has_sdist");
      }
      node.put("yanked", p.yanked());
      node.put("yanked_reason", p.yankedReason().orElse(null));
      node.put("requires_python", p.requiresPython().orElse(null));
      ObjectNode hashes = node.putObject("hashes");
      ArrayNode matching = hashes.putArray("matching");
      p.matchingHashes().forEach(matching::add);
      ArrayNode stale = hashes.putArray("stale");
      p.staleHashes().forEach(stale::add);
      ObjectNode byTarget = node.putObject("targets");
      p.targets()
          .forEach(
              (t, r) -> {
                ObjectNode tn = byTarget.putObject(t);
                tn.put("install", r.route().label());
                tn.put("file", r.file().map(Redaction::redact).orElse(null));
                tn.put("requirements_file", Redaction.redact(r.location().source()));
                tn.put("line", r.location().line());
                tn.put("hashes_allow", !r.refusedByHashes());
                if (r.hermetoReady().isPresent()) {
                  tn.put("hermeto_ready", r.hermetoReady().get());
                } else {
                  tn.putNull("hermeto_ready");
                }
                ArrayNode problems = tn.putArray("problems");
                r.problems().forEach(m -> problems.add(Redaction.redact(m)));
                tn.put("ok", r.isOk());
              });
      node.put("error", p.error().map(Redaction::redact).orElse(null));
      node.put("ok", p.isOk());
      VulnerabilityRenderer.json(node, report, p);
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("pins", report.packages().size());
    summary.put("ok", report.packages().stream().filter(PackageAudit::isOk).count());
    names(summary.putArray("without_sdist"), report.withoutSdist());
    ObjectNode notInstallable = summary.putObject("not_installable");
    report.targets().forEach(t -> names(notInstallable.putArray(t), report.notInstallable(t)));
    names(summary.putArray("hash_problems"), report.hashProblems());
    names(summary.putArray("yanked"), report.yanked());
    ObjectNode unknown = summary.putObject("unknown");
    report.targets().forEach(t -> names(unknown.putArray(t), report.unknown(t)));
    names(summary.putArray("errors"), report.errors());
    names(summary.putArray("index_failures"), report.indexFailures());
    summary.put("index_failure", report.hasIndexFailures());
    VulnerabilityRenderer.jsonSummary(summary, report);
    return JsonText.pretty(root);
  }

  private static void names(ArrayNode array, List<PackageAudit> packages) {
    packages.forEach(p -> array.add(p.name()));
  }

  /**
   * Renders the report as a Markdown table.
   *
   * @param report the report
   * @param shown the packages to list
   * @return the table's text
   */
  public static String markdown(AuditReport report, List<PackageAudit> shown) {
    StringBuilder out = new StringBuilder("| package | version | sdist |");
    report.targets().forEach(t -> out.append(' ').append(t).append(" |"));
    out.append("\n|---|---|---|");
    report.targets().forEach(t -> out.append("---|"));
    out.append('\n');
    for (PackageAudit p : shown) {
      out.append("| `").append(p.name()).append("` | ");
      out.append(p.version().isEmpty() ? "-" : escape(p.version())).append(" | ");
      String sdist = sdistCell(p);
      out.append(sdist.equals("no") ? "**no**" : sdist);
      out.append(" |");
      for (String t : report.targets()) {
        String cell = cell(p, t);
        boolean bad = cell.equals("none") || cell.equals("hash");
        out.append(' ').append(bad ? "**" + cell + "**" : cell).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
    for (String line : summaryText(report).split("\n")) {
      out.append("- ").append(escape(line)).append('\n');
    }
    List<Finding> problems = findings(shown);
    if (!problems.isEmpty()) {
      // a paragraph between the two lists keeps them apart
      out.append("\nProblems:\n\n");
      for (Finding f : problems) {
        out.append("- `")
            .append(f.where().replace("`", "'"))
            .append("`: ")
            .append(inline(f.what()))
            .append('\n');
      }
    }
    List<String> vulnerabilities = VulnerabilityRenderer.lines(report, shown);
    if (!vulnerabilities.isEmpty()) {
      out.append("\nKnown vulnerabilities:\n\n");
      vulnerabilities.forEach(
          l ->
              out.append(l.startsWith(" ") ? "  - " : "- ").append(inline(l.strip())).append('\n'));
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  /** Text that Markdown shows as written: its markup characters escaped. */
  private static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*[]<>|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Renders the report as CSV, one row per package.
   *
   * @param report the report
   * @param shown the packages to list
   * @return the CSV text
   */
  public static String csv(AuditReport report, List<PackageAudit> shown) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "name",
                "version",
                "file",
                "line",
                "sdist",
                "has_sdist",
                "yanked",
                "stale_hashes",
                "error"));
    for (String t : report.targets()) {
      header.add(t + "_install");
      header.add(t + "_file");
      header.add(t + "_hermeto_ready");
      header.add(t + "_problems");
      header.add(t + "_requirements_file");
      header.add(t + "_line");
    }
    header.addAll(VulnerabilityRenderer.csvHeader(report));
    StringBuilder out = new StringBuilder();
    row(out, header);
    for (PackageAudit p : shown) {
      List<String> cells = new ArrayList<>();
      cells.add(p.name());
      cells.add(p.version());
      cells.add(p.location().source());
      cells.add(String.valueOf(p.location().line()));
      cells.add(p.sdist().orElse(""));
      cells.add(sdistCell(p));
      cells.add(String.valueOf(p.yanked()));
      cells.add(String.join(" ", p.staleHashes()));
      cells.add(p.error().map(Redaction::redact).orElse(""));
      for (String t : report.targets()) {
        TargetResult r = p.targets().get(t);
        cells.add(r == null ? "" : cell(p, t));
        cells.add(r == null ? "" : r.file().map(Redaction::redact).orElse(""));
        cells.add(r == null ? "" : r.hermetoReady().map(String::valueOf).orElse(""));
        cells.add(
            r == null
                ? ""
                : r.problems().stream().map(Redaction::redact).collect(Collectors.joining("; ")));
        cells.add(r == null ? "" : Redaction.redact(r.location().source()));
        cells.add(r == null ? "" : String.valueOf(r.location().line()));
      }
      cells.addAll(VulnerabilityRenderer.csvCells(report, p));
      row(out, cells);
    }
    return out.toString();
  }

  /** RFC 4180: quote a field holding a comma, a quote or a line break; CRLF line ends. */
  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        out.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
