package io.pyhermetic.lockfile;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A package installed from an archive file ({@code packages.archive}). Immutable.
 *
 * @param url the archive's URL
 * @param path the archive's path
 * @param size the size in bytes
 * @param uploadTime when the archive was uploaded (UTC)
 * @param hashes the hashes, by algorithm
 * @param subdirectory the project's directory inside the archive
 */
public record PackageArchive(
    Optional<String> url,
    Optional<String> path,
    OptionalLong size,
    Optional<OffsetDateTime> uploadTime,
    Map<String, String> hashes,
    Optional<String> subdirectory)
    implements PackageSource {

  /**
   * Checks that no component is null, puts the upload time in UTC and copies the hashes.
   *
   * @param url the archive's URL
   * @param path the archive's path
   * @param size the size in bytes
   * @param uploadTime when the archive was uploaded (UTC)
   * @param hashes the hashes, by algorithm
   * @param subdirectory the project's directory inside the archive
   */
  public PackageArchive {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(size, "size");
    // upload times are UTC: equal instants make equal files
    uploadTime = uploadTime.map(t -> t.withOffsetSameInstant(java.time.ZoneOffset.UTC));
    Objects.requireNonNull(subdirectory, "subdirectory");
    hashes = Collections.unmodifiableMap(new TreeMap<>(hashes));
  }
}
