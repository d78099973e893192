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
   * The cache under {@code $XDG_CACHE_HOME/pyhermetic/files} (or {@code ~/.cache/…}), 8 downloads
   * at once, an existing output left alone, files from PyPI.
   *
   * @return the default options
   */
  public static PrefetchOptions defaults() {
    return builder().build();
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
   * A builder holding the defaults (see {@link #defaults()}).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder()
        .cacheDirectory(cacheDirectory)
        .concurrency(concurrency)
        .replaceExisting(replaceExisting)
        .repositoryUrl(repositoryUrl);
  }

  /** Builds {@link PrefetchOptions}; each method returns this builder. */
  public static final class Builder {
    private Path cacheDirectory = defaultCacheDirectory();
    private int concurrency = 8;
    private boolean replaceExisting;
    private Optional<String> repositoryUrl = Optional.empty();

    private Builder() {}

    /**
     * Where verified downloads are kept (default {@link #defaultCacheDirectory()}).
     *
     * @param value the directory
     * @return this builder
     */
    public Builder cacheDirectory(Path value) {
      cacheDirectory = Objects.requireNonNull(value, "cacheDirectory");
      return this;
    }

    /**
     * How many files are downloaded at once (default 8).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder concurrency(int value) {
      concurrency = value;
      return this;
    }

    /**
     * Whether a non-empty output directory may be replaced (default no).
     *
     * @param value whether it may
     * @return this builder
     */
    public Builder replaceExisting(boolean value) {
      replaceExisting = value;
      return this;
    }

    /**
     * The index the files come from, for the SBOM (default: PyPI); see {@link
     * PrefetchOptions#repositoryUrl()}.
     *
     * @param value the index URL, or empty for PyPI
     * @return this builder
     */
    public Builder repositoryUrl(Optional<String> value) {
      repositoryUrl = Objects.requireNonNull(value, "repositoryUrl");
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     * @throws IllegalArgumentException when the concurrency is below 1
     */
    public PrefetchOptions build() {
      return new PrefetchOptions(cacheDirectory, concurrency, replaceExisting, repositoryUrl);
    }
  }
}
