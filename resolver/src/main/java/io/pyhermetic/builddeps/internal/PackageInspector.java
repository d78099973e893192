package io.pyhermetic.builddeps.internal;

import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.audit.Route;
import io.pyhermetic.audit.TargetResult;
import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.PackageOutcome;
import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.sdist.SdistException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects one package of a build-dependency run: whether it must be built (with {@code
 * --binary-for}, only when some target has no installable wheel), then its sdist, fetched and
 * checked against the pinned hashes, and its {@link BuildEnvironment}. Requests are prioritised by
 * the package's depth in the build graph: deeper packages lie on the long chains.
 */
public final class PackageInspector {
  private static final Logger LOG = LoggerFactory.getLogger(PackageInspector.class);

  private final CachingIndex index;
  private final BuildDepsOptions options;
  private final SdistSource sdists;
  private final BuildEnvironment environments;
  private final Executor executor;
  private final Consumer<Problem> errors;

  /**
   * An inspector for one run.
   *
   * @param index where files and metadata come from
   * @param options the run's options
   * @param sdists fetches and reads sdists
   * @param environments resolves build environments
   * @param executor runs the resolutions
   * @param errors told of a failure that belongs to no package's outcome (a failed wheel look-up
   *     for {@code --binary-for}); called from the inspecting threads
   */
  public PackageInspector(
      CachingIndex index,
      BuildDepsOptions options,
      SdistSource sdists,
      BuildEnvironment environments,
      Executor executor,
      Consumer<Problem> errors) {
    this.index = Objects.requireNonNull(index, "index");
    this.options = Objects.requireNonNull(options, "options");
    this.sdists = Objects.requireNonNull(sdists, "sdists");
    this.environments = Objects.requireNonNull(environments, "environments");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  /**
   * Inspects {@code release}; every failure becomes its outcome.
   *
   * @param release the package
   * @param depth how far from the input it was found (0 for an input)
   * @param input its input entry, whose pinned hashes decide which files pip may take
   * @param pinnedHashes the sha256 hashes its sdist must match (none for a package found in a build
   *     environment)
   * @return the inspection, or empty when its failure was told to the error listener
   */
  public CompletableFuture<Optional<Inspection>> inspect(
      Release release, int depth, Optional<Entry> input, Set<String> pinnedHashes) {
    return CompletableFuture.supplyAsync(
            () -> RequestPriority.call(lookupPriority(depth), () -> mustBuild(release, input)),
            executor)
        .thenCompose(
            build -> {
              if (build.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<Inspection>empty());
              }
              if (build.get() || !options.isBinaryFor()) {
                return RequestPriority.call(
                        lookupPriority(depth), () -> fromSdist(release, depth, pinnedHashes))
                    .thenApply(Optional::of);
              }
              return CompletableFuture.completedFuture(Optional.of(Inspection.notNeeded(release)));
            })
        .exceptionally(
            error -> {
              Throwable cause = Futures.cause(error);
              LOG.debug("{} failed", release, cause);
              return Optional.of(
                  Inspection.failed(
                      release,
                      Problem.error(kindOf(cause), release.toString(), Failures.describe(cause))));
            });
  }

  /**
   * For {@code --binary-for}: whether {@code release} must be built (a target without an
   * installable wheel); always false in source-only mode. Empty when its look-up failed, which is
   * told to the error listener.
   */
  private Optional<Boolean> mustBuild(Release release, Optional<Entry> input) {
    if (!options.isBinaryFor()) {
      return Optional.of(false);
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Target t : options.binaryFor()) {
      targets.put(t.toString(), t);
    }
    // an input keeps its pinned hashes, which decide which files pip may take
    Entry entry =
        input.orElseGet(
            () ->
                RequirementsFile.parse(
                        release.name().canonical() + "==" + release.version() + "\n",
                        "<build environment>")
                    .entries()
                    .get(0));
    PackageAudit audit =
        new Auditor(index, targets, t -> Optional.empty()).audit(List.of(entry)).packages().get(0);
    if (audit.indexFailure()) {
      errors.accept(
          Problem.error(
              BuildDepsCode.INDEX_FAILURE, release.toString(), audit.error().orElse("failed")));
      return Optional.empty();
    }
    if (audit.error().isPresent()) {
      return Optional.of(true);
    }
    for (TargetResult t : audit.targets().values()) {
      if (t.route() != Route.WHEEL) {
        return Optional.of(true);
      }
    }
    return Optional.of(false);
  }

