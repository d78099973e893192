package io.pyhermetic.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Problem;
import io.pyhermetic.error.Severity;
import io.pyhermetic.prefetch.FileOutcome;
import io.pyhermetic.prefetch.PrefetchException;
import io.pyhermetic.prefetch.PrefetchOptions;
import io.pyhermetic.prefetch.PrefetchResult;
import io.pyhermetic.prefetch.Prefetcher;
import io.pyhermetic.prefetch.RequirementOutcome;
import io.pyhermetic.text.Redaction;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic prefetch}: Hermeto's pip download, verified, without running Hermeto. */
@Command(
    name = "prefetch",
    mixinStandardHelpOptions = true,
    description =
        "Download what 'hermeto fetch-deps' would download for the pip packages of CONFIG (a"
            + " Hermeto input file, or its JSON text): for every pinned requirement of the"
            + " requirements and build requirements files, the sdist and wheels Hermeto selects"
            + " with the 'binary' filter and the pinned hashes. Files go to OUTPUT_DIR/deps/pip"
            + " with OUTPUT_DIR/.build-config.json, as Hermeto lays them out, so 'pyhermetic"
            + " generate-env' and the podman build use them unchanged. Every file's sha256 must"
            + " match the index's digest and the pinned hashes (Hermeto only warns). The output"
            + " is built next to OUTPUT_DIR and renamed into place only when everything was"
            + " fetched; verified files stay in the download cache, so a run after a failure"
            + " downloads only what is missing. OUTPUT_DIR/bom.json is Hermeto's CycloneDX SBOM:"
            + " one component per package of CONFIG (named by its pyproject.toml, setup.py or"
            + " setup.cfg, else by the git origin URL of --source; without a name the package is"
            + " rejected before anything is fetched) and one per fetched pin, with a"
            + " repository_url qualifier unless the index is PyPI's. URL and VCS requirements are"
            + " not fetched (they are reported).")
