package io.pyhermetic.prefetch;

import io.pyhermetic.text.Redaction;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a prefetch runs.
 *
 * @param cacheDirectory where verified downloads are kept, keyed by sha256, for later runs
 * @param concurrency how many files are downloaded (or checked in the cache) at once
 * @param replaceExisting whether a non-empty output directory may be replaced; an empty one always
 *     may
 * @param repositoryUrl the index the files come from, as {@code bom.json} records it in the {@code
 *     repository_url} qualifier of every dependency's purl (Hermeto's {@code --index-url}); empty,
 *     or PyPI's {@code https://pypi.org/simple} (with or without a final slash), for PyPI, which
 *     gets no qualifier. User-info ({@code user:password@}) is removed from it, so credentials
 *     never reach the SBOM.
 */
public record PrefetchOptions(
    Path cacheDirectory, int concurrency, boolean replaceExisting, Optional<String> repositoryUrl) {

  public PrefetchOptions {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    repositoryUrl =
        repositoryUrl.map(u -> Redaction.withoutCredentials(u.strip())).filter(u -> !u.isEmpty());
  }

  /** Options for an index on PyPI (no {@code repository_url} in the SBOM). */
  public PrefetchOptions(Path cacheDirectory, int concurrency, boolean replaceExisting) {
    this(cacheDirectory, concurrency, replaceExisting, Optional.empty());
  }

  /**
   * The cache under {@code $XDG_CACHE_HOME/pyhermetic/files} (or {@code ~/.cache/…}), 8 downloads
   * at once, an existing output left alone, files from PyPI.
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
    return new PrefetchOptions(value, concurrency, replaceExisting, repositoryUrl);
  }

  public PrefetchOptions withConcurrency(int value) {
    return new PrefetchOptions(cacheDirectory, value, replaceExisting, repositoryUrl);
  }

  public PrefetchOptions withReplaceExisting(boolean value) {
    return new PrefetchOptions(cacheDirectory, concurrency, value, repositoryUrl);
  }

  /** The same options with the given index URL for the SBOM; see {@link #repositoryUrl()}. */
  public PrefetchOptions withRepositoryUrl(Optional<String> value) {
    return new PrefetchOptions(cacheDirectory, concurrency, replaceExisting, value);
  }
}
