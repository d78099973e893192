package io.pyhermetic.prefetch;

import io.pyhermetic.advisory.AdvisoryLookup;
import io.pyhermetic.advisory.AdvisoryReport;
import io.pyhermetic.error.Failures;
import io.pyhermetic.hermeto.HermetoInput;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.hermeto.HermetoSelection;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.index.FileCache;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.prefetch.internal.BuildConfig;
import io.pyhermetic.prefetch.internal.FileFetcher;
import io.pyhermetic.prefetch.internal.FileSelection;
import io.pyhermetic.prefetch.internal.FileSelection.Selected;
import io.pyhermetic.prefetch.internal.GitRepository;
import io.pyhermetic.prefetch.internal.MainPackage;
import io.pyhermetic.prefetch.internal.OutputDirectory;
import io.pyhermetic.prefetch.internal.RequirementsPlan;
import io.pyhermetic.prefetch.internal.RequirementsPlan.Ordered;
import io.pyhermetic.prefetch.internal.RequirementsPlan.Pending;
import io.pyhermetic.prefetch.internal.Sbom;
import io.pyhermetic.prefetch.internal.SbomAdvisories;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.text.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.io.FileUtils;

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

  private final PackageIndex index;
  private final PrefetchOptions options;
  private final ProgressListener progress;
  private final Clock clock;
  private final Optional<AdvisoryLookup> advisories;
  private final boolean advisoriesBestEffort;

  /**
   * A prefetcher reading and downloading through {@code index}, without progress, advisories, at
   * the system's time.
   *
   * @param index where the releases' files come from
   * @param options the cache, concurrency and output policy
   */
  public Prefetcher(PackageIndex index, PrefetchOptions options) {
    this(index, options, ProgressListener.NONE, Clock.systemUTC(), Optional.empty(), false);
  }

  private Prefetcher(
      PackageIndex index,
      PrefetchOptions options,
      ProgressListener progress,
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

  /**
   * The same prefetcher, telling {@code value} of each finished look-up ({@code looked up
   * name==version}) and file ({@code downloaded name}, {@code reused name} or {@code failed name}).
   *
   * @param value the listener, called from worker threads
   * @return a new prefetcher
   */
  public Prefetcher withProgress(ProgressListener value) {
    return new Prefetcher(index, options, value, clock, advisories, advisoriesBestEffort);
  }

  /**
   * The same prefetcher, recording in {@code bom.json} each dependency's licence and the known
   * vulnerabilities {@code lookup} finds (ignored ones as {@code not_affected}). A service that
   * does not answer for some pin fails the prefetch before anything is downloaded ({@link
   * PrefetchException.Kind#ADVISORY_FAILURE}), unless {@code bestEffort}, which leaves that pin
   * without findings in the SBOM. The caller closes {@code lookup}.
   *
   * @param lookup where licences and vulnerabilities come from
   * @param bestEffort whether a service that does not answer leaves pins without findings
   * @return a new prefetcher
   */
  public Prefetcher withAdvisories(AdvisoryLookup lookup, boolean bestEffort) {
    return new Prefetcher(
        index, options, progress, clock, Optional.of(Objects.requireNonNull(lookup)), bestEffort);
  }

  /**
   * The same prefetcher, dating the SBOM's annotation by {@code value} (the system's by default).
   *
   * @param value the clock
   * @return a new prefetcher
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
   * @param json the Hermeto input's JSON text
   * @param sourceDir the project checkout the input's paths are relative to
   * @param outputDir the directory to write
   * @return every requirement's and file's outcome
   */
  public PrefetchResult prefetch(String json, Path sourceDir, Path outputDir) {
    HermetoValidator.Result validated = HermetoValidator.validate(json, sourceDir);
    if (!validated.isOk() || validated.input().isEmpty()) {
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
   * @param input the validated input
   * @param outputDir the directory to write
   * @return every requirement's and file's outcome, and whether the output was written
   */
  public PrefetchResult prefetch(HermetoInput input, Path sourceDir, Path outputDir) {
    checkOutput(sourceDir, outputDir);
    List<MainPackage> mains = mainPackages(input, sourceDir);
    RequirementsPlan plan = RequirementsPlan.read(input, sourceDir);
    // started first: a service reading the index's own documents shares their requests
    Optional<CompletableFuture<AdvisoryReport>> advised =
        advisories.map(
            lookup -> lookup.checkAsync(plan.pending().stream().map(Pending::release).toList()));
    ReleaseResults<List<ReleaseFile>> lookedUp =
        index.filesForAll(
            plan.pending().stream().map(Pending::release).toList(),
            progress,
            r -> "looked up " + r);
    Map<Release, List<ReleaseFile>> releaseFiles = lookedUp.values();
    Map<Release, IndexException> lookupFailures = lookedUp.failures();
    Optional<AdvisoryReport> advisoryReport = advised.map(CompletableFuture::join);
    // where the index failed, the prefetch fails for that already
    advisoryReport.ifPresent(report -> requireAnswers(report, lookupFailures.keySet()));

    FileSelection selection = new FileSelection();
    List<Selected> selected = new ArrayList<>();
    for (Pending p : plan.pending()) {
      selected.add(selection.select(p, releaseFiles, lookupFailures));
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
      Map<String, FileOutcome> fileOutcomes =
          new FileFetcher(index, options.concurrency(), progress)
              .fetchAll(selection.tasks(), cache, pipDir);
      List<Ordered> ordered = new ArrayList<>(plan.done());
      for (Selected s : selected) {
        ordered.add(new Ordered(s.pending().order(), s.finish(fileOutcomes)));
      }
      ordered.sort(Comparator.comparingInt(Ordered::order));
      List<RequirementOutcome> requirements = ordered.stream().map(Ordered::outcome).toList();
      List<FileOutcome> files = new ArrayList<>(fileOutcomes.values());
      files.sort(Comparator.comparing(FileOutcome::filename));
      PrefetchResult result =
          new PrefetchResult(outputDir, false, plan.diagnostics(), requirements, files);
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
      FileUtils.deleteQuietly(staging.toFile());
      throw new PrefetchException(
          PrefetchException.Kind.IO,
          "cannot write the output " + outputDir + ": " + Failures.describe(e),
          e);
    } catch (RuntimeException | Error e) {
      FileUtils.deleteQuietly(staging.toFile());
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
   *
   * @param input the Hermeto input
   * @param sourceDir the project checkout the input's paths are relative to
   * @return the redacted reasons, one per rejected package
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
              s.pending().pinnedText(),
              options.repositoryUrl(),
              s.files().stream().anyMatch(f -> f.endsWith(".whl")),
              s.pending().build(),
              e.hashes().isEmpty() ? Optional.of(s.pending().file()) : Optional.empty()));
    }
    return components;
  }
}
