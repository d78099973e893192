package io.pyhermetic.builddeps;

import io.pyhermetic.builddeps.internal.BuildEnvironment;
import io.pyhermetic.builddeps.internal.InputPins;
import io.pyhermetic.builddeps.internal.Inspection;
import io.pyhermetic.builddeps.internal.OutputHashes;
import io.pyhermetic.builddeps.internal.PackageInspector;
import io.pyhermetic.builddeps.internal.SdistSource;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.sdist.Downloader;
import io.pyhermetic.sdist.SdistLoader;
import io.pyhermetic.sdist.SdistReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
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
 * if (result.isOk()) BuildDepsOutput.writeRequirements(out, result, header, true);
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
  private final ProgressListener progress;

  /**
   * A resolver downloading sdists through {@code index}.
   *
   * @param index where files, metadata and sdists come from
   * @param options the targets, mode and limits
   */
  public BuildDepsResolver(PackageIndex index, BuildDepsOptions options) {
    this(index, index::downloadAsync, options);
  }

  /**
   * A resolver downloading sdists through {@code downloader} (a mirror, a cache, a test double).
   *
   * @param index where files and metadata come from
   * @param downloader where sdists come from
   * @param options the targets, mode and limits
   */
  public BuildDepsResolver(PackageIndex index, Downloader downloader, BuildDepsOptions options) {
    this(
        new CachingIndex(Objects.requireNonNull(index, "index")),
        downloader,
        options,
        ProgressListener.NONE);
  }

  private BuildDepsResolver(
      CachingIndex index,
      Downloader downloader,
      BuildDepsOptions options,
      ProgressListener progress) {
    this.index = index;
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.options = Objects.requireNonNull(options, "options");
    this.progress = progress;
  }

  /**
   * The same resolver, telling {@code progress} as each package is inspected ({@code name version};
   * the total grows as build environments reveal more packages).
   *
   * @param progress the listener, called from the inspecting threads
   * @return a new resolver
   */
  public BuildDepsResolver withProgress(ProgressListener progress) {
    return new BuildDepsResolver(
        index, downloader, options, Objects.requireNonNull(progress, "progress"));
  }

  /**
   * The options it resolves with.
   *
   * @return the options
   */
  public BuildDepsOptions options() {
    return options;
  }

  /**
   * Resolves the build dependencies of {@code requirements} (the entries of one or more
   * requirements files; constraint-file entries only act as preferred versions). Never throws for a
   * per-package problem: every outcome is in the result.
   *
   * @param requirements the pinned requirements whose build dependencies are wanted
   * @return every package's outcome, the entries to write and every problem
   * @throws java.io.UncheckedIOException when the work directory cannot be created
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
    SdistSource sdists =
        new SdistSource(
            index,
            new SdistLoader(downloader, new SdistReader(options.sdistLimits()), work, executor));
    try {
      return run(requirements, executor, sdists, work);
    } finally {
      sdists.close(); // what is still fetched ahead writes nothing more into work
      executor.shutdownNow();
      FileUtils.deleteQuietly(work.toFile());
    }
  }

  private BuildDepsResult run(
      List<Entry> requirements, ExecutorService executor, SdistSource sdists, Path work) {
    List<Problem> errors = new ArrayList<>();
    InputPins input = InputPins.read(requirements, options.targets(), errors);
    Object lock = new Object();
    PackageInspector inspector =
        new PackageInspector(
            index,
            options,
            sdists,
            new BuildEnvironment(
                index, options, input.preferred(), sdists, input.entries().keySet()),
            executor,
            problem -> {
              synchronized (lock) {
                errors.add(problem);
              }
            });

    Map<Release, PackageOutcome> outcomes = new TreeMap<>(Inspection.RELEASE_ORDER);
    Map<Release, SortedSet<String>> neededBy = new TreeMap<>(Inspection.RELEASE_ORDER);
    Map<Release, SortedSet<String>> via = new TreeMap<>(Inspection.RELEASE_ORDER);
    for (Release r : input.entries().keySet()) {
      neededBy.computeIfAbsent(r, k -> new TreeSet<>()).add(PackageOutcome.INPUT);
    }
    // Each release is inspected as soon as some environment needs it, with no barrier between
    // generations: the run takes as long as its longest chain, not the sum of the slowest
    // package of each generation. The result does not depend on the order of completion.
    // every release seen so far, and how far from the input it was found: deeper packages'
    // requests go first, since they lie on the long chains (backends, their backends, …) while
    // the inputs are independent
    Map<Release, Integer> depth = new ConcurrentHashMap<>();
    input.entries().keySet().forEach(r -> depth.put(r, 0));
    AtomicInteger inspected = new AtomicInteger();
    Phaser pending = new Phaser(1);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Consumer<Release>[] submit = new Consumer[1];
    submit[0] =
        r -> {
          pending.register();
          int level = depth.get(r);
          inspector
              .inspect(r, level, Optional.ofNullable(input.entries().get(r)), input.hashes(r))
              .thenAccept(
                  inspection -> {
                    List<Release> discovered = new ArrayList<>();
                    if (inspection.isPresent()) {
                      synchronized (lock) {
                        outcomes.put(r, inspection.get().outcome());
                        for (Map.Entry<Release, SortedSet<String>> pin :
                            inspection.get().environment().entrySet()) {
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
                    progress.progressed(
                        inspected.incrementAndGet(), depth.size(), r.name() + " " + r.version());
                  })
              .whenComplete((ok, error) -> pending.arriveAndDeregister());
        };
    input.entries().keySet().forEach(submit[0]);
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
    List<OutputEntry> entries = OutputHashes.entries(index, downloader, via, work, errors);
    return new BuildDepsResult(
        options.targets(),
        options.binaryFor(),
        new ArrayList<>(outcomes.values()),
        entries,
        Stream.concat(skipped.stream(), errors.stream()).toList());
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread t = new Thread(runnable, "pyhermetic-build-deps");
      t.setDaemon(true);
      return t;
    };
  }
}
