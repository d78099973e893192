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

  /**
   * Validates the concurrency and removes credentials from the repository URL.
   *
   * @throws IllegalArgumentException when the concurrency is below 1
   * @param cacheDirectory see {@link #cacheDirectory()}
   * @param concurrency see {@link #concurrency()}
   * @param replaceExisting see {@link #replaceExisting()}
   * @param repositoryUrl see {@link #repositoryUrl()}
   */
  public PrefetchOptions {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    repositoryUrl =
        repositoryUrl.map(u -> Redaction.withoutCredentials(u.strip())).filter(u -> !u.isEmpty());
  }

  /**
   * Options for an index on PyPI (no {@code repository_url} in the SBOM).
   *
   * @param cacheDirectory where verified downloads are kept
   * @param concurrency how many files are downloaded at once
   * @param replaceExisting whether a non-empty output directory may be replaced
   */
  public PrefetchOptions(Path cacheDirectory, int concurrency, boolean replaceExisting) {
    this(cacheDirectory, concurrency, replaceExisting, Optional.empty());
  }

  /**
   * The cache under {@code $XDG_CACHE_HOME/pyhermetic/files} (or {@code ~/.cache/…}), 8 downloads
   * at once, an existing output left alone, files from PyPI.
   *
   * @return the default options
   */
  public static PrefetchOptions defaults() {
    return new PrefetchOptions(defaultCacheDirectory(), 8, false);
  }

  /**
   * {@code $XDG_CACHE_HOME/pyhermetic/files}, or {@code ~/.cache/pyhermetic/files}.
   *
   * @return the directory, which may not exist yet
   */
  public static Path defaultCacheDirectory() {
    return io.pyhermetic.index.IndexSettings.defaultCacheDirectory(System.getenv())
        .resolve("files");
  }

  /**
   * The same options with another download cache.
   *
   * @param value the cache directory
   * @return new options
   */
  public PrefetchOptions withCacheDirectory(Path value) {
    return new PrefetchOptions(value, concurrency, replaceExisting, repositoryUrl);
  }

  /**
   * The same options with another number of downloads at once.
   *
   * @param value at least 1
   * @return new options
   */
  public PrefetchOptions withConcurrency(int value) {
    return new PrefetchOptions(cacheDirectory, value, replaceExisting, repositoryUrl);
  }

  /**
   * The same options, replacing a non-empty output directory or not.
   *
   * @param value whether to replace it
   * @return new options
   */
  public PrefetchOptions withReplaceExisting(boolean value) {
    return new PrefetchOptions(cacheDirectory, concurrency, value, repositoryUrl);
  }

  /**
   * The same options with the given index URL for the SBOM; see {@link #repositoryUrl()}.
   *
   * @param value the index URL, empty for PyPI
   * @return new options
   */
  public PrefetchOptions withRepositoryUrl(Optional<String> value) {
    return new PrefetchOptions(cacheDirectory, concurrency, replaceExisting, value);
  }
}
