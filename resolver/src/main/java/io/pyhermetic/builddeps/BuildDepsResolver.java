package io.pyhermetic.builddeps;

import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.audit.Route;
import io.pyhermetic.builddeps.internal.EnvironmentResolver;
import io.pyhermetic.buildsystem.BuildRequirements;
import io.pyhermetic.buildsystem.BuildSystemException;
import io.pyhermetic.error.Failures;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.MarkerEvaluationException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.resolution.internal.Solver;
import io.pyhermetic.sdist.Downloader;
import io.pyhermetic.sdist.SdistContents;
import io.pyhermetic.sdist.SdistException;
import io.pyhermetic.sdist.SdistLoader;
import io.pyhermetic.sdist.SdistReader;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the build dependencies of pinned requirements, as pybuild-deps does but concurrently, for
 * explicit targets, with user constraints, a real backtracking resolver, hash-checked sdists and
 * every failure reported at once.
 *
 * <p>Each package that is built from source gets its own build environment, as pip's build
 * isolation does: its declared build requirements (markers evaluated per target) plus their runtime
 * dependencies, resolved separately for each distinct target interpreter and merged. So one project
 * can appear at several versions, one per environment that needs it. Every package of those
 * environments that must itself be built gets its own environment, in waves, until nothing new
 * appears; a package is inspected once, which ends cycles. Packages of one wave are fetched and
 * resolved in parallel.
 *
 * <p>Typical use, which is all {@code pyhermetic build-deps} does:
 *
 * <pre>{@code
 * BuildDepsResult result = new BuildDepsResolver(index, options).resolve(file.allEntries());
 * if (result.isSuccess()) BuildDepsOutput.writeRequirements(out, result, header, true);
 * BuildDepsOutput.writeReport(report, result);
 * }</pre>
 */
public final class BuildDepsResolver {
  private static final Logger LOG = LoggerFactory.getLogger(BuildDepsResolver.class);

  /**
   * The most build requirements one sdist may declare (in all its declarations): real ones declare
   * a handful; past this, the package's problem says so and nothing is resolved for it.
   */
  public static final int MAX_BUILD_REQUIREMENTS = 1000;

  private final CachingIndex index;
  private final Downloader downloader;
  private final BuildDepsOptions options;
  private final Progress progress;

