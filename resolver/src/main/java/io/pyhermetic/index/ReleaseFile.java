package io.pyhermetic.index;

import io.pyhermetic.platform.DistributionFilename;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One distribution file of a release as an index lists it.
 *
 * @param filename the file name, e.g. {@code numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl}
 * @param url the absolute download URL, without any hash fragment
 * @param sha256 the lower-case hex sha256 digest, when the index gives one
 * @param size the size in bytes, when the index gives one
 * @param requiresPython the {@code Requires-Python} specifier text, when given and non-empty
 * @param yanked whether the file is yanked (PEP 592)
 * @param yankedReason the yank reason, when given and non-empty
 * @param uploadTime the upload time, when given
 * @param coreMetadata whether a PEP 658 {@code .metadata} file is offered at {@code url +
 *     ".metadata"}
 * @param coreMetadataSha256 the sha256 of that metadata file, when given
 */
public record ReleaseFile(
    String filename,
    String url,
    Optional<String> sha256,
    OptionalLong size,
    Optional<String> requiresPython,
    boolean yanked,
    Optional<String> yankedReason,
    Optional<Instant> uploadTime,
    boolean coreMetadata,
    Optional<String> coreMetadataSha256) {

  /** What kind of distribution a file is, decided from its file name. */
  public enum Kind {
    /** A wheel ({@code .whl}). */
    WHEEL,
    /** A source distribution. */
    SDIST,
    /** Anything else (an egg, an installer). */
    OTHER
  }

  /**
   * Checks that no component is null.
   *
   * @param filename the file name, e.g. {@code numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl}
   * @param url the absolute download URL, without any hash fragment
   * @param sha256 the lower-case hex sha256 digest, when the index gives one
   * @param size the size in bytes, when the index gives one
   * @param requiresPython the {@code Requires-Python} specifier text, when given and non-empty
   * @param yanked whether the file is yanked (PEP 592)
   * @param yankedReason the yank reason, when given and non-empty
   * @param uploadTime the upload time, when given
   * @param coreMetadata whether a PEP 658 {@code .metadata} file is offered at {@code url +
   *     ".metadata"}
   * @param coreMetadataSha256 the sha256 of that metadata file, when given
   */
  public ReleaseFile {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(yankedReason, "yankedReason");
    Objects.requireNonNull(uploadTime, "uploadTime");
    Objects.requireNonNull(coreMetadataSha256, "coreMetadataSha256");
    sha256 = sha256.map(s -> s.toLowerCase(Locale.ROOT));
    requiresPython = requiresPython.filter(s -> !s.isBlank());
    yankedReason = yankedReason.filter(s -> !s.isEmpty());
    coreMetadataSha256 = coreMetadataSha256.map(s -> s.toLowerCase(Locale.ROOT));
    if (coreMetadataSha256.isPresent()) {
      coreMetadata = true;
    }
  }

  /**
   * Starts a builder for a file with the given name and download URL.
   *
   * @param filename the file name, e.g. {@code numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl}
   * @param url the absolute download URL, without any hash fragment
   * @return the builder
   */
  public static Builder builder(String filename, String url) {
    return new Builder(filename, url);
  }

  /**
   * Checks bytes read for this file against the sha256 the index lists for it (nothing to check
   * when it lists none).
   *
   * @param actual the lower-case hex sha256 of the bytes read
   * @param subject what the read was for ({@code name==version}), for the message
   * @param url where the bytes came from
   * @throws IndexException naming the file and both digests when they differ
   */
  public void requireListedSha256(String actual, String subject, String url) {
    if (sha256.isPresent() && !sha256.get().equalsIgnoreCase(actual)) {
      throw new IndexException(
          subject,
          url,
          filename + " sha256 " + actual + " does not match the index's " + sha256.get());
    }
  }

  /**
   * The kind of distribution, from the file name's suffix.
   *
   * @return the kind
   */
  public Kind kind() {
    return kindOf(filename);
  }

  /**
   * Whether this is a wheel ({@code .whl}).
   *
   * @return {@code true} for a wheel
   */
  public boolean isWheel() {
    return kind() == Kind.WHEEL;
  }

  /**
   * Whether this is a source distribution (a known source-archive suffix).
   *
   * @return {@code true} for a source distribution
   */
  public boolean isSdist() {
    return kind() == Kind.SDIST;
  }

  /**
   * The kind of a distribution file name: {@code .whl} → wheel; source-archive suffixes → sdist.
   *
   * @param filename the file name, e.g. {@code numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl}
   * @return the kind
   */
  public static Kind kindOf(String filename) {
    if (filename.toLowerCase(Locale.ROOT).endsWith(".whl")) {
      return Kind.WHEEL;
    }
    return sdistSuffix(filename).isPresent() ? Kind.SDIST : Kind.OTHER;
  }

  /**
   * The source-archive suffix ({@link DistributionFilename#SDIST_SUFFIXES}, longest first) that
   * {@code filename} ends with, if any, in its canonical spelling. Matched case-insensitively as
   * indexes serve upper-case names too, except {@code .tar.Z}, whose case is significant.
   *
   * @param filename the file name, e.g. {@code numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl}
   * @return the suffix, or empty
   */
  public static Optional<String> sdistSuffix(String filename) {
    String lower = filename.toLowerCase(Locale.ROOT);
    for (String suffix : DistributionFilename.SDIST_SUFFIXES) {
      boolean match = suffix.equals(".tar.Z") ? filename.endsWith(suffix) : lower.endsWith(suffix);
      if (match) {
        return Optional.of(suffix);
      }
    }
    return Optional.empty();
  }

  /** A mutable builder for {@link ReleaseFile}; absent values stay empty. */
  public static final class Builder {
    private final String filename;
    private final String url;
    private Optional<String> sha256 = Optional.empty();
    private OptionalLong size = OptionalLong.empty();
    private Optional<String> requiresPython = Optional.empty();
    private boolean yanked;
    private Optional<String> yankedReason = Optional.empty();
    private Optional<Instant> uploadTime = Optional.empty();
    private boolean coreMetadata;
    private Optional<String> coreMetadataSha256 = Optional.empty();

    private Builder(String filename, String url) {
      this.filename = filename;
      this.url = url;
    }

    /**
     * The file's sha256.
     *
     * @param hex the lower-case hex digest
     * @return this builder
     */
    public Builder sha256(String hex) {
      this.sha256 = Optional.of(hex);
      return this;
    }

    /**
     * The file's size.
     *
     * @param bytes the size in bytes
     * @return this builder
     */
    public Builder size(long bytes) {
      this.size = OptionalLong.of(bytes);
      return this;
    }

    /**
     * The file's {@code Requires-Python}.
     *
     * @param specifier the specifier set, as the index gives it
     * @return this builder
     */
    public Builder requiresPython(String specifier) {
      this.requiresPython = Optional.of(specifier);
      return this;
    }

    /**
     * Whether the file is yanked.
     *
     * @param yanked whether the file is yanked (PEP 592)
     * @return this builder
     */
    public Builder yanked(boolean yanked) {
      this.yanked = yanked;
      return this;
    }

    /**
     * Why the file is yanked.
     *
     * @param reason the reason
     * @return this builder
     */
    public Builder yankedReason(String reason) {
      this.yankedReason = Optional.of(reason);
      return this;
    }

    /**
     * When the file was uploaded.
     *
     * @param time the upload time
     * @return this builder
     */
    public Builder uploadTime(Instant time) {
      this.uploadTime = Optional.of(time);
      return this;
    }

    /**
     * Whether the index serves the file's core metadata on its own.
     *
     * @param offered {@code true} when it does
     * @return this builder
     */
    public Builder coreMetadata(boolean offered) {
      this.coreMetadata = offered;
      return this;
    }

    /**
     * The sha256 of the file's core metadata.
     *
     * @param hex the lower-case hex digest
     * @return this builder
     */
    public Builder coreMetadataSha256(String hex) {
      this.coreMetadataSha256 = Optional.of(hex);
      return this;
    }

    /**
     * The file.
     *
     * @return the file
     */
    public ReleaseFile build() {
      return new ReleaseFile(
          filename,
          url,
          sha256,
          size,
          requiresPython,
          yanked,
          yankedReason,
          uploadTime,
          coreMetadata,
          coreMetadataSha256);
    }
  }
}
