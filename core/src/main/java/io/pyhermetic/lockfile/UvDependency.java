package io.pyhermetic.lockfile;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge of a {@code uv.lock} dependency graph: the package it points to (by name, and by version
 * and source where the lock holds several of that name), the marker under which it applies, and the
 * extras of the target it activates. Immutable.
 *
 * @param name the normalized name of the package it points to
 * @param version that package's version, where the lock holds several of the name
 * @param source that package's source, where the lock holds several of the name
 * @param marker when the edge applies
 * @param extras the extras of the target it activates
 */
public record UvDependency(
    String name,
    Optional<Version> version,
    Optional<UvSource> source,
    Optional<Marker> marker,
    List<String> extras) {

  /**
   * Checks that no component is null and copies the extras.
   *
   * @param name the normalized name of the package it points to
   * @param version that package's version, where the lock holds several of the name
   * @param source that package's source, where the lock holds several of the name
   * @param marker when the edge applies
   * @param extras the extras of the target it activates
   */
  public UvDependency {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(marker, "marker");
    extras = List.copyOf(extras);
  }
}
