package io.pyhermetic.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one project differs across labeled files: its version(s) under each label (empty where it is
 * absent) and what differs.
 *
 * @param name the canonical project name
 * @param versions per label, the pinned version (several joined by {@code ", "} when a file pins
 *     the name more than once, the specifier when unpinned); empty when absent
 * @param status the most significant difference
 * @param differences every kind of difference found
 * @param locations where the project's entries are, in label order
 */
public record PackageDiff(
    String name,
    Map<String, Optional<String>> versions,
    DiffStatus status,
    Set<DiffStatus> differences,
    List<io.pyhermetic.error.Location> locations) {
  /**
   * Copies the collections, so the value stays immutable.
   *
   * @param versions per label, the pinned version (several joined by {@code ", "} when a file pins
   *     the name more than once, the specifier when unpinned); empty when absent
   * @param name the canonical project name
   * @param status the most significant difference
   * @param differences every kind of difference found
   * @param locations where the project's entries are, in label order
   */
  public PackageDiff {
    versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
    differences =
        java.util.Collections.unmodifiableSet(
            java.util.EnumSet.copyOf(
                differences.isEmpty() ? java.util.EnumSet.noneOf(DiffStatus.class) : differences));
    locations = List.copyOf(locations);
  }

  /**
   * Whether the project is the same under every label.
   *
   * @return {@code true} when the project is the same under every label
   */
  public boolean isSame() {
    return status == DiffStatus.SAME;
  }
}
