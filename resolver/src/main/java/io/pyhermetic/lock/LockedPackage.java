package io.pyhermetic.lock;

import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Objects;

/**
 * One pinned release of a target's lock.
 *
 * @param name the project
 * @param version the chosen version
 * @param hashes every file hash of the release as {@code sha256:hex}, sorted
 * @param via what requires it: the inputs' {@code via} texts first, in input order, then the
 *     canonical names of the packages that depend on it, sorted (the order uv writes)
 * @param metadataSource where its dependencies were read
 * @param files the release's files that have a sha256, as the index lists them (for a {@code
 *     pylock.toml}: URL, size, upload time)
 */
public record LockedPackage(
    ProjectName name,
    Version version,
    List<String> hashes,
    List<String> via,
    ReleaseMetadata.Source metadataSource,
    List<ReleaseFile> files) {
  /**
   * Checks that no component is null and copies the collections.
   *
   * @param name the project
   * @param version the chosen version
   * @param hashes every file hash of the release as {@code sha256:hex}, sorted
   * @param via what requires it: the inputs' {@code via} texts first, in input order, then the
   *     canonical names of the packages that depend on it, sorted (the order uv writes)
   * @param metadataSource where its dependencies were read
   * @param files the release's files that have a sha256, as the index lists them (for a {@code
   *     pylock.toml}: URL, size, upload time)
   */
  public LockedPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    hashes = List.copyOf(hashes);
    via = List.copyOf(via);
    Objects.requireNonNull(metadataSource, "metadataSource");
    files = List.copyOf(files);
  }

  /**
   * A pin whose files are not known (only their hashes).
   *
   * @param name the project
   * @param version the chosen version
   * @param hashes every file hash of the release as {@code sha256:hex}, sorted
   * @param via what requires it: the inputs' {@code via} texts first, in input order, then the
   *     canonical names of the packages that depend on it, sorted (the order uv writes)
   * @param metadataSource where its dependencies were read
   */
  public LockedPackage(
      ProjectName name,
      Version version,
      List<String> hashes,
      List<String> via,
      ReleaseMetadata.Source metadataSource) {
    this(name, version, hashes, via, metadataSource, List.of());
  }

  /**
   * {@code name==version}.
   *
   * @return the pin
   */
  public String pin() {
    return name.canonical() + "==" + version;
  }
}
