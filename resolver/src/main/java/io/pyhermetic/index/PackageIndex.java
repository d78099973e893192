package io.pyhermetic.index;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.internal.FileCopy;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A source of distribution files and metadata for Python projects. Every method throws (or
 * completes exceptionally with) an {@link IndexException} naming the project and the URL.
 *
 * <p>Implementations are thread-safe. The default asynchronous methods run the synchronous ones on
 * the calling thread; network implementations override them with non-blocking versions.
 */
public interface PackageIndex extends AutoCloseable {

  /**
   * The files of release {@code version} of {@code project}; empty when it has none.
   *
   * @param project the project
   * @param version the version
   * @return the files
   */
  List<ReleaseFile> files(ProjectName project, Version version);

  /**
   * Every version of {@code project} the index knows, ascending; unparsable versions skipped.
   *
   * @param project the project
   * @return the versions
   */
  List<Version> versions(ProjectName project);

  /**
   * The core metadata of release {@code version} of {@code project}.
   *
   * @param project the project
   * @param version the version
   * @return the metadata
   */
  ReleaseMetadata metadata(ProjectName project, Version version);

  /**
   * {@link #files} without blocking.
   *
   * @param project the project
   * @param version the version
   * @return the files, when they arrive
   */
  default CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
    return run(() -> files(project, version));
  }

  /**
   * {@link #versions} without blocking.
   *
   * @param project the project
   * @return the versions, when they arrive
   */
  default CompletableFuture<List<Version>> versionsAsync(ProjectName project) {
    return run(() -> versions(project));
  }

  /**
   * {@link #metadata} without blocking.
   *
   * @param project the project
   * @param version the version
   * @return the metadata, when it arrives
   */
  default CompletableFuture<ReleaseMetadata> metadataAsync(ProjectName project, Version version) {
    return run(() -> metadata(project, version));
  }

  /**
   * Streams {@code file}'s bytes into {@code destination} (created or replaced; its parent must
   * exist) and completes with the lower-case hex sha256 of the bytes written; the caller compares
   * it with {@link ReleaseFile#sha256()}. Fails with an {@link IndexException} naming the file and
   * the redacted URL, after deleting any partial file.
   *
   * <p>The default copies {@code file:} URLs and fails for others; network indexes override it.
   *
   * @param file the file
   * @param destination where to write it
   * @return the sha256 of the bytes written, when done
   */
  default CompletableFuture<String> downloadAsync(ReleaseFile file, Path destination) {
    if (!FileCopy.isFileUrl(file.url())) {
      return CompletableFuture.failedFuture(
          new IndexException(
              file.filename(), file.url(), "this index cannot download non-file URLs"));
    }
    return CompletableFuture.supplyAsync(
        () -> FileCopy.copy(file.filename(), file.url(), destination));
  }

  /**
   * {@link #downloadAsync} and wait.
   *
   * @param file the file
   * @param destination where to write it
   * @return the sha256 of the bytes written
   */
  default String download(ReleaseFile file, Path destination) {
    return Futures.join(downloadAsync(file, destination));
  }

  /** Releases connections and threads; the default holds none. Idempotent. */
  @Override
  default void close() {}

  /**
   * The files of many releases, fetched concurrently; every release ends up in either {@link
   * ReleaseResults#values()} or {@link ReleaseResults#failures()}.
   *
   * @param releases the releases
   * @return the files per release, and every failure
   */
  default ReleaseResults<List<ReleaseFile>> filesForAll(Collection<Release> releases) {
    return forAll(releases, r -> filesAsync(r.name(), r.version()));
  }

  /**
   * {@link #filesForAll(Collection)}, telling {@code listener} as each look-up finishes.
   *
   * @param releases the releases to look up
   * @param listener told of each finished look-up, from the completing threads
   * @param describe what the listener is told of a release
   * @return every release's files or failure
   */
  default ReleaseResults<List<ReleaseFile>> filesForAll(
      Collection<Release> releases, ProgressListener listener, Function<Release, String> describe) {
    int total = new LinkedHashSet<>(releases).size();
    AtomicInteger completed = new AtomicInteger();
    return forAll(
        releases,
        r ->
            filesAsync(r.name(), r.version())
                .whenComplete(
                    (ok, error) ->
                        listener.progressed(
                            completed.incrementAndGet(), total, describe.apply(r))));
  }

  /**
   * The metadata of many releases, fetched concurrently, with every failure reported.
   *
   * @param releases the releases
   * @return the metadata per release, and every failure
   */
  default ReleaseResults<ReleaseMetadata> metadataForAll(Collection<Release> releases) {
    return forAll(releases, r -> metadataAsync(r.name(), r.version()));
  }

  /**
   * Starts {@code lookup} for every distinct release at once and waits for all of them, collecting
   * each outcome.
   *
   * @param <T> the look-up's result type
   * @param releases the releases
   * @param lookup the look-up of one release
   * @return the outcome per release
   */
  static <T> ReleaseResults<T> forAll(
      Collection<Release> releases, Function<Release, CompletableFuture<T>> lookup) {
    Map<Release, CompletableFuture<T>> started = new LinkedHashMap<>();
    for (Release release : new LinkedHashSet<>(releases)) {
      CompletableFuture<T> future;
      try {
        future = lookup.apply(release);
      } catch (RuntimeException e) {
        future = CompletableFuture.failedFuture(e);
      }
      started.put(release, future);
    }
    Map<Release, T> values = new LinkedHashMap<>();
    Map<Release, IndexException> failures = new LinkedHashMap<>();
    List<CompletableFuture<T>> all = new ArrayList<>(started.values());
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
        .handle((ok, error) -> null)
        .join();
    for (Map.Entry<Release, CompletableFuture<T>> entry : started.entrySet()) {
      try {
        values.put(entry.getKey(), entry.getValue().get());
      } catch (ExecutionException e) {
        failures.put(entry.getKey(), asIndexException(entry.getKey(), e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.put(entry.getKey(), asIndexException(entry.getKey(), e));
      }
    }
    return new ReleaseResults<>(values, failures);
  }

  private static IndexException asIndexException(Release release, Throwable error) {
    Throwable cause = Futures.cause(error);
    if (cause instanceof IndexException) {
      return (IndexException) cause;
    }
    return new IndexException(
        release.toString(), "", "look-up failed: " + Failures.describe(cause), -1, cause);
  }

  private static <T> CompletableFuture<T> run(java.util.function.Supplier<T> work) {
    try {
      return CompletableFuture.completedFuture(work.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