  /** Told as each package has been inspected, from the inspecting threads. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param inspected packages inspected so far (1-based)
     * @param known packages known to need inspecting so far (grows as build environments reveal
     *     more)
     * @param release the one just inspected
     */
    void inspected(int inspected, int known, Release release);
  }

  /** Downloads sdists through {@code index}. */
  public BuildDepsResolver(PackageIndex index, BuildDepsOptions options) {
    this(index, index::downloadAsync, options);
  }

  /** Downloads sdists through {@code downloader} (a mirror, a cache, a test double). */
  public BuildDepsResolver(PackageIndex index, Downloader downloader, BuildDepsOptions options) {
    this(
        new CachingIndex(Objects.requireNonNull(index, "index")),
        downloader,
        options,
        (inspected, known, release) -> {});
  }

  private BuildDepsResolver(
      CachingIndex index, Downloader downloader, BuildDepsOptions options, Progress progress) {
    this.index = index;
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.options = Objects.requireNonNull(options, "options");
    this.progress = progress;
  }

  /** The same resolver, telling {@code progress} as packages are inspected. */
  public BuildDepsResolver withProgress(Progress progress) {
    return new BuildDepsResolver(
        index, downloader, options, Objects.requireNonNull(progress, "progress"));
  }

  public BuildDepsOptions options() {
    return options;
  }

  /** What one package contributed: its outcome and, when resolved, its environment. */
  private record Inspection(PackageOutcome outcome, Map<Release, SortedSet<String>> environment) {}

  /**
   * Resolves the build dependencies of {@code requirements} (the entries of one or more
   * requirements files; constraint-file entries only act as preferred versions). Never throws for a
   * per-package problem: every outcome is in the result.
   */
  public BuildDepsResult resolve(List<Entry> requirements) {
    ExecutorService executor = Executors.newFixedThreadPool(options.concurrency(), daemonThreads());
    Path work;
    try {
      Files.createDirectories(options.workDirectory());
      work = Files.createTempDirectory(options.workDirectory(), "run-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot create a work directory in " + options.workDirectory(), e);
    }
    try {
      return run(requirements, executor, work);
    } finally {
      executor.shutdownNow();
      deleteQuietly(work);
    }
  }

  private BuildDepsResult run(List<Entry> requirements, ExecutorService executor, Path work) {
    SdistLoader loader =
        new SdistLoader(downloader, new SdistReader(options.sdistLimits()), work, executor);
    List<Problem> errors = new ArrayList<>();
    Map<ProjectName, Version> preferred = new LinkedHashMap<>();
    Map<Release, Set<String>> pinnedHashes = new LinkedHashMap<>();
    Map<Release, Entry> inputEntries = new LinkedHashMap<>();
    for (Entry e : requirements) {
      if (e.requirement().isEmpty() || e.name().isEmpty()) {
        if (e.link().isPresent() && !e.isConstraint()) {
          errors.add(
              new Problem(
                  e.link().get(),
                  Problem.Kind.NOT_PINNED,
                  e.location() + ": URL requirements are not supported; pin a release with =="));
        }
        continue;
      }
      if (!activeOnAnyTarget(e.requirement().get())) {
        continue;
      }
      Optional<Version> pin = e.pinnedVersion();
      if (pin.isEmpty()) {
        if (!e.isConstraint()) {
          errors.add(
              new Problem(
                  e.requirementText().strip(),
                  Problem.Kind.NOT_PINNED,
                  e.location()
                      + ": requirement '"
                      + e.requirementText().strip()
                      + "' is not pinned with =="));
        }
        continue;
      }
      preferred.putIfAbsent(e.name().get(), pin.get());
      if (e.isConstraint()) {
        continue;
      }
      Release release = new Release(e.name().get(), pin.get());
      inputEntries.putIfAbsent(release, e);
      Set<String> hashes = pinnedHashes.computeIfAbsent(release, r -> new TreeSet<>());
      e.hashes()
          .getOrDefault("sha256", List.of())
          .forEach(h -> hashes.add(h.toLowerCase(Locale.ROOT)));
    }

    Map<Release, PackageOutcome> outcomes = new TreeMap<>(RELEASE_ORDER);
    Map<Release, SortedSet<String>> neededBy = new TreeMap<>(RELEASE_ORDER);
    Map<Release, SortedSet<String>> via = new TreeMap<>(RELEASE_ORDER);
    for (Release r : inputEntries.keySet()) {
      neededBy.computeIfAbsent(r, k -> new TreeSet<>()).add(PackageOutcome.INPUT);
    }
    // Each release is inspected as soon as some environment needs it, with no barrier between
    // generations: the run takes as long as its longest chain, not the sum of the slowest
    // package of each generation. The result does not depend on the order of completion.
    // every release seen so far, and how far from the input it was found: deeper packages'
    // requests go first, since they lie on the long chains (backends, their backends, …) while
    // the inputs are independent
    Map<Release, Integer> depth = new ConcurrentHashMap<>();
    inputEntries.keySet().forEach(r -> depth.put(r, 0));
    Object lock = new Object();
    AtomicInteger inspected = new AtomicInteger();
    Phaser pending = new Phaser(1);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Consumer<Release>[] submit = new Consumer[1];
    submit[0] =
        r -> {
          pending.register();
          int level = depth.get(r);
          CompletableFuture.supplyAsync(
                  () ->
                      RequestPriority.call(
                          lookupPriority(level),
                          () -> needsBuilding(r, inputEntries.get(r), errors, lock)),
                  executor)
              .thenCompose(
                  reason -> {
                    if (reason == null) {
                      return CompletableFuture.completedFuture(null); // reported already
                    }
                    if (reason.isPresent() || !options.isBinaryFor()) {
                      return RequestPriority.call(
                          lookupPriority(level),
                          () ->
                              inspect(
                                  r,
                                  level,
                                  pinnedHashes.getOrDefault(r, Set.of()),
                                  loader,
                                  preferred,
                                  executor));
                    }
                    return CompletableFuture.completedFuture(
                        new Inspection(
                            new PackageOutcome(
                                r.name(),
                                r.version(),
                                PackageOutcome.Status.NOT_NEEDED,
                                Optional.empty(),
                                Optional.empty(),
                                List.of(),
                                List.of(),
                                new TreeSet<>(),
                                Optional.empty()),
                            Map.<Release, SortedSet<String>>of()));
                  })
              .exceptionally(
                  error -> {
                    Throwable cause = Futures.cause(error);
                    LOG.debug("{} failed", r, cause);
                    return failed(r, new Problem(r.toString(), kindOf(cause), messageOf(cause)));
                  })
              .thenAccept(
                  inspection -> {
                    List<Release> discovered = new ArrayList<>();
                    if (inspection != null) {
                      synchronized (lock) {
                        outcomes.put(r, inspection.outcome());
                        for (Map.Entry<Release, SortedSet<String>> pin :
                            inspection.environment().entrySet()) {
                          via.computeIfAbsent(pin.getKey(), k -> new TreeSet<>())
                              .addAll(pin.getValue());
                          neededBy
                              .computeIfAbsent(pin.getKey(), k -> new TreeSet<>())
                              .add(r.name().canonical());
                          if (depth.putIfAbsent(pin.getKey(), level + 1) == null) {
                            discovered.add(pin.getKey());
                          }
                        }
                      }
                    }
                    discovered.forEach(submit[0]);
                    progress.inspected(inspected.incrementAndGet(), depth.size(), r);
                  })
              .whenComplete((ok, error) -> pending.arriveAndDeregister());
        };
    inputEntries.keySet().forEach(submit[0]);
    pending.arriveAndAwaitAdvance();

    // every outcome names all the dependents found, whenever they were found
    for (Map.Entry<Release, PackageOutcome> o : outcomes.entrySet()) {
      PackageOutcome p = o.getValue();
      o.setValue(
          new PackageOutcome(
              p.name(),
              p.version(),
              p.status(),
              p.sdist(),
              p.backend(),
              p.buildRequirements(),
              p.environment(),
              neededBy.getOrDefault(o.getKey(), new TreeSet<>()),
              p.problem()));
    }

    List<Problem> skipped = new ArrayList<>();
    for (PackageOutcome o : outcomes.values()) {
      if (o.status() == PackageOutcome.Status.SKIPPED) {
        skipped.add(o.problem().orElseThrow());
      } else if (o.status() == PackageOutcome.Status.FAILED) {
        errors.add(o.problem().orElseThrow());
      }
    }
    List<OutputEntry> entries = entries(via, loader, work, errors);
    return new BuildDepsResult(
        options.targets(),
        options.binaryFor(),
        new ArrayList<>(outcomes.values()),
        entries,
        skipped,
        errors);
  }

  private static final Comparator<Release> RELEASE_ORDER =
      Comparator.comparing((Release r) -> r.name().canonical()).thenComparing(Release::version);

  private boolean activeOnAnyTarget(Requirement requirement) {
    if (requirement.marker().isEmpty()) {
      return true;
    }
    for (Target t : options.targets()) {
      try {
        if (requirement.marker().get().evaluate(t.markerEnvironment())) {
          return true;
        }
      } catch (MarkerEvaluationException e) {
        LOG.warn("treating marker of {} as false: {}", requirement, e.getMessage());
      }
    }
    return false;
  }

  /**
   * For {@code --binary-for}: why {@code release} must be built (a target without an installable
   * wheel), or empty when wheels cover every target; always empty in source-only mode. Null when
   * its look-up failed, which is reported.
   */
  private Optional<String> needsBuilding(
      Release release, Entry input, List<Problem> errors, Object lock) {
    if (!options.isBinaryFor()) {
      return Optional.empty();
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Target t : options.binaryFor()) {
      targets.put(t.toString(), t);
    }
    // an input keeps its pinned hashes, which decide which files pip may take
    Entry entry =
        input != null
            ? input
            : RequirementsFile.parse(
                    release.name().canonical() + "==" + release.version() + "\n",
                    "<build environment>")
                .entries()
                .get(0);
    PackageAudit audit =
        new Auditor(index, targets, t -> Optional.empty()).audit(List.of(entry)).packages().get(0);
    if (audit.indexFailure()) {
      synchronized (lock) {
        errors.add(
            new Problem(
                release.toString(), Problem.Kind.INDEX_FAILURE, audit.error().orElse("failed")));
      }
      return null;
    }
    if (audit.error().isPresent()) {
      return audit.error();
    }
    for (Map.Entry<String, io.pyhermetic.audit.TargetResult> t : audit.targets().entrySet()) {
      if (t.getValue().route() != Route.WHEEL) {
        return Optional.of("no installable wheel for " + t.getKey());
      }
    }
    return Optional.empty();
  }

  /** The request priority of a release's first look-ups, at {@code depth} in the build graph. */
  private static int lookupPriority(int depth) {
    return 2 * depth;
  }

  /**
   * The priority of its later requests (the sdist, its build environment): a package that is
   * started is finished before another of the same depth is started.
   */
  private static int followUpPriority(int depth) {
    return 2 * depth + 1;
  }

  private CompletableFuture<Inspection> inspect(
      Release release,
      int depth,
      Set<String> pinnedHashes,
      SdistLoader loader,
      Map<ProjectName, Version> preferred,
      ExecutorService executor) {
    return index
        .filesAsync(release.name(), release.version())
        .thenCompose(
            files -> {
              Optional<ReleaseFile> sdist = bestSdist(files);
              if (sdist.isEmpty()) {
                String message =
                    files.isEmpty()
                        ? "the index has no files for " + release
                        : "the index has no sdist for " + release + ", only wheels";
                Problem problem =
                    new Problem(release.toString(), Problem.Kind.MISSING_SDIST, message);
                return CompletableFuture.completedFuture(
                    options.skipMissingSdist()
                        ? new Inspection(
                            outcome(release, PackageOutcome.Status.SKIPPED, problem), Map.of())
                        : failed(release, problem));
              }
              return RequestPriority.call(
                      followUpPriority(depth), () -> loader.load(sdist.get(), pinnedHashes))
                  .thenApplyAsync(
                      contents ->
                          RequestPriority.call(
                              followUpPriority(depth),
                              () -> resolveEnvironments(release, sdist.get(), contents, preferred)),
                      executor);
            });
  }

  private Inspection resolveEnvironments(
      Release release,
      ReleaseFile sdist,
      SdistContents contents,
      Map<ProjectName, Version> preferred) {
    BuildRequirements declared;
    try {
      declared = contents.buildRequirements();
    } catch (BuildSystemException e) {
      return failed(
          release,
          new Problem(release.toString(), Problem.Kind.BAD_BUILD_DECLARATION, e.getMessage()));
    }
    Optional<Problem> unusable = unusableDeclaration(release, declared);
    if (unusable.isPresent()) {
      return failed(release, unusable.get());
    }
    List<Requirement> roots = new ArrayList<>();
    List<DeclaredRequirement> described = new ArrayList<>();
    for (int i = 0; i < declared.requirements().size(); i++) {
      Requirement r = declared.requirements().get(i);
      roots.add(r);
      described.add(new DeclaredRequirement(r.toString(), declared.origin(i).label()));
    }
    Set<ProjectName> named = new LinkedHashSet<>();
    declared.requirements().forEach(r -> named.add(r.projectName()));
    for (ProjectName backend : named) {
      for (Requirement extra : options.extraRequirements().getOrDefault(backend, List.of())) {
        roots.add(extra);
        described.add(
            new DeclaredRequirement(extra.toString(), "extra for " + backend.canonical()));
      }
    }
    Map<Release, SortedSet<String>> environment = new TreeMap<>(RELEASE_ORDER);
    Map<MarkerEnvironment, Target> interpreters = new LinkedHashMap<>();
    for (Target t : options.targets()) {
      interpreters.putIfAbsent(t.markerEnvironment(), t);
    }
    for (Map.Entry<MarkerEnvironment, Target> interpreter : interpreters.entrySet()) {
      List<Requirement> constraints = new ArrayList<>();
      for (Requirement c : options.constraints()) {
        if (c.marker().isEmpty() || c.marker().get().evaluate(interpreter.getKey())) {
          constraints.add(c.withMarker(Optional.empty()));
        }
      }
      EnvironmentResolver resolver =
          new EnvironmentResolver(
              index, interpreter.getKey(), preferred, constraints, options.maxResolutionRounds());
      Solver.Outcome resolved;
      try {
        resolved = resolver.resolve(release.toString(), release.name().canonical(), roots);
      } catch (Solver.Unresolvable e) {
        Target t = interpreter.getValue();
        return failed(
            release,
            new Problem(
                release.toString(),
                Problem.Kind.RESOLUTION_CONFLICT,
                "cannot resolve the build environment for "
                    + t.arch()
                    + " with Python "
                    + t.pythonVersion()
                    + ": "
                    + e.getMessage(),
                e.chain()));
      }
      resolved
          .pins()
          .forEach(
              (name, version) ->
                  environment
                      .computeIfAbsent(new Release(name, version), k -> new TreeSet<>())
                      .addAll(resolved.requiredBy().get(name)));
    }
    List<ResolvedPin> pins = new ArrayList<>();
    environment.forEach((r, by) -> pins.add(new ResolvedPin(r.name(), r.version(), by)));
    PackageOutcome outcome =
        new PackageOutcome(
            release.name(),
            release.version(),
            PackageOutcome.Status.RESOLVED,
            Optional.of(sdist.filename()),
            declared.backend(),
            described,
            pins,
            new TreeSet<>(),
            Optional.empty());
    return new Inspection(outcome, environment);
  }

  /**
   * Why the build requirements an sdist declares are not resolved at all: more of them than {@link
   * #MAX_BUILD_REQUIREMENTS} (a hostile sdist must not cost minutes and gigabytes), or the package
   * itself among them. Every such finding is named, in one problem.
   */
  private static Optional<Problem> unusableDeclaration(
      Release release, BuildRequirements declared) {
    List<String> findings = new ArrayList<>();
    int count = declared.requirements().size();
    if (count > MAX_BUILD_REQUIREMENTS) {
      findings.add(
          "its sdist declares "
              + count
              + " build requirements, more than the "
              + MAX_BUILD_REQUIREMENTS
              + " read; none of them is resolved");
    }
    List<String> self = new ArrayList<>();
    for (int i = 0; i < count && self.size() < 10; i++) {
      Requirement r = declared.requirements().get(i);
      if (r.projectName().equals(release.name())) {
        self.add("'" + r + "' (" + declared.origin(i).label() + ")");
      }
    }
    if (!self.isEmpty()) {
      findings.add(
          "it lists itself among its own build requirements ("
              + String.join(", ", self)
              + "), a cycle: it cannot be built from its sdist without a built copy of itself");
    }
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    Problem.Kind kind =
        count > MAX_BUILD_REQUIREMENTS
            ? Problem.Kind.BAD_BUILD_DECLARATION
            : Problem.Kind.BUILD_CYCLE;
    return Optional.of(new Problem(release.toString(), kind, String.join("; ", findings)));
  }

  /** pip's preference among several sdists of a release: not yanked, then .tar.gz, then .zip. */
  static Optional<ReleaseFile> bestSdist(List<ReleaseFile> files) {
    return files.stream()
        .filter(ReleaseFile::isSdist)
        .filter(f -> SdistReader.isSupported(f.filename()))
        .max(
            Comparator.comparing((ReleaseFile f) -> !f.yanked())
                .thenComparing(
                    f -> {
                      String n = f.filename().toLowerCase(Locale.ROOT);
                      return n.endsWith(".tar.gz") ? 2 : n.endsWith(".zip") ? 1 : 0;
                    })
                .thenComparing(ReleaseFile::filename, Comparator.reverseOrder()));
  }

  /**
   * Every file's sha256 for every release to write; files the index gives no digest for are hashed.
   */
  private List<OutputEntry> entries(
      Map<Release, SortedSet<String>> via, SdistLoader loader, Path work, List<Problem> errors) {
    ReleaseResults<List<ReleaseFile>> files = index.filesForAll(via.keySet());
    List<OutputEntry> out = new ArrayList<>();
    for (Map.Entry<Release, SortedSet<String>> e : via.entrySet()) {
      Release r = e.getKey();
      Optional<IndexException> failure = files.failure(r);
      if (failure.isPresent()) {
        errors.add(new Problem(r.toString(), kindOf(failure.get()), failure.get().getMessage()));
        continue;
      }
      SortedSet<String> hashes = new TreeSet<>();
      for (ReleaseFile f : files.value(r).orElse(List.of())) {
        if (f.sha256().isPresent()) {
          hashes.add("sha256:" + f.sha256().get());
          continue;
        }
        try {
          Path temp = Files.createTempFile(work, "hash-", ".part");
          try {
            hashes.add("sha256:" + Futures.join(downloader.download(f, temp)));
          } finally {
            Files.deleteIfExists(temp);
          }
        } catch (IOException | RuntimeException ex) {
          errors.add(
              new Problem(
                  r.toString(),
                  kindOf(Futures.cause(ex)),
                  f.filename()
                      + ": no digest on the index and hashing it failed: "
                      + messageOf(ex)));
        }
      }
      out.add(new OutputEntry(r.name(), r.version(), hashes, e.getValue()));
    }
    return out;
  }

  private static PackageOutcome outcome(
      Release release, PackageOutcome.Status status, Problem problem) {
    return new PackageOutcome(
        release.name(),
        release.version(),
        status,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        new TreeSet<>(),
        Optional.of(problem));
  }

  private static Inspection failed(Release release, Problem problem) {
    return new Inspection(outcome(release, PackageOutcome.Status.FAILED, problem), Map.of());
  }

  /**
   * The kind of a failure: the index's "no such release or file" is {@link Problem.Kind#NOT_FOUND};
   * any other failure to look up or download (after the transport's retries), and bytes that differ
   * from the index's own digest, are {@link Problem.Kind#INDEX_FAILURE}; an sdist that is the
   * index's file but not among the pinned hashes is {@link Problem.Kind#HASH_MISMATCH}.
   */
  static Problem.Kind kindOf(Throwable cause) {
    if (cause instanceof SdistException s) {
      return switch (s.kind()) {
        case HASH_MISMATCH -> Problem.Kind.HASH_MISMATCH;
        case INDEX_DIGEST_MISMATCH -> Problem.Kind.INDEX_FAILURE;
        case DOWNLOAD_FAILED ->
            s.getCause() instanceof IndexException e && e.isNotFound()
                ? Problem.Kind.NOT_FOUND
                : Problem.Kind.INDEX_FAILURE;
        default -> Problem.Kind.BAD_ARCHIVE;
      };
    }
    if (cause instanceof IndexException e && e.isNotFound()) {
      return Problem.Kind.NOT_FOUND;
    }
    return Problem.Kind.INDEX_FAILURE;
  }

  /** The message of a failure, never a Java class name. */
  private static String messageOf(Throwable cause) {
    return Failures.describe(cause);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread t = new Thread(runnable, "pyhermetic-build-deps");
      t.setDaemon(true);
      return t;
    };
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", directory, e.getMessage());
    }
  }
}
