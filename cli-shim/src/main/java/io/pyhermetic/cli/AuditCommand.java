package io.pyhermetic.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.audit.TargetResult;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.internal.Redaction;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic audit}: what each pin installs on each target, offline, before any build. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "For every pin of the given requirements files, ask the index which files the release"
            + " has and report, per target: the file pip would install offline (a wheel, the sdist"
            + " to build, or none), whether the pinned hashes allow it, whether the release has an"
            + " sdist or is yanked, and whether Hermeto's download would contain it. When every"
            + " file is named after one of the targets (requirements-aarch64.txt), each file is"
            + " audited for its own target only; otherwise every file for every target.")
final class AuditCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown,
    csv
  }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Requirements files to audit.")
  List<Path> files;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "ARCH",
      description = "A target architecture: x86_64, aarch64, ppc64le or s390x (repeatable).")
  List<String> targetArchs;

  @Mixin TargetOptions targetOptions;

  @Option(
      names = "--every-target",
      description = "Audit every file for every target, even when files are named per target.")
  boolean everyTarget;

  @Option(
      names = "--hermeto-binary",
      paramLabel = "JSON",
      description =
          "Hermeto's pip 'binary' filter (JSON object) to check hermetic readiness against,"
              + " used for the targets its 'arch' names (repeatable). Default: the filter"
              + " 'pyhermetic hermeto-config' writes for each target.")
  List<String> hermetoBinary;

  @Option(names = "--no-hermeto", description = "Skip the Hermeto readiness check.")
  boolean noHermeto;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--only-problems", description = "List only the pins with a problem.")
  boolean onlyProblems;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Mixin IndexOptions indexOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Target> targets = targetOptions.targets("--target", targetArchs);
    Function<Target, Optional<PipBinaryFilters>> filter = hermetoFilter();
    RequirementsFileParser parser = new RequirementsFileParser();
    Map<Path, List<Entry>> entriesByFile = new LinkedHashMap<>();
    for (Path file : files) {
      entriesByFile.put(file, Inputs.parse(parser, file).allEntries());
    }
    boolean perFile =
        !everyTarget
            && files.stream()
                .allMatch(f -> targets.containsKey(TargetOptions.canonicalArch(label(f))));
    Map<String, List<Entry>> byTarget = new LinkedHashMap<>();
    targets.keySet().forEach(t -> byTarget.put(t, new ArrayList<>()));
    entriesByFile.forEach(
        (file, entries) -> {
          if (perFile) {
            byTarget.get(TargetOptions.canonicalArch(label(file))).addAll(entries);
          } else {
            byTarget.values().forEach(list -> list.addAll(entries));
          }
        });
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = !quiet && System.console() != null;
    AuditReport report;
    String indexDescription;
    try (IndexOptions.Opened opened = indexOptions.open()) {
      indexDescription = opened.description();
      Auditor auditor = new Auditor(opened.index(), targets, filter);
      if (progress) {
        ProgressLine line = new ProgressLine(err);
        auditor =
            auditor.withProgress(
                (done, total, release) ->
                    line.show(done, total, release.name() + " " + release.version()));
      }
      report = auditor.audit(byTarget);
    }
    List<PackageAudit> shown =
        onlyProblems
            ? report.packages().stream().filter(p -> !p.isOk()).toList()
            : report.packages();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.print(Json.write(AuditRendering.json(report, shown, indexDescription)));
      case markdown -> out.print(AuditRendering.markdown(report, shown));
      case csv -> out.print(AuditRendering.csv(report, shown));
      default -> out.print(AuditRendering.text(report, shown, colour()));
    }
    out.flush();
    if (report.hasIndexFailures()) {
      report.packages().stream()
          .filter(PackageAudit::indexFailure)
          .forEach(
              p ->
                  err.println(
                      "pyhermetic audit: "
                          + Redaction.redact(p.error().orElse("index failure for " + p.name()))));
      return ExitCodes.INDEX;
    }
    return report.isOk() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static String label(Path file) {
    return Labels.fromFileName(file);
  }

  private Function<Target, Optional<PipBinaryFilters>> hermetoFilter() {
    if (noHermeto) {
      if (hermetoBinary != null) {
        throw new CliException(
            "--no-hermeto and --hermeto-binary contradict each other", ExitCodes.USAGE);
      }
      return t -> Optional.empty();
    }
    if (hermetoBinary == null) {
      return Auditor::hermetoConfigFilter;
    }
    List<PipBinaryFilters> filters = new ArrayList<>();
    for (String json : hermetoBinary) {
      filters.add(parseBinary(json));
    }
    return target ->
        filters.stream()
            .filter(f -> List.of(f.arch().split(",")).contains(target.arch()))
            .findFirst();
  }

  /** Reads a {@code binary} object with Hermeto's own checks and wording. */
  static PipBinaryFilters parseBinary(String json) {
    String config = "{\"packages\":[{\"type\":\"pip\",\"binary\":" + json + "}]}";
    HermetoValidator.Result result = HermetoValidator.validate(config, Path.of("."));
    List<HermetoValidator.Violation> relevant =
        result.violations().stream()
            .filter(v -> v.location().contains("binary") || v.location().isEmpty())
            .toList();
    if (!relevant.isEmpty()) {
      throw new CliException(
          "--hermeto-binary: "
              + relevant.stream()
                  .map(HermetoValidator.Violation::toString)
                  .collect(Collectors.joining("; ")),
          ExitCodes.USAGE);
    }
    return result
        .input()
        .flatMap(input -> input.packages().stream().findFirst())
        .flatMap(PipInput::binary)
        .orElseThrow(
            () ->
                new CliException(
                    "--hermeto-binary: "
                        + result.violations().stream()
                            .map(HermetoValidator.Violation::toString)
                            .collect(Collectors.joining("; ")),
                    ExitCodes.USAGE));
  }

  private static boolean colour() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }

  /** The four renderings of a report. */
  static final class AuditRendering {
    private AuditRendering() {}

    static String cell(PackageAudit p, String target) {
      TargetResult r = p.targets().get(target);
      if (r == null) {
        return "-";
      }
      return r.refusedByHashes() ? "hash" : r.route().label();
    }

    static String text(AuditReport report, List<PackageAudit> shown, boolean colour) {
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
                          .forEach(
                              m -> problems.add(pin + " [" + t + "]: " + Redaction.redact(m))));
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

    static String summaryText(AuditReport report) {
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

    static ObjectNode json(AuditReport report, List<PackageAudit> shown, String index) {
      ObjectNode root = Json.object();
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
      return root;
    }

    private static void names(ArrayNode array, List<PackageAudit> packages) {
      packages.forEach(p -> array.add(p.name()));
    }

    static String markdown(AuditReport report, List<PackageAudit> shown) {
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

    static String csv(AuditReport report, List<PackageAudit> shown) {
      List<String> header =
          new ArrayList<>(
              List.of(
                  "name", "version", "file", "line", "sdist", "yanked", "stale_hashes", "error"));
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
}
