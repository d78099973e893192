package io.pyhermetic.builddeps;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One package of a build environment.
 *
 * @param name the project
 * @param version the version chosen
 * @param requiredBy the canonical names of what needs it there: the package being built (for its
 *     declared build requirements) or the environment's packages whose runtime dependency it is
 */
public record ResolvedPin(ProjectName name, Version version, SortedSet<String> requiredBy) {
  /**
   * Copies {@code requiredBy}, sorted.
   *
   * @param name see {@link #name()}
   * @param version see {@link #version()}
   * @param requiredBy see {@link #requiredBy()}
   */
  public ResolvedPin {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    requiredBy = Collections.unmodifiableSortedSet(new TreeSet<>(requiredBy));
  }

  @Override
  public String toString() {
    return name.canonical() + "==" + version;
  }
}