final class PrefetchCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Parameters(
      paramLabel = "CONFIG",
      description = "A Hermeto fetch-deps input: a JSON file, or JSON text.")
  String config;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUTPUT_DIR",
      description = "The output directory (Hermeto's --output).")
  Path output;

  @Option(
      names = "--source",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The source directory the input's paths are relative to (default: .).")
  Path source;

  @Option(
      names = "--force",
      description =
          "Replace OUTPUT_DIR when it exists and is not empty (only once all is fetched).")
  boolean force;

  @Option(
      names = "--download-cache",
      paramLabel = "DIR",
      description =
          "Where verified files are kept by sha256 for later runs (default: files/ under"
              + " --cache-dir, $XDG_CACHE_HOME/pyhermetic or ~/.cache/pyhermetic; with --no-cache,"
              + " a temporary directory removed afterwards).")
  Path downloadCache;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Mixin IndexOptions indexOptions;

  @Option(
      names = "--no-vulnerabilities",
      description =
          "Leave licences and known vulnerabilities out of bom.json (by default looked up where"
              + " the index is PyPI's JSON API, which also gives the licences, or an OSV URL or"
              + " service is given).")
  boolean noVulnerabilities;

  @Mixin VulnerabilityOptions vulnerabilityOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String json = input();
    Inputs.requireDirectory("--source", source);
    PrintWriter err = spec.commandLine().getErr();
    PrefetchOptions.Builder options =
        PrefetchOptions.builder()
            .concurrency(Math.max(1, indexOptions.concurrency))
            .replaceExisting(force);
    // the verified files live beside the response cache unless told otherwise, as for build-deps
    Path temporaryCache = null;
    if (downloadCache != null) {
      options.cacheDirectory(downloadCache);
    } else if (indexOptions.noCache) {
      temporaryCache = TempDirs.create("pyhermetic-prefetch-files");
      options.cacheDirectory(temporaryCache);
    } else if (indexOptions.cacheDir != null) {
      options.cacheDirectory(indexOptions.cacheDir.resolve("files"));
    }
    PrefetchResult result;
    String indexDescription;
    try (IndexOptions.Opened opened = indexOptions.open();
        VulnerabilityOptions.Opened advisories =
            vulnerabilityOptions.open(
                !noVulnerabilities, opened.index(), indexOptions.settings(), false)) {
      indexDescription = opened.description();
      Prefetcher prefetcher =
          new Prefetcher(opened.index(), options.repositoryUrl(opened.repositoryUrl()).build());
      if (advisories.lookup().isPresent()) {
        prefetcher =
            prefetcher.withAdvisories(advisories.lookup().get(), vulnerabilityOptions.bestEffort);
      }
      prefetcher = prefetcher.withProgress(ProgressLine.of(err, quiet));
      // reproducible builds' convention: a fixed date makes bom.json byte-identical across runs
      Optional<Instant> fixedDate = sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH"));
      if (fixedDate.isPresent()) {
        prefetcher = prefetcher.withClock(Clock.fixed(fixedDate.get(), ZoneOffset.UTC));
      }
      result = prefetcher.prefetch(json, source, output);
    } catch (PrefetchException e) {
      throw new CliException(
          Redaction.redact(e.getMessage()),
          e.kind() == PrefetchException.Kind.ADVISORY_FAILURE ? ExitCodes.INDEX : ExitCodes.USAGE);
    } finally {
      if (temporaryCache != null) {
        TempDirs.deleteTree(temporaryCache);
      }
    }
    indexOptions.printTimings(err);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(Json.write(json(result, indexDescription)));
    } else {
      out.print(text(result));
    }
    out.flush();
    if (result.written()) {
      return ExitCodes.OK;
    }
    return result.hasIndexFailures() ? ExitCodes.INDEX : ExitCodes.FINDINGS;
  }

  /** The input text: CONFIG's content when it is a file, else CONFIG itself when it is JSON. */
  private String input() {
    Path file;
    try {
      file = Path.of(config);
    } catch (java.nio.file.InvalidPathException e) {
      file = null;
    }
    if (file != null && Files.exists(file)) {
      return Inputs.readText(file);
    }
    String stripped = config.strip();
    if (stripped.startsWith("{") || stripped.startsWith("[")) {
      return config;
    }
    throw new CliException("cannot read " + config + ": no such file", ExitCodes.USAGE);
  }

  // ---- renderings

  static String text(PrefetchResult result) {
    StringBuilder out = new StringBuilder();
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      if (d.severity() == Severity.ERROR) {
        problems.add(Redaction.redact(d.toString()));
      }
    }
    for (RequirementOutcome r : result.requirements()) {
      r.problem()
          .ifPresent(
              p ->
                  problems.add(
                      r.location().source()
                          + ":"
                          + r.location().line()
                          + ": "
                          + r.pin()
                          + ": "
                          + Redaction.redact(p.message() + " [" + p.code().label() + "]")));
    }
    Map<String, FileOutcome> files = new HashMap<>();
    result.files().forEach(f -> files.put(f.filename(), f));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("package", "kind", "files", "bytes", "status"));
    for (RequirementOutcome r : result.requirements()) {
      long bytes = 0;
      for (String f : r.files()) {
        FileOutcome o = files.get(f);
        bytes += o == null ? 0 : o.size().orElse(0);
      }
      rows.add(
          List.of(
              r.pin(),
              r.build() ? "build" : "runtime",
              String.valueOf(r.files().size()),
              String.valueOf(bytes),
              r.isOk() ? "ok" : r.problem().get().code().label()));
    }
    int[] widths = new int[5];
    for (List<String> row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        boolean right = c == 2 || c == 3;
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(right ? pad + cell : cell + (c + 1 < row.size() ? pad : ""));
        if (c + 1 < row.size()) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (!problems.isEmpty()) {
      out.append("\nproblems:\n");
      problems.forEach(p -> out.append("  ").append(p).append('\n'));
    }
    out.append('\n')
        .append(result.files().size())
        .append(result.files().size() == 1 ? " file, " : " files, ")
        .append(humanBytes(result.bytes()))
        .append(": ")
        .append(result.count(FileOutcome.Status.DOWNLOADED))
        .append(" downloaded (")
        .append(humanBytes(result.downloadedBytes()))
        .append("), ")
        .append(result.count(FileOutcome.Status.REUSED))
        .append(" reused, ")
        .append(result.count(FileOutcome.Status.FAILED))
        .append(" failed\n");
    if (result.written()) {
      out.append("wrote ").append(result.outputDirectory()).append('\n');
    } else {
      out.append("nothing written to ")
          .append(result.outputDirectory())
          .append(": ")
          .append(problems.size())
          .append(problems.size() == 1 ? " problem\n" : " problems\n");
    }
    return out.toString();
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static ObjectNode json(PrefetchResult result, String index) {
    ObjectNode root = Json.object();
    root.put("output", result.outputDirectory().toString());
    root.put("written", result.written());
    root.put("sbom", result.sbom().map(Path::toString).orElse(null));
    root.put("index", Redaction.redact(index));
    Json.putDiagnostics(root, result.diagnostics());
    ArrayNode requirements = root.putArray("requirements");
    for (RequirementOutcome r : result.requirements()) {
      ObjectNode node = requirements.addObject();
      node.put("name", r.name());
      node.put("version", r.version().orElse(null));
      node.put("file", r.location().source());
      node.put("line", r.location().line());
      node.put("build", r.build());
      ArrayNode files = node.putArray("files");
      r.files().forEach(files::add);
      ArrayNode warnings = node.putArray("warnings");
      r.warnings().forEach(w -> warnings.add(Redaction.redact(w)));
      problem(node, r.problem().orElse(null));
      node.put("ok", r.isOk());
    }
    ArrayNode files = root.putArray("files");
    for (FileOutcome f : result.files()) {
      ObjectNode node = files.addObject();
      node.put("filename", f.filename());
      node.put("url", Redaction.redact(f.url()));
      node.put("status", f.status().label());
      if (f.size().isPresent()) {
        node.put("size", f.size().getAsLong());
      } else {
        node.putNull("size");
      }
      node.put("sha256", f.sha256().orElse(null));
      ArrayNode pins = node.putArray("requirements");
      f.requirements().forEach(pins::add);
      problem(node, f.problem().orElse(null));
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("requirements", result.requirements().size());
    summary.put("failed_requirements", result.failedRequirements().size());
    summary.put("files", result.files().size());
    summary.put("bytes", result.bytes());
    summary.put("downloaded", result.count(FileOutcome.Status.DOWNLOADED));
    summary.put("downloaded_bytes", result.downloadedBytes());
    summary.put("reused", result.count(FileOutcome.Status.REUSED));
    summary.put("failed", result.count(FileOutcome.Status.FAILED));
    summary.put("index_failure", result.hasIndexFailures());
    return root;
  }

  private static void problem(ObjectNode node, Problem problem) {
    if (problem == null) {
      node.putNull("problem");
      return;
    }
    ObjectNode p = node.putObject("problem");
    p.put("kind", problem.code().label());
    p.put("message", Redaction.redact(problem.message()));
  }

  /**
   * The date {@code SOURCE_DATE_EPOCH} names (whole seconds since 1970, UTC), empty when it is
   * unset or blank.
   */
  static Optional<Instant> sourceDateEpoch(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds >= 0) {
        return Optional.of(Instant.ofEpochSecond(seconds));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(
        "SOURCE_DATE_EPOCH must be whole seconds since 1970, not '" + value + "'", ExitCodes.USAGE);
  }
}
