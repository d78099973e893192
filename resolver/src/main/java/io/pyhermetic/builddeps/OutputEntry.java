package io.pyhermetic.builddeps;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One line of {@code requirements-build.txt}: a release some build environment contains.
 *
 * @param name the project
 * @param version the release
 * @param hashes {@code sha256:<hex>} of every file of the release (wheels for every platform and
 *     the sdist), sorted
 * @param via the union of what needs it over all build environments, sorted
 */
public record OutputEntry(
    ProjectName name, Version version, SortedSet<String> hashes, SortedSet<String> via) {
  /**
   * Copies the sets, sorted.
   *
   * @param name see {@link #name()}
   * @param version see {@link #version()}
   * @param hashes see {@link #hashes()}
   * @param via see {@link #via()}
   */
  public OutputEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    hashes = Collections.unmodifiableSortedSet(new TreeSet<>(hashes));
    via = Collections.unmodifiableSortedSet(new TreeSet<>(via));
  }

  @Override
  public String toString() {
    return name.canonical() + "==" + version;
  }
}
