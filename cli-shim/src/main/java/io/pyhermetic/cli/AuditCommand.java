package io.pyhermetic.cli;

import io.pyhermetic.advisory.AdvisoryReport;
import io.pyhermetic.advisory.IgnoreRule;
import io.pyhermetic.audit.AuditRenderer;
import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.audit.SarifRenderer;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.text.Redaction;
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
            + " sdist or is yanked, and whether Hermeto's download would contain it; each finding"
            + " cites the file and line of the pin on its target. Where the index failed, the"
            + " answer is 'unknown'. The targets are the architectures the file names carry"
            + " (requirements-x86_64.txt, requirements-arm64.txt) unless --target is given. When"
            + " every file is named after one of the targets, each file is audited for its own"
            + " target only; otherwise every file for every target.")
final class AuditCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown,
    csv,
    sarif
  }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Requirements files to audit.")
  List<Path> files;

  @Option(
      names = "--target",
      paramLabel = "ARCH",
      description =
          "A target architecture: x86_64, aarch64, ppc64le or s390x (repeatable). Default: the"
              + " architectures the file names carry.")
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

  @Option(
      names = "--vulnerabilities",
      description =
          "Also look up the known vulnerabilities of every pin on the targets: per pin the"
              + " findings and the smallest version that fixes them all.")
  boolean vulnerabilities;

  @Option(
      names = "--fail-on-vulnerability",
      description = "Exit 1 when a pin has a known vulnerability that is not ignored.")
  boolean failOnVulnerability;

  @Mixin VulnerabilityOptions vulnerabilityOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Target> targets =
        targetOptions.targets("--target", targetArchs != null ? targetArchs : namedTargets());
    Function<Target, Optional<PipBinaryFilters>> filter = hermetoFilter();
    RequirementsFileParser parser = new RequirementsFileParser();
    Map<Path, List<Entry>> entriesByFile = new LinkedHashMap<>();
    for (Path file : files) {
      entriesByFile.put(file, Inputs.parse(parser, file, targets.values()).allEntries());
    }
    PrintWriter err = spec.commandLine().getErr();
    AuditReport report;
    String indexDescription;
    if (format == Format.sarif || failOnVulnerability) {
      vulnerabilities = true;
    }
    try (IndexOptions.Opened opened = indexOptions.open();
        VulnerabilityOptions.Opened advisories =
            vulnerabilityOptions.open(
                vulnerabilities, opened.index(), indexOptions.settings(), true)) {
      indexDescription = opened.description();
      Auditor auditor = new Auditor(opened.index(), targets, filter);
      if (advisories.lookup().isPresent()) {
        auditor = auditor.withAdvisories(advisories.lookup().get());
      }
      ProgressLine line = ProgressLine.of(err, quiet);
      report =
          auditor
              .withProgress(line)
              .audit(Auditor.entriesByTarget(entriesByFile, targets.keySet(), everyTarget));
      line.clear();
    }
    indexOptions.printTimings(err);
    List<PackageAudit> shown =
        onlyProblems
            ? report.packages().stream()
                .filter(
                    p ->
                        !p.isOk()
                            || report.vulnerable().contains(p)
                            || report.vulnerabilitiesUnknown().contains(p))
                .toList()
            : report.packages();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.print(AuditRenderer.json(report, shown, indexDescription));
      case markdown -> out.print(AuditRenderer.markdown(report, shown));
      case csv -> out.print(AuditRenderer.csv(report, shown));
      case sarif -> out.print(SarifRenderer.sarif(report, shown));
      default -> out.print(AuditRenderer.text(report, shown, colour()));
    }
    out.flush();
    if (report.hasIndexFailures()) {
      // each failing project with the URL that failed, one line each
      for (PackageAudit p : report.indexFailures()) {
        err.println(
            "pyhermetic audit: "
                + Redaction.redact(p.error().orElse(p.name() + ": index failure"))
                    .replace('\n', ' '));
      }
      return ExitCodes.INDEX;
    }
    for (IgnoreRule rule :
        report.vulnerabilities().map(AdvisoryReport::expiredIgnores).orElse(List.of())) {
      err.println(
          "pyhermetic audit: warning: --ignore-vuln "
              + rule
              + " expired on "
              + rule.until().map(Object::toString).orElse("")
              + ": its findings count again");
    }
    List<PackageAudit> unknown = report.vulnerabilitiesUnknown();
    for (PackageAudit p : unknown) {
      err.println(
          "pyhermetic audit: "
              + (vulnerabilityOptions.bestEffort ? "warning: " : "")
              + p.name()
              + " "
              + p.version()
              + ": vulnerabilities unknown: "
              + Redaction.redact(
                      String.join("; ", report.vulnerabilitiesOf(p).orElseThrow().failures()))
                  .replace('\n', ' '));
    }
    if (!unknown.isEmpty() && !vulnerabilityOptions.bestEffort) {
      return ExitCodes.INDEX;
    }
    if (failOnVulnerability && !report.vulnerable().isEmpty()) {
      return ExitCodes.FINDINGS;
    }
    return report.isOk() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** The architectures the files are named after, in order; a usage error for a file without. */
  private List<String> namedTargets() {
    List<String> archs = new ArrayList<>();
    for (Path file : files) {
      String arch =
          Labels.architectureOf(file)
              .orElseThrow(
                  () ->
                      new CliException(
                          file
                              + " is not named after an architecture"
                              + " (requirements-x86_64.txt): give --target ARCH",
                          ExitCodes.USAGE));
      if (!archs.contains(arch)) {
        archs.add(arch);
      }
    }
    return archs;
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
}
