package io.pyhermetic.plan;

import io.pyhermetic.advisory.AdvisoryLookup;
import io.pyhermetic.audit.AuditRenderer;
import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsOutput;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.diff.DiffRenderer;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.diff.RequirementsSplit;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Problem;
import io.pyhermetic.error.Severity;
import io.pyhermetic.hermeto.HermetoEnv;
import io.pyhermetic.hermeto.HermetoInput;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.FileCache;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.Indexes;
import io.pyhermetic.index.Release;
import io.pyhermetic.platform.Target;
import io.pyhermetic.prefetch.Prefetcher;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.sdist.Downloader;
import io.pyhermetic.text.Redaction;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The main job as one call: check the requirements against pip and Hermeto, compare them per
 * target, audit every pin on every target, resolve the build dependencies from the sdists, and make
 * the Hermeto inputs, the env file and the podman commands. {@link #plan} computes and writes
 * nothing; {@link PlanWriter#write} writes the plan directory.
 */
public final class Planner {
  private Planner() {}

  /**
   * Plans {@code request}. Per-package problems and index failures are outcomes in the result (see
   * {@link PlanResult#status()}), never exceptions.
   *
   * @param request the request
   * @return the plan
   * @throws PlanException when the request cannot be planned at all: an unreadable or invalid
   *     requirements file, an unknown target, a bad option, or an output directory that must not be
   *     replaced
   */
  public static PlanResult plan(PlanRequest request) {
    Path source = request.sourceDirectory().toAbsolutePath().normalize();
    Path out = request.outputDirectory().toAbsolutePath().normalize();
    PlanWriter.checkOutput(request);
    if (!Files.isDirectory(source)) {
      throw new PlanException(
          "source directory " + request.sourceDirectory() + " (--source): no such directory");
    }
    PlanInputs inputs = PlanInputs.read(request);
    Map<String, Target> targets = inputs.targets();
    Map<String, PipBinaryFilters> filters = new LinkedHashMap<>();
    targets.forEach((arch, target) -> filters.put(arch, binaryFilter(request, target)));

    List<Finding> findings = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();

    // 1. check, as pip and Hermeto read the files
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (RequirementsFile file : inputs.parsed().values()) {
      diagnostics.addAll(file.warnings());
      diagnostics.addAll(HermetoRules.check(file));
    }
    files.put(PlanFiles.CHECK, checkText(inputs, diagnostics, findings));

    // a universal file is split per target: Hermeto ignores markers and would fetch every pin
    // for every architecture
    Map<String, List<Path>> hermetoReads = new LinkedHashMap<>(inputs.filesByTarget());
    if (request.universalFile().isPresent()) {
      Path universal = request.universalFile().get();
      RequirementsSplit.Result split =
          RequirementsSplit.split(
              inputs.parsed().get(universal),
              new ArrayList<>(targets.keySet()),
              request.python(),
              false);
      split.files().forEach((arch, text) -> files.put(PlanFiles.requirements(arch), text));
      split
          .problems()
          .forEach(
              d ->
                  findings.add(
                      new Finding(
                          Finding.Kind.SPLIT,
                          "splitting " + universal + ": " + Redaction.redact(d.toString()))));
      targets
          .keySet()
          .forEach(
              a ->
                  hermetoReads.put(
                      a, List.of(request.outputDirectory().resolve(PlanFiles.requirements(a)))));
    }

    // a lock file's selections are written per target for Hermeto, which reads only requirements
    inputs
        .lockRequirements()
        .forEach(
            (arch, text) -> {
              files.put(PlanFiles.requirements(arch), text);
              hermetoReads.put(
                  arch, List.of(request.outputDirectory().resolve(PlanFiles.requirements(arch))));
            });

    // 2. what Hermeto checks at fetch time, before any look-up
    Map<String, String> configs = new LinkedHashMap<>();
    Set<Path> planned = new HashSet<>();
    planned.add(out.resolve(PlanFiles.BUILD_REQUIREMENTS));
    targets.keySet().forEach(a -> planned.add(out.resolve(PlanFiles.requirements(a))));
    for (String arch : targets.keySet()) {
      String json = hermetoJson(source, hermetoReads.get(arch), out, filters.get(arch));
      HermetoValidator.Result valid = HermetoValidator.validate(json, source, planned);
      if (valid.isOk()) {
        configs.put(arch, json + "\n");
      } else {
        valid
            .violations()
            .forEach(
                v ->
                    findings.add(
                        new Finding(
                            Finding.Kind.HERMETO,
                            "Hermeto would reject the input for " + arch + ": " + v)));
      }
    }
    if (configs.size() < targets.size() && !out.startsWith(source)) {
      findings.add(
          new Finding(
              Finding.Kind.HERMETO,
              "Hermeto reads every file relative to the source directory "
                  + request.sourceDirectory()
                  + ": put the output directory inside it"));
    }
    for (String problem : Prefetcher.packageProblems(HermetoInput.of(PipInput.root()), source)) {
      findings.add(new Finding(Finding.Kind.HERMETO, "Hermeto would reject " + problem));
    }

    // 3. diff
    Optional<RequirementsDiff> diff = diff(request, inputs);
    files.put(
        PlanFiles.DIFF,
        diff.map(d -> DiffRenderer.markdown(d, d.packages()))
            .orElse("One requirements file: nothing to compare.\n"));

    // 4. audit and 5. build dependencies, through one index
    AuditReport audit;
    BuildDepsResult buildDeps;
    String indexDescription = Redaction.redact(request.index().location());
    try (CachingIndex index = Indexes.open(request.index(), request.indexSettings());
        Advisories advisories =
            new Advisories(
                AdvisoryLookup.forIndex(
                    index, request.vulnerabilities(), request.indexSettings()))) {
      ProgressListener progress = request.progress();
      progress.step(
          "auditing "
              + inputs.allEntries().size()
              + " pins for "
              + String.join(", ", targets.keySet()));
      Auditor auditor = new Auditor(index, targets, t -> Optional.of(filters.get(t.arch())));
      if (advisories.lookup().isPresent()) {
        auditor = auditor.withAdvisories(advisories.lookup().get());
      }
      audit = auditor.withProgress(progress).audit(inputs.entriesByTarget());
      progress.step("resolving build dependencies");
      buildDeps =
          new BuildDepsResolver(
                  index,
                  downloader(request, index),
                  BuildDepsOptions.builder()
                      .targets(new ArrayList<>(targets.values()))
                      .skipMissingSdist(request.skipMissingSdist())
                      .constraints(inputs.constraints())
                      .build())
              .withProgress(progress)
              .resolve(inputs.allEntries());
    } catch (IllegalArgumentException e) {
      throw new PlanException(Redaction.redact(e.getMessage()), e);
    }
    files.put(PlanFiles.AUDIT_JSON, AuditRenderer.json(audit, audit.packages(), indexDescription));
    files.put(PlanFiles.AUDIT_MD, AuditRenderer.markdown(audit, audit.packages()));
    auditFindings(audit, targets, findings);
    if (!request.vulnerabilities().bestEffort()) {
      // a service that did not answer leaves the pin's vulnerabilities unknown: a failure like the
      // index's, unless the request accepts unknowns
      for (PackageAudit p : audit.vulnerabilitiesUnknown()) {
        findings.add(
            new Finding(
                Finding.Kind.INDEX,
                pin(p)
                    + ": vulnerabilities unknown: "
                    + Redaction.redact(
                        String.join("; ", audit.vulnerabilitiesOf(p).orElseThrow().failures()))));
      }
    }
    files.put(PlanFiles.BUILD_DEPS, BuildDepsOutput.reportJson(buildDeps));
    if (buildDeps.isOk()) {
      files.put(
          PlanFiles.BUILD_REQUIREMENTS,
          BuildDepsOutput.requirementsText(
              buildDeps,
              BuildDepsOutput.header(request.python(), Commands.planCommand(request)),
              true));
    } else {
      buildDepsFindings(buildDeps, audit, findings);
    }

    // 6. Hermeto inputs, env file and podman commands: only with resolved build dependencies
    if (buildDeps.isOk()) {
      configs.forEach((arch, json) -> files.put(PlanResult.configName(arch), json));
      files.put(
          PlanFiles.ENV,
          HermetoEnv.env(
              HermetoEnv.resolve(HermetoEnv.pipVariables(), Path.of("/tmp/hermeto-output"))));
      if (!configs.isEmpty()) {
        files.put(PlanFiles.BUILD_SCRIPT, buildScript(request, source, out, configs));
      }
    } else {
      configs.clear();
    }
    List<String> nextSteps =
        configs.isEmpty() ? List.of() : Commands.nextSteps(request, List.copyOf(configs.keySet()));
    return new PlanResult(
        request,
        targets,
        hermetoReads,
        diagnostics,
        diff,
        audit,
        buildDeps,
        findings,
        indexDescription,
        nextSteps,
        files);
  }

  /** Closes the advisory look-up, when there is one. */
  private record Advisories(Optional<AdvisoryLookup> lookup) implements AutoCloseable {
    @Override
    public void close() {
      lookup.ifPresent(AdvisoryLookup::close);
    }
  }

  private static String checkText(
      PlanInputs inputs, List<Diagnostic> diagnostics, List<Finding> findings) {
    StringBuilder check = new StringBuilder();
    long errors = 0;
    for (Diagnostic d : diagnostics) {
      check.append(Redaction.redact(d.toString()).replace('\n', ' ')).append('\n');
      if (d.severity() == Severity.ERROR) {
        errors++;
      }
    }
    check.append(
        inputs.parsed().size()
            + " files checked against pip and Hermeto's rules: "
            + errors
            + " errors\n");
    if (errors > 0) {
      findings.add(
          new Finding(
              Finding.Kind.CHECK, errors + " error(s) in the requirements files (check.txt)"));
    }
    return check.toString();
  }

  /** Per-architecture files compared by label; a universal file compared per target. */
  private static Optional<RequirementsDiff> diff(PlanRequest request, PlanInputs inputs) {
    if (request.universalFile().isPresent()) {
      return inputs.targets().size() > 1
          ? Optional.of(
              RequirementsDiff.compareTargets(
                  inputs.parsed().get(request.universalFile().get()), inputs.targets()))
          : Optional.empty();
    }
    Map<String, RequirementsFile> byLabel = new LinkedHashMap<>();
    inputs.parsed().forEach((file, rf) -> byLabel.putIfAbsent(label(file, byLabel), rf));
    return byLabel.size() > 1 ? Optional.of(RequirementsDiff.compare(byLabel)) : Optional.empty();
  }

  private static String label(Path file, Map<String, RequirementsFile> taken) {
    String label = Labels.fromFileName(file);
    String candidate = label;
    for (int i = 2; taken.containsKey(candidate); i++) {
      candidate = label + "-" + i;
    }
    return candidate;
  }

  private static void auditFindings(
      AuditReport audit, Map<String, Target> targets, List<Finding> findings) {
    for (PackageAudit p : audit.packages()) {
      if (p.indexFailure()) {
        findings.add(
            new Finding(
                Finding.Kind.INDEX,
                pin(p) + ": " + Redaction.redact(p.error().orElse("the index failed"))));
      }
    }
    for (String arch : targets.keySet()) {
      List<PackageAudit> bad =
          audit.notInstallable(arch).stream().filter(p -> !p.indexFailure()).toList();
      if (!bad.isEmpty()) {
        findings.add(
            new Finding(
                Finding.Kind.NOT_INSTALLABLE,
                bad.size() + " pin(s) do not install on " + arch + ": " + pins(bad)));
      }
    }
    List<PackageAudit> hashes =
        audit.hashProblems().stream().filter(p -> !p.indexFailure()).toList();
    if (!hashes.isEmpty()) {
      findings.add(new Finding(Finding.Kind.HASHES, "hash problems: " + pins(hashes)));
    }
  }

  private static void buildDepsFindings(
      BuildDepsResult buildDeps, AuditReport audit, List<Finding> findings) {
    // a pin the index failed for is reported once, by the audit, not again by its build
    // dependencies, which read the same project page
    Set<Release> failedPins =
        audit.packages().stream()
            .filter(PackageAudit::indexFailure)
            .flatMap(a -> Release.tryOf(a.name(), a.version()).stream())
            .collect(Collectors.toSet());
    for (Problem p : buildDeps.errors()) {
      boolean index = p.code() == BuildDepsCode.INDEX_FAILURE;
      if (index && Release.tryParse(p.subject()).filter(failedPins::contains).isPresent()) {
        continue;
      }
      findings.add(
          new Finding(
              index ? Finding.Kind.INDEX : Finding.Kind.BUILD_DEPS,
              "build dependencies: "
                  + p.subject()
                  + ": "
                  + Redaction.redact(p.message())
                  + (p.code() == BuildDepsCode.MISSING_SDIST
                      ? " (--skip-missing-sdist leaves it out)"
                      : "")));
    }
  }

  static String pins(List<PackageAudit> packages) {
    return packages.stream().map(Planner::pin).collect(Collectors.joining(", "));
  }

  static String pin(PackageAudit p) {
    return p.version().isEmpty() ? p.name() : p.name() + " " + p.version();
  }

  private static PipBinaryFilters binaryFilter(PlanRequest request, Target target) {
    Version python = Version.parse(target.pythonVersion());
    try {
      return PipBinaryFilters.defaults()
          .withPackages(request.binaryPackages())
          .withArch(target.arch())
          .withPyVersion(python.major() * 100 + python.minor());
    } catch (IllegalArgumentException e) {
      throw new PlanException(
          "binary packages " + request.binaryPackages() + ": " + e.getMessage());
    }
  }

  private static String hermetoJson(
      Path source, List<Path> requirements, Path out, PipBinaryFilters filter) {
    List<String> relative = new ArrayList<>();
    for (Path f : requirements) {
      relative.add(relativeTo(source, f.toAbsolutePath().normalize()));
    }
    PipInput pip =
        PipInput.root()
            .withRequirementsFiles(relative)
            .withRequirementsBuildFiles(
                List.of(relativeTo(source, out.resolve(PlanFiles.BUILD_REQUIREMENTS))))
            .withBinary(filter);
    return HermetoInput.of(pip).toJson();
  }

  private static String relativeTo(Path base, Path file) {
    return base.relativize(file).toString().replace('\\', '/');
  }

  /** Downloads sdists through the verified-file cache beside the response cache, if any. */
  private static Downloader downloader(PlanRequest request, CachingIndex index) {
    Optional<Path> cache = request.indexSettings().cacheDirectory();
    if (cache.isEmpty() || request.index().kind() == IndexLocation.Kind.FIND_LINKS) {
      // a directory index is local already: copying its files into the cache gains nothing
      return index::downloadAsync;
    }
    FileCache files = new FileCache(cache.get().resolve("files"));
    try {
      files.open();
    } catch (IOException e) {
      throw new PlanException(
          "cannot use the cache directory " + cache.get().resolve("files") + ": " + e.getMessage(),
          e);
    }
    return (file, target) -> files.download(index, file, target);
  }

  private static String buildScript(
      PlanRequest request, Path source, Path out, Map<String, String> configs) {
    Map<String, String> stripped = new LinkedHashMap<>();
    configs.forEach((arch, json) -> stripped.put(arch, json.strip()));
    PodmanPlan podman =
        PodmanPlan.hermeticBuild(
            new PodmanPlan.Settings(
                request.image(),
                source,
                request.containerfile(),
                Optional.empty(),
                stripped,
                out.resolve(PlanFiles.ENV),
                spelling(source.resolve(request.containerfile())),
                request.hermetoImage(),
                Duration.ofHours(2),
                Optional.empty()));
    return podman.toScript();
  }

  private static PodmanPlan.ArchSpelling spelling(Path containerfile) {
    try {
      return Files.isRegularFile(containerfile)
          ? PodmanPlan.ArchSpelling.expectedBy(
              Files.readString(containerfile, StandardCharsets.UTF_8))
          : PodmanPlan.ArchSpelling.PLATFORM;
    } catch (IOException e) {
      return PodmanPlan.ArchSpelling.PLATFORM;
    }
  }
}
