package io.pyhermetic.prefetch;

import io.pyhermetic.advisory.AdvisoryLookup;
import io.pyhermetic.advisory.AdvisoryReport;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Severity;
import io.pyhermetic.hermeto.HermetoInput;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.hermeto.HermetoSelection;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.index.FileCache;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.index.internal.Digests;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.prefetch.internal.BuildConfig;
import io.pyhermetic.prefetch.internal.GitRepository;
import io.pyhermetic.prefetch.internal.MainPackage;
import io.pyhermetic.prefetch.internal.OutputDirectory;
import io.pyhermetic.prefetch.internal.Sbom;
import io.pyhermetic.prefetch.internal.SbomAdvisories;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.text.Redaction;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads the files Hermeto's pip backend would download for a {@code fetch-deps} input and lays
 * them out as Hermeto does. See the {@linkplain io.pyhermetic.prefetch package documentation}.
 *
 * <p>For every pip package of the input, its requirements files and then its build requirements
 * files (Hermeto's defaults when absent) are read as Hermeto reads them: only the file's own lines
 * ({@code -r} is not followed), no {@code ${VAR}} expansion, markers and extras ignored. Hermeto's
 * rules are checked ({@link HermetoRules}); each pinned requirement's release is looked up and the
 * files Hermeto selects ({@link HermetoSelection}, with the package's {@code binary} filter and the
 * pinned hashes as the allow-list) are downloaded, each checked against the index's sha256 and the
 * pinned hashes.
 *
 * <p>Beside {@code deps/pip} and {@code .build-config.json}, the output holds {@code bom.json}, the
 * CycloneDX 1.6 SBOM Hermeto writes: one component per input package (its name and version from
 * {@code pyproject.toml}, {@code setup.py} or {@code setup.cfg}, else the name from the git {@code
 * origin} URL, and a {@code vcs_url} of origin and {@code HEAD} when the source is a git checkout)
 * and one per fetched pin (with {@link PrefetchOptions#repositoryUrl()} when the index is not
 * PyPI's), with Hermeto's {@code hermeto:} properties, merged by purl and sorted. A package no name
 * can be found for is rejected, as Hermeto rejects it, before anything is looked up.
 */
public final class Prefetcher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Prefetcher.class);

  /** Reports progress, for display; called from worker threads. */
  public interface Progress {
    /**
     * @param completed releases looked up so far (1-based)
     * @param total releases to look up
     * @param release the one that just finished
     */
    default void lookedUp(int completed, int total, Release release) {}

    /**
     * @param completed files finished so far (1-based)
     * @param total files in all
     * @param outcome the one that just finished
     */
    default void fileDone(int completed, int total, FileOutcome outcome) {}
  }

  private final PackageIndex index;
  private final PrefetchOptions options;
  private final Progress progress;
  private final Clock clock;
  private final Optional<AdvisoryLookup> advisories;
  private final boolean advisoriesBestEffort;

  public Prefetcher(PackageIndex index, PrefetchOptions options) {
    this(index, options, new Progress() {}, Clock.systemUTC(), Optional.empty(), false);
  }

  private Prefetcher(
      PackageIndex index,
      PrefetchOptions options,
      Progress progress,
      Clock clock,
      Optional<AdvisoryLookup> advisories,
      boolean advisoriesBestEffort) {
    this.index = Objects.requireNonNull(index, "index");
    this.options = Objects.requireNonNull(options, "options");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.advisories = advisories;
    this.advisoriesBestEffort = advisoriesBestEffort;
  }

  /** The same prefetcher, reporting to {@code value}. */
  public Prefetcher withProgress(Progress value) {
    return new Prefetcher(index, options, value, clock, advisories, advisoriesBestEffort);
  }

  /**
   * The same prefetcher, recording in {@code bom.json} each dependency's licence and the known
   * vulnerabilities {@code lookup} finds (ignored ones as {@code not_affected}). A service that
   * does not answer for some pin fails the prefetch before anything is downloaded ({@link
   * PrefetchException.Kind#ADVISORY_FAILURE}), unless {@code bestEffort}, which leaves that pin
   * without findings in the SBOM. The caller closes {@code lookup}.
   */
  public Prefetcher withAdvisories(AdvisoryLookup lookup, boolean bestEffort) {
    return new Prefetcher(
        index, options, progress, clock, Optional.of(Objects.requireNonNull(lookup)), bestEffort);
  }

  /**
   * The same prefetcher, dating the SBOM's annotation by {@code value} (the system's by default).
   */
  public Prefetcher withClock(Clock value) {
    return new Prefetcher(index, options, progress, value, advisories, advisoriesBestEffort);
  }

  /**
   * Validates the JSON text of a Hermeto input as Hermeto does, then prefetches it.
   *
   * @throws PrefetchException of kind {@link PrefetchException.Kind#INVALID_INPUT} with every
   *     violation when Hermeto would reject the input; see also {@link #prefetch(HermetoInput,
   *     Path, Path)}
   */
  public PrefetchResult prefetch(String json, Path sourceDir, Path outputDir) {
    HermetoValidator.Result validated = HermetoValidator.validate(json, sourceDir);
    if (!validated.isValid() || validated.input().isEmpty()) {
      throw PrefetchException.invalidInput(validated);
    }
    return prefetch(validated.input().get(), sourceDir, outputDir);
  }

  /**
   * Prefetches a validated input into {@code outputDir}, which is written only when every
   * requirement was fetched and verified.
   *
   * @param sourceDir the project checkout the input's paths are relative to
   * @throws PrefetchException when the output directory exists and is not empty (unless {@link
   *     PrefetchOptions#replaceExisting()}), would hold the source directory, or local files cannot
   *     be written; of kind {@link PrefetchException.Kind#PACKAGE_REJECTED} when no name can be
   *     found for a package (checked before anything is looked up)
   */
  public PrefetchResult prefetch(HermetoInput input, Path sourceDir, Path outputDir) {
    checkOutput(sourceDir, outputDir);
    List<MainPackage> mains = mainPackages(input, sourceDir);
    Plan plan = plan(input, sourceDir);
    Map<Release, List<ReleaseFile>> releaseFiles = new LinkedHashMap<>();
    Map<Release, IndexException> lookupFailures = new LinkedHashMap<>();
    // started first: a service reading the index's own documents shares their requests
    Optional<CompletableFuture<AdvisoryReport>> advised =
        advisories.map(
            lookup -> lookup.checkAsync(plan.pending.stream().map(Pending::release).toList()));
    lookUp(plan, releaseFiles, lookupFailures);
    Optional<AdvisoryReport> advisoryReport = advised.map(CompletableFuture::join);
    // where the index failed, the prefetch fails for that already
    advisoryReport.ifPresent(report -> requireAnswers(report, lookupFailures.keySet()));

    Map<String, FileTask> tasks = new LinkedHashMap<>();
    List<Selected> selected = new ArrayList<>();
    for (Pending p : plan.pending) {
      selected.add(select(p, releaseFiles, lookupFailures, tasks));
    }

    FileCache cache = new FileCache(options.cacheDirectory());
    Path staging;
    try {
      cache.open();
      staging = OutputDirectory.stage(outputDir);
    } catch (IOException e) {
      throw new PrefetchException(
          PrefetchException.Kind.IO, "cannot prepare the download: " + Failures.describe(e), e);
    }
    try {
      Path pipDir = Files.createDirectories(staging.resolve("deps").resolve("pip"));
      Map<String, FileOutcome> fileOutcomes = fetchAll(tasks, cache, pipDir);
      List<Ordered> ordered = new ArrayList<>(plan.done);
      for (Selected s : selected) {
        ordered.add(new Ordered(s.pending().order(), s.finish(fileOutcomes)));
      }
      ordered.sort(Comparator.comparingInt(Ordered::order));
      List<RequirementOutcome> requirements = ordered.stream().map(Ordered::outcome).toList();
      List<FileOutcome> files = new ArrayList<>(fileOutcomes.values());
      files.sort(Comparator.comparing(FileOutcome::filename));
      PrefetchResult result =
          new PrefetchResult(outputDir, false, plan.diagnostics, requirements, files);
      if (!result.isOk()) {
        OutputDirectory.deleteTree(staging);
        return result;
      }
      Files.writeString(
          staging.resolve(".build-config.json"), BuildConfig.pip(), StandardCharsets.UTF_8);
      Files.writeString(
          staging.resolve(PrefetchResult.SBOM_FILE),
          Sbom.json(
              components(mains, selected),
              advisoryReport
                  .map(
                      report ->
                          SbomAdvisories.of(
                              report,
                              purls(selected),
                              v -> advisories.flatMap(l -> l.ignoreRuleFor(v))))
                  .orElse(SbomAdvisories.none()),
              HttpTransport.LIBRARY_VERSION,
              clock.instant()),
          StandardCharsets.UTF_8);
      OutputDirectory.commit(staging, outputDir);
      return new PrefetchResult(
          outputDir, true, result.diagnostics(), result.requirements(), result.files());
    } catch (IOException e) {
      deleteQuietly(staging);
      throw new PrefetchException(
          PrefetchException.Kind.IO,
          "cannot write the output " + outputDir + ": " + Failures.describe(e),
          e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(staging);
      throw e;
    }
  }

  // ---- output directory policy

  private void checkOutput(Path sourceDir, Path outputDir) {
    Path output = outputDir.toAbsolutePath().normalize();
    Path source = sourceDir.toAbsolutePath().normalize();
    try {
      source = source.toRealPath();
      if (Files.exists(output)) {
        output = output.toRealPath();
      }
    } catch (IOException e) {
      // compared as given; the validator reports a missing source directory
    }
    if (source.startsWith(output)) {
      throw new PrefetchException(
          PrefetchException.Kind.OUTPUT_EXISTS,
          "the output directory " + outputDir + " would hold the source directory " + sourceDir,
          null);
    }
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new PrefetchException(
          PrefetchException.Kind.OUTPUT_EXISTS,
          "the output " + outputDir + " exists and is not a directory",
          null);
    }
    try {
      if (!options.replaceExisting() && OutputDirectory.isNonEmptyDirectory(outputDir)) {
        throw new PrefetchException(
            PrefetchException.Kind.OUTPUT_EXISTS,
            "the output directory "
                + outputDir
                + " exists and is not empty (replace it with force)",
            null);
      }
    } catch (IOException e) {
      throw new PrefetchException(
          PrefetchException.Kind.IO, "cannot read " + outputDir + ": " + Failures.describe(e), e);
    }
  }

  // ---- the SBOM

  /**
   * What Hermeto would reject before fetching anything: each package of {@code input} that has no
   * name (neither in its project files nor from the git origin), or whose files cannot be read.
   * Empty when every package can be fetched.
   */
  public static List<String> packageProblems(HermetoInput input, Path sourceDir) {
    Optional<GitRepository> repository = GitRepository.of(sourceDir);
    List<String> problems = new ArrayList<>();
    for (PipInput pip : input.packages()) {
      try {
        MainPackage.read(sourceDir, pip.path(), repository);
      } catch (MainPackage.NoNameException e) {
        problems.add(Redaction.redact(e.getMessage()));
      } catch (IOException e) {
        problems.add("cannot read the package at " + pip.path() + ": " + e.getMessage());
      }
    }
    return problems;
  }

  /** Each input package's own component, or the rejection Hermeto gives a package without name. */
  private static List<MainPackage> mainPackages(HermetoInput input, Path sourceDir) {
    Optional<GitRepository> repository = GitRepository.of(sourceDir);
    if (repository.isEmpty()) {
      LOG.info("{} is not in a git checkout: the SBOM's package purls have no vcs_url", sourceDir);
    } else if (repository.get().vcsUrl().isEmpty()) {
      // Hermeto fails here; a purl without vcs_url is still a true record
      LOG.warn(
          "the git checkout of {} has no usable 'origin' URL or no commit: the SBOM's package"
              + " purls have no vcs_url",
          sourceDir);
    }
    List<MainPackage> mains = new ArrayList<>();
    for (PipInput pip : input.packages()) {
      try {
        mains.add(MainPackage.read(sourceDir, pip.path(), repository));
      } catch (MainPackage.NoNameException e) {
        throw new PrefetchException(
            PrefetchException.Kind.PACKAGE_REJECTED, Redaction.redact(e.getMessage()), null);
      } catch (IOException e) {
        throw new PrefetchException(
            PrefetchException.Kind.IO,
            "cannot read the package at " + pip.path() + ": " + Failures.describe(e),
            e);
      }
    }
    return mains;
  }

  private void requireAnswers(AdvisoryReport report, Set<Release> indexFailed) {
    List<String> unknown =
        report.unanswered().stream()
            .filter(r -> !indexFailed.contains(r.release()))
            .map(r -> r.release() + ": " + String.join("; ", r.failures()))
            .toList();
    if (unknown.isEmpty()) {
      return;
    }
    if (advisoriesBestEffort) {
      unknown.forEach(u -> LOG.warn("vulnerabilities unknown for {}", u));
      return;
    }
    throw new PrefetchException(
        PrefetchException.Kind.ADVISORY_FAILURE,
        "the vulnerability service did not answer, so the SBOM would claim what was not checked: "
            + String.join(", ", unknown),
        null);
  }

  /** Each fetched pin's component purl. */
  private Map<Release, String> purls(List<Selected> selected) {
    Map<Release, String> purls = new LinkedHashMap<>();
    List<Sbom.Component> components = components(List.of(), selected);
    for (int i = 0; i < selected.size(); i++) {
      purls.putIfAbsent(selected.get(i).pending().release(), components.get(i).purl());
    }
    return purls;
  }

  /** The main packages and one component per fetched pin, as Hermeto records them. */
  private List<Sbom.Component> components(List<MainPackage> mains, List<Selected> selected) {
    List<Sbom.Component> components = new ArrayList<>();
    mains.forEach(m -> components.add(Sbom.Component.main(m)));
    for (Selected s : selected) {
      Entry e = s.pending().entry();
      components.add(
          Sbom.Component.dependency(
              e.name().get().canonical(),
              pinnedText(e),
              options.repositoryUrl(),
              s.files().stream().anyMatch(f -> f.endsWith(".whl")),
              s.pending().build(),
              e.hashes().isEmpty() ? Optional.of(s.pending().file()) : Optional.empty()));
    }
    return components;
  }

  // ---- reading the requirements files

  /**
   * A pinned index requirement waiting for its release's files.
   *
   * @param file its requirements file relative to the source directory, as the SBOM names it
   */
  private record Pending(
      Entry entry,
      Release release,
      boolean build,
      Optional<PipBinaryFilters> binary,
      String file,
      int order) {}

  /** An outcome and the position of its requirement in the input. */
  private record Ordered(int order, RequirementOutcome outcome) {}

  private static final class Plan {
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Ordered> done = new ArrayList<>();
    final List<Pending> pending = new ArrayList<>();
    int next;
  }

  private Plan plan(HermetoInput input, Path sourceDir) {
    Plan plan = new Plan();
    RequirementsFileParser parser = new RequirementsFileParser().withEnvironment(Map.of());
    for (PipInput pip : input.packages()) {
      Path dir = sourceDir.resolve(pip.path()).normalize();
      List<Path> runtime = files(dir, pip.requirementsFiles(), "requirements.txt");
      List<Path> build = files(dir, pip.requirementsBuildFiles(), "requirements-build.txt");
      for (Path file : runtime) {
        read(plan, parser, file, relative(sourceDir, file), false, pip.binary());
      }
      for (Path file : build) {
        read(plan, parser, file, relative(sourceDir, file), true, pip.binary());
      }
    }
    return plan;
  }

  /** {@code file} relative to {@code sourceDir}, with {@code /} separators. */
  private static String relative(Path sourceDir, Path file) {
    Path root = sourceDir.toAbsolutePath().normalize();
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The files as listed, or Hermeto's default file when the list is absent and it exists. */
  private static List<Path> files(Path dir, Optional<List<String>> listed, String defaultName) {
    if (listed.isPresent()) {
      return listed.get().stream().map(f -> dir.resolve(f).normalize()).toList();
    }
    Path fallback = dir.resolve(defaultName).normalize();
    return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
  }

  private static void read(
      Plan plan,
      RequirementsFileParser parser,
      Path path,
      String relativePath,
      boolean build,
      Optional<PipBinaryFilters> binary) {
    RequirementsFile file;
    try {
      file = parser.parse(path);
    } catch (RequirementsFileException e) {
      plan.diagnostics.add(
          Diagnostic.error("parse", e.location(), Redaction.redact(e.reason()).replace('\n', ' ')));
      return;
    }
    List<Diagnostic> diagnostics = HermetoRules.check(file);
    plan.diagnostics.addAll(diagnostics);
    for (Entry entry : file.entries()) {
      if (entry.isConstraint()) {
        continue;
      }
      boolean rejected =
          diagnostics.stream()
              .anyMatch(
                  d ->
                      d.severity() == Severity.ERROR
                          && d.location().line() >= entry.line()
                          && d.location().line() <= entry.lastLine());
      if (rejected) {
        continue; // Hermeto's own error is reported for it
      }
      String name = entry.name().map(Object::toString).orElse(entry.requirementText());
      boolean direct = entry.link().isPresent() || entry.requirement().isEmpty();
      Optional<Version> version = entry.pinnedVersion();
      if (direct || version.isEmpty()) {
        RequirementOutcome outcome =
            new RequirementOutcome(
                name,
                Optional.empty(),
                entry.location(),
                build,
                List.of(),
                List.of(),
                Optional.of(
                    new Problem(
                        Problem.Kind.UNSUPPORTED,
                        direct
                            ? "URL and VCS requirements are not prefetched (Hermeto downloads"
                                + " them itself and rewrites the requirements file): "
                                + Redaction.redact(entry.requirementText())
                            : "not pinned to a version: " + entry.requirementText())));
        plan.done.add(new Ordered(plan.next++, outcome));
        continue;
      }
      Release release = new Release(entry.name().get(), version.get());
      plan.pending.add(new Pending(entry, release, build, binary, relativePath, plan.next++));
    }
  }

  private void lookUp(
      Plan plan, Map<Release, List<ReleaseFile>> values, Map<Release, IndexException> failures) {
    Set<Release> releases = new LinkedHashSet<>();
    plan.pending.forEach(p -> releases.add(p.release()));
    int total = releases.size();
    AtomicInteger completed = new AtomicInteger();
    ReleaseResults<List<ReleaseFile>> results =
        PackageIndex.forAll(
            releases,
            r ->
                index
                    .filesAsync(r.name(), r.version())
                    .whenComplete(
                        (ok, error) -> progress.lookedUp(completed.incrementAndGet(), total, r)));
    values.putAll(results.values());
    failures.putAll(results.failures());
  }

  // ---- selection

  /** A file to fetch, with every requirement that selected it. */
  private static final class FileTask {
    final ReleaseFile file;
    final List<String> pins = new ArrayList<>();
    final List<Map<String, List<String>>> hashes = new ArrayList<>();
    Optional<Problem> conflict = Optional.empty();

    FileTask(ReleaseFile file) {
      this.file = file;
    }
  }

  /** A requirement after selection: its files, or why it has none. */
  private record Selected(
      Pending pending, List<String> files, List<String> warnings, Optional<Problem> problem) {

    RequirementOutcome finish(Map<String, FileOutcome> outcomes) {
      Optional<Problem> failure = problem;
      if (failure.isEmpty()) {
        for (String f : files) {
          FileOutcome o = outcomes.get(f);
          if (o != null && o.problem().isPresent()) {
            failure =
                Optional.of(
                    new Problem(o.problem().get().kind(), f + ": " + o.problem().get().message()));
            break;
          }
        }
      }
      Entry e = pending.entry();
      return new RequirementOutcome(
          e.name().get().toString(),
          Optional.of(pinnedText(e)),
          e.location(),
          pending.build(),
          files,
          warnings,
          failure);
    }
  }

  private Selected select(
      Pending p,
      Map<Release, List<ReleaseFile>> releaseFiles,
      Map<Release, IndexException> failures,
      Map<String, FileTask> tasks) {
    IndexException failure = failures.get(p.release());
    if (failure != null) {
      Problem problem =
          failure.isNotFound()
              ? new Problem(
                  Problem.Kind.NOT_FOUND,
                  "No distributions found for package "
                      + p.release()
                      + " ("
                      + Redaction.redact(failure.getMessage())
                      + ")")
              : new Problem(Problem.Kind.INDEX, Redaction.redact(failure.getMessage()));
      return new Selected(p, List.of(), List.of(), Optional.of(problem));
    }
    List<ReleaseFile> available = releaseFiles.getOrDefault(p.release(), List.of());
    Map<String, ReleaseFile> byName = new LinkedHashMap<>();
    List<HermetoSelection.Candidate> candidates = new ArrayList<>();
    for (ReleaseFile f : available) {
      byName.putIfAbsent(f.filename(), f);
      candidates.add(
          new HermetoSelection.Candidate(
              f.filename(), f.sha256().map(s -> Map.of("sha256", s)).orElse(Map.of()), f.yanked()));
    }
    Map<String, List<String>> pinned = p.entry().hashes();
    HermetoSelection.Result selection =
        HermetoSelection.select(
            p.release().name(), p.release().version(), p.binary(), candidates, pinned);
    if (selection.error().isPresent()) {
      String message = selection.error().get();
      List<String> filtered =
          selection.warnings().stream()
              .filter(w -> w.startsWith("Filtering out "))
              .map(w -> w.substring("Filtering out ".length(), w.indexOf(" due to")))
              .toList();
      Problem.Kind kind = Problem.Kind.NOT_FOUND;
      if (!filtered.isEmpty()) {
        kind = Problem.Kind.HASH_MISMATCH;
        message += " (the pinned hashes match none of " + String.join(", ", filtered) + ")";
      }
      return new Selected(
          p, List.of(), selection.warnings(), Optional.of(new Problem(kind, message)));
    }
    List<String> names = new ArrayList<>();
    for (HermetoSelection.Candidate c : selection.selected()) {
      ReleaseFile file = byName.get(c.filename());
      FileTask task = tasks.computeIfAbsent(file.filename(), n -> new FileTask(file));
      if (!task.file.url().equals(file.url()) || !task.file.sha256().equals(file.sha256())) {
        task.conflict =
            Optional.of(
                new Problem(
                    Problem.Kind.HASH_MISMATCH,
                    "two different files named "
                        + file.filename()
                        + " were selected ("
                        + Redaction.redact(task.file.url())
                        + ", "
                        + Redaction.redact(file.url())
                        + ")"));
      }
      String pin = p.release().toString();
      if (!task.pins.contains(pin)) {
        task.pins.add(pin);
      }
      task.hashes.add(pinned);
      names.add(file.filename());
    }
    return new Selected(p, names, selection.warnings(), Optional.empty());
  }

  // ---- downloads

  private Map<String, FileOutcome> fetchAll(
      Map<String, FileTask> tasks, FileCache cache, Path pipDir) {
    int total = tasks.size();
    AtomicInteger completed = new AtomicInteger();
    Map<String, CompletableFuture<FileOutcome>> started = new LinkedHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(options.concurrency(), Math.max(1, total)),
            runnable -> {
              Thread t = new Thread(runnable, "pyhermetic-prefetch");
              t.setDaemon(true);
              return t;
            });
    try {
      for (FileTask task : tasks.values()) {
        started.put(
            task.file.filename(),
            CompletableFuture.supplyAsync(() -> fetch(task, cache, pipDir), pool)
                .whenComplete(
                    (outcome, error) -> {
                      if (outcome != null) {
                        progress.fileDone(completed.incrementAndGet(), total, outcome);
                      }
                    }));
      }
      Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
      for (Map.Entry<String, CompletableFuture<FileOutcome>> e : started.entrySet()) {
        outcomes.put(e.getKey(), e.getValue().join());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fetches one file; every failure becomes an outcome. */
  private FileOutcome fetch(FileTask task, FileCache cache, Path pipDir) {
    ReleaseFile file = task.file;
    String url = Redaction.redact(file.url());
    if (task.conflict.isPresent()) {
      return failed(task, task.conflict.get());
    }
    if (!isPlainFileName(file.filename())) {
      return failed(
          task,
          new Problem(
              Problem.Kind.INDEX, "the index gives an unsafe file name: " + file.filename()));
    }
    Path target = pipDir.resolve(file.filename());
    try {
      if (file.sha256().isPresent()) {
        Optional<Path> cached = cache.lookup(file.sha256().get());
        if (cached.isPresent() && pinsAllow(task, cached.get(), file.sha256().get())) {
          FileCache.place(cached.get(), target);
          return new FileOutcome(
              file.filename(),
              url,
              FileOutcome.Status.REUSED,
              OptionalLong.of(Files.size(target)),
              file.sha256(),
              task.pins,
              Optional.empty());
        }
      }
      Path download = cache.newDownload();
      String sha256;
      try {
        sha256 = index.downloadAsync(file, download).get().toLowerCase(Locale.ROOT);
      } catch (ExecutionException e) {
        Files.deleteIfExists(download);
        return failed(task, new Problem(Problem.Kind.INDEX, reason(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Files.deleteIfExists(download);
        return failed(task, new Problem(Problem.Kind.INDEX, "interrupted"));
      }
      if (file.sha256().isPresent() && !file.sha256().get().equals(sha256)) {
        Files.deleteIfExists(download);
        return failed(
            task,
            new Problem(
                Problem.Kind.HASH_MISMATCH,
                "sha256 " + sha256 + " differs from the index's digest " + file.sha256().get()));
      }
      if (!pinsAllow(task, download, sha256)) {
        Files.deleteIfExists(download);
        return failed(
            task,
            new Problem(
                Problem.Kind.HASH_MISMATCH,
                "sha256 "
                    + sha256
                    + " matches none of the hashes pinned for "
                    + String.join(", ", task.pins)));
      }
      Path stored = cache.store(download, sha256);
      FileCache.place(stored, target);
      return new FileOutcome(
          file.filename(),
          url,
          FileOutcome.Status.DOWNLOADED,
          OptionalLong.of(Files.size(target)),
          Optional.of(sha256),
          task.pins,
          Optional.empty());
    } catch (IOException | RuntimeException e) {
      LOG.debug("fetching {} failed", file.filename(), e);
      return failed(task, new Problem(Problem.Kind.IO, reason(e)));
    }
  }

  /** Every requirement that pins hashes must allow the file (any one of its hashes matching). */
  private static boolean pinsAllow(FileTask task, Path file, String sha256) throws IOException {
    for (Map<String, List<String>> pinned : task.hashes) {
      if (!pinned.isEmpty() && !Digests.matchesAny(file, sha256, pinned)) {
        return false;
      }
    }
    return true;
  }

  private static FileOutcome failed(FileTask task, Problem problem) {
    return new FileOutcome(
        task.file.filename(),
        Redaction.redact(task.file.url()),
        FileOutcome.Status.FAILED,
        OptionalLong.empty(),
        Optional.empty(),
        task.pins,
        Optional.of(problem));
  }

  /** A name that stays inside {@code deps/pip}: no separators, not hidden, not a dot name. */
  private static boolean isPlainFileName(String name) {
    return !name.isEmpty()
        && !name.startsWith(".")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }

  private static String reason(Throwable error) {
    return Failures.describe(error);
  }

  /** The pinned version exactly as written after {@code ==}. */
  private static String pinnedText(Entry e) {
    return e.requirement()
        .map(r -> r.specifier().specifiers().get(0).version())
        .orElseGet(() -> e.pinnedVersion().map(Version::toString).orElse(""));
  }

  private static void deleteQuietly(Path dir) {
    try {
      OutputDirectory.deleteTree(dir);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.getMessage());
    }
  }
}
