package io.pyhermetic.prefetch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a prefetch runs.
 *
 * @param cacheDirectory where verified downloads are kept, keyed by sha256, for later runs
 * @param concurrency how many files are downloaded (or checked in the cache) at once
 * @param replaceExisting whether a non-empty output directory may be replaced; an empty one always
 *     may
 */
public record PrefetchOptions(Path cacheDirectory, int concurrency, boolean replaceExisting) {

  public PrefetchOptions {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
  }

  /**
   * The cache under {@code $XDG_CACHE_HOME/pyhermetic/files} (or {@code ~/.cache/…}), 8 downloads
   * at once, an existing output left alone.
   */
  public static PrefetchOptions defaults() {
    return new PrefetchOptions(defaultCacheDirectory(), 8, false);
  }

  /** {@code $XDG_CACHE_HOME/pyhermetic/files}, or {@code ~/.cache/pyhermetic/files}. */
  public static Path defaultCacheDirectory() {
    return io.pyhermetic.index.IndexSettings.defaultCacheDirectory(System.getenv())
        .resolve("files");
  }

  public PrefetchOptions withCacheDirectory(Path value) {
    return new PrefetchOptions(value, concurrency, replaceExisting);
  }

  public PrefetchOptions withConcurrency(int value) {
    return new PrefetchOptions(cacheDirectory, value, replaceExisting);
  }

  public PrefetchOptions withReplaceExisting(boolean value) {
    return new PrefetchOptions(cacheDirectory, concurrency, value);
  }
}
