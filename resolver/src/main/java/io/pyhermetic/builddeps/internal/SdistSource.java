package io.pyhermetic.builddeps.internal;

import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.sdist.SdistContents;
import io.pyhermetic.sdist.SdistLoader;
import io.pyhermetic.sdist.SdistReader;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sdists of one run, each fetched and read once. The sdist of a package found in a build
 * environment (which pins no hashes) is shared, so that one fetched ahead of the package's
 * inspection is not fetched again when the inspection comes.
 */
public final class SdistSource implements AutoCloseable {
  private final CachingIndex index;
  private final SdistLoader loader;
  private final Map<Release, CompletableFuture<SdistContents>> unpinned = new ConcurrentHashMap<>();
  private boolean closed; // guarded by this: a load starts its temporary file under the same lock

  /**
   * The sdists of {@code index}, loaded by {@code loader}.
   *
   * @param index where the files of a release are listed
   * @param loader fetches and reads an sdist
   */
  public SdistSource(CachingIndex index, SdistLoader loader) {
    this.index = Objects.requireNonNull(index, "index");
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /**
   * Fetches and reads {@code sdist} of {@code release}; once per release when no hashes are pinned.
   *
   * @param release the release
   * @param sdist its sdist, as {@link #bestSdist} chose it
   * @param pinnedHashes the sha256 hashes the sdist must match, none for a package found in a build
   *     environment
   * @return the contents, or the loader's failure
   */
  public CompletableFuture<SdistContents> load(
      Release release, ReleaseFile sdist, Set<String> pinnedHashes) {
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new CancellationException("the run is over: " + sdist.filename()));
      }
      if (!pinnedHashes.isEmpty()) {
        return loader.load(sdist, pinnedHashes);
      }
      return unpinned.computeIfAbsent(release, r -> loader.load(sdist, Set.of()));
    }
  }

  /**
   * Ends the run's loading: a fetch ahead that is still under way when the run ends starts no new
   * temporary file, so that the work directory, once deleted, stays deleted.
   */
  @Override
  public synchronized void close() {
    closed = true;
  }

  /**
   * Starts fetching the sdist of {@code release}, at {@code priority}, before anything waits for
   * it: the release's files, then its sdist, if it has one.
   *
   * @param release a release that will most likely be inspected
   * @param priority the request priority
   * @return its contents, or empty when it has no sdist; failures are left for the inspection
   */
  public CompletableFuture<Optional<SdistContents>> fetchAhead(Release release, int priority) {
    return RequestPriority.call(
        priority,
        () ->
            index
                .filesAsync(release.name(), release.version())
                .thenCompose(
                    files ->
                        bestSdist(files)
                            .map(
                                sdist ->
                                    RequestPriority.call(
                                            priority, () -> load(release, sdist, Set.of()))
                                        .thenApply(Optional::of))
                            .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()))));
  }

  /**
   * pip's preference among several sdists of a release: not yanked, then .tar.gz, then .zip.
   *
   * @param files a release's files
   * @return the sdist pip would build, when the release has one this library can read
   */
  public static Optional<ReleaseFile> bestSdist(List<ReleaseFile> files) {
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
}