  /** The request priority of a release's first look-ups, at {@code depth} in the build graph. */
  private static int lookupPriority(int depth) {
    return 3 * depth;
  }

  /**
   * The priority of its sdist: a package that is started is finished before another of the same
   * depth is started.
   */
  private static int sdistPriority(int depth) {
    return 3 * depth + 1;
  }

  /**
   * The priority of its build environment's look-ups: above the sdists of its depth, which would
   * otherwise hold every environment back until the last of them arrived, and no higher than the
   * next depth's first look-ups.
   */
  private static int environmentPriority(int depth) {
    return 3 * depth + 2;
  }

  private CompletableFuture<Inspection> fromSdist(
      Release release, int depth, Set<String> pinnedHashes) {
    return index
        .filesAsync(release.name(), release.version())
        .thenCompose(
            files -> {
              Optional<ReleaseFile> sdist = SdistSource.bestSdist(files);
              if (sdist.isEmpty()) {
                String message =
                    files.isEmpty()
                        ? "the index has no files for " + release
                        : "the index has no sdist for " + release + ", only wheels";
                // a skipped package is left out of the output without failing the run
                return CompletableFuture.completedFuture(
                    options.skipMissingSdist()
                        ? Inspection.unresolved(
                            release,
                            PackageOutcome.Status.SKIPPED,
                            Problem.warning(
                                BuildDepsCode.MISSING_SDIST, release.toString(), message))
                        : Inspection.failed(
                            release,
                            Problem.error(
                                BuildDepsCode.MISSING_SDIST, release.toString(), message)));
              }
              return RequestPriority.call(
                      sdistPriority(depth), () -> sdists.load(release, sdist.get(), pinnedHashes))
                  .thenApply(
                      contents -> {
                        environments.fetchAhead(contents, environmentPriority(depth));
                        return contents;
                      })
                  .thenApplyAsync(
                      contents ->
                          RequestPriority.call(
                              environmentPriority(depth),
                              () -> environments.resolve(release, sdist.get(), contents)),
                      executor);
            });
  }

  /**
   * The kind of a failure: the index's "no such release or file" is {@link
   * BuildDepsCode#NOT_FOUND}; any other failure to look up or download (after the transport's
   * retries), and bytes that differ from the index's own digest, are {@link
   * BuildDepsCode#INDEX_FAILURE}; an sdist that is the index's file but not among the pinned hashes
   * is {@link BuildDepsCode#HASH_MISMATCH}.
   *
   * @param cause the failure, unwrapped
   * @return its kind
   */
  public static BuildDepsCode kindOf(Throwable cause) {
    if (cause instanceof SdistException s) {
      return switch (s.kind()) {
        case HASH_MISMATCH -> BuildDepsCode.HASH_MISMATCH;
        case INDEX_DIGEST_MISMATCH -> BuildDepsCode.INDEX_FAILURE;
        case DOWNLOAD_FAILED ->
            s.getCause() instanceof IndexException e && e.isNotFound()
                ? BuildDepsCode.NOT_FOUND
                : BuildDepsCode.INDEX_FAILURE;
        default -> BuildDepsCode.BAD_ARCHIVE;
      };
    }
    if (cause instanceof IndexException e && e.isNotFound()) {
      return BuildDepsCode.NOT_FOUND;
    }
    return BuildDepsCode.INDEX_FAILURE;
  }
}
