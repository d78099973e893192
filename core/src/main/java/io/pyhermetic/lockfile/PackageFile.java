package io.pyhermetic.lockfile;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A source distribution or wheel of a locked package ({@code packages.sdist}, {@code
 * packages.wheels}): its file name, where it is (URL and/or path), size, upload time (UTC) and
 * hashes by algorithm. Immutable.
 *
 * @param name the file name
 * @param url the file's URL
 * @param path the file's path
 * @param size the size in bytes
 * @param uploadTime when the file was uploaded (UTC)
 * @param hashes the hashes, by algorithm
 */
public record PackageFile(
    Optional<String> name,
    Optional<String> url,
    Optional<String> path,
    OptionalLong size,
    Optional<OffsetDateTime> uploadTime,
    Map<String, String> hashes)
    implements PackageSource {

  /**
   * Checks that no component is null, puts the upload time in UTC and copies the hashes.
   *
   * @param name the file name
   * @param url the file's URL
   * @param path the file's path
   * @param size the size in bytes
   * @param uploadTime when the file was uploaded (UTC)
   * @param hashes the hashes, by algorithm
   */
  public PackageFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(size, "size");
    // upload times are UTC: equal instants make equal files
    uploadTime = uploadTime.map(t -> t.withOffsetSameInstant(java.time.ZoneOffset.UTC));
    hashes = Collections.unmodifiableMap(new TreeMap<>(hashes));
  }

  /**
   * A file at {@code url} with these hashes ({@code sha256 → hex}); size and time unknown.
   *
   * @param url the file's URL
   * @param hashes the hashes, by algorithm
   * @return the file
   */
  public static PackageFile of(String url, Map<String, String> hashes) {
    return new PackageFile(
        Optional.empty(),
        Optional.of(url),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        hashes);
  }

  /**
   * A file at {@code url} with its size, upload time and hashes, as an index reports them.
   *
   * @param url the file's URL
   * @param size the size in bytes
   * @param uploadTime when the file was uploaded, if known
   * @param hashes the hashes, by algorithm
   * @return the file
   */
  public static PackageFile of(
      String url, long size, Optional<OffsetDateTime> uploadTime, Map<String, String> hashes) {
    return new PackageFile(
        Optional.empty(),
        Optional.of(url),
        Optional.empty(),
        OptionalLong.of(size),
        uploadTime,
        hashes);
  }

  /**
   * The file name: {@code name}, else the last segment of {@code path}, else of the URL's path
   * (empty when none gives one).
   *
   * @return the file name, or empty
   */
  public String filename() {
    if (name.isPresent() && !name.get().isEmpty()) {
      return name.get();
    }
    if (path.isPresent() && !path.get().isEmpty()) {
      String p = path.get();
      int slash = p.contains("/") ? p.lastIndexOf('/') : p.lastIndexOf('\\');
      return p.substring(slash + 1);
    }
    return url.map(LockUrls::lastSegment).orElse("");
  }
}
