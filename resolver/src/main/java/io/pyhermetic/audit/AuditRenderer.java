package io.pyhermetic.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.internal.JsonText;
import io.pyhermetic.internal.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The renderings of an {@link AuditReport}: an aligned text table (optionally coloured), JSON,
 * Markdown and CSV. Each takes the packages to show, so a caller can list only the problems while
 * the summary still counts every pin. Credentials in URLs and messages are redacted.
 */
public final class AuditRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AuditRenderer() {}

  public static String cell(PackageAudit p, String target) {
    TargetResult r = p.targets().get(target);
    if (r == null) {
      return "-";
    }
    return r.refusedByHashes() ? "hash" : r.route().label();
  }

  public static String text(AuditReport report, List<PackageAudit> shown, boolean colour) {
    List<String> header = new ArrayList<>(List.of("package", "version", "sdist"));
    header.addAll(report.targets());
    List<List<String>> rows = new ArrayList<>();
    for (PackageAudit p : shown) {
      List<String> row = new ArrayList<>();
      row.add(p.name());
      row.add(p.version().isEmpty() ? "-" : p.version());
      row.add(p.error().isPresent() ? "?" : p.sdist().isPresent() ? "yes" : "no");
      report.targets().forEach(t -> row.add(cell(p, t)));
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
    appendRow(out, header, widths, false);
    rows.forEach(row -> appendRow(out, row, widths, colour));
    List<String> problems = new ArrayList<>();
    for (PackageAudit p : shown) {
      String where = p.location().source() + ":" + p.location().line() + ": " + p.name();
      String pin = p.version().isEmpty() ? where : where + " " + p.version();
      p.error().ifPresent(e -> problems.add(pin + ": " + Redaction.redact(e)));
      if (!p.staleHashes().isEmpty()) {
        problems.add(
            pin
                + ": "
                + p.staleHashes().size()
                + " pinned hash(es) match no file of the release (stale lock)");
      }
      if (p.error().isEmpty()) {
        p.targets()
            .forEach(
                (t, r) ->
                    r.problems()
                        .forEach(m -> problems.add(pin + " [" + t + "]: " + Redaction.redact(m))));
      }
    }
    if (!problems.isEmpty()) {
      out.append("\nproblems:\n");
      problems.forEach(m -> out.append("  ").append(m).append('\n'));
    }
    out.append('\n').append(summaryText(report));
    return out.toString();
  }

  private static void appendRow(
      StringBuilder out, List<String> cells, int[] widths, boolean colour) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      boolean last = c == cells.size() - 1;
      String code = colour && c >= 3 ? colourOf(cell) : null;
      line.append(code == null ? cell : code + cell + "\u001b[0m");
      if (!last) {
        line.append(" ".repeat(widths[c] - cell.length() + 2));
      }
    }
    out.append(line).append('\n');
  }

  private static String colourOf(String cell) {
    return switch (cell) {
      case "wheel" -> "\u001b[32m";
      case "sdist", "url" -> "\u001b[33m";
      case "none", "hash" -> "\u001b[31m";
      default -> null;
    };
  }

  private static String names(List<PackageAudit> packages) {
    return packages.stream()
        .map(p -> p.version().isEmpty() ? p.name() : p.name() + " " + p.version())
        .collect(Collectors.joining(", "));
  }

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
    line(out, "without sdist", report.withoutSdist());
    for (String t : report.targets()) {
      line(out, "not installable on " + t, report.notInstallable(t));
    }
    line(out, "hash problems", report.hashProblems());
    line(out, "yanked", report.yanked());
    return out.toString();
  }

  private static void line(StringBuilder out, String what, List<PackageAudit> packages) {
    out.append(what).append(" (").append(packages.size()).append(')');
    if (!packages.isEmpty()) {
      out.append(": ").append(names(packages));
    }
    out.append('\n');
  }

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
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("pins", report.packages().size());
    summary.put("ok", report.packages().stream().filter(PackageAudit::isOk).count());
    names(summary.putArray("without_sdist"), report.withoutSdist());
    ObjectNode notInstallable = summary.putObject("not_installable");
    report.targets().forEach(t -> names(notInstallable.putArray(t), report.notInstallable(t)));
    names(summary.putArray("hash_problems"), report.hashProblems());
    names(summary.putArray("yanked"), report.yanked());
    names(summary.putArray("errors"), report.errors());
    summary.put("index_failure", report.hasIndexFailures());
    return JsonText.pretty(root);
  }

  private static void names(ArrayNode array, List<PackageAudit> packages) {
    packages.forEach(p -> array.add(p.name()));
  }

  public static String markdown(AuditReport report, List<PackageAudit> shown) {
    StringBuilder out = new StringBuilder("| package | version | sdist |");
    report.targets().forEach(t -> out.append(' ').append(t).append(" |"));
    out.append("\n|---|---|---|");
    report.targets().forEach(t -> out.append("---|"));
    out.append('\n');
    for (PackageAudit p : shown) {
      out.append("| `").append(p.name()).append("` | ");
      out.append(p.version().isEmpty() ? "-" : escape(p.version())).append(" | ");
      out.append(p.error().isPresent() ? "?" : p.sdist().isPresent() ? "yes" : "**no**");
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
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  public static String csv(AuditReport report, List<PackageAudit> shown) {
    List<String> header =
        new ArrayList<>(
            List.of("name", "version", "file", "line", "sdist", "yanked", "stale_hashes", "error"));
    for (String t : report.targets()) {
      header.add(t + "_install");
      header.add(t + "_file");
      header.add(t + "_hermeto_ready");
      header.add(t + "_problems");
    }
    StringBuilder out = new StringBuilder();
    row(out, header);
    for (PackageAudit p : shown) {
      List<String> cells = new ArrayList<>();
      cells.add(p.name());
      cells.add(p.version());
      cells.add(p.location().source());
      cells.add(String.valueOf(p.location().line()));
      cells.add(p.sdist().orElse(""));
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
      }
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
