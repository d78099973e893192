package io.pyhermetic.lockfile;

import io.pyhermetic.platform.Target;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to select from a lock: the build target (its marker environment and wheel tags), the extras,
 * and the dependency groups (empty: the lock's default groups). Immutable.
 *
 * @param target the build target
 * @param extras the extras to install
 * @param dependencyGroups the groups to install; empty for the lock's defaults
 */
public record SelectionRequest(
    Target target, Set<String> extras, Optional<Set<String>> dependencyGroups) {

  /**
   * Checks that no component is null and copies the sets.
   *
   * @param target the build target
   * @param extras the extras to install
   * @param dependencyGroups the groups to install; empty for the lock's defaults
   */
  public SelectionRequest {
    Objects.requireNonNull(target, "target");
    extras = java.util.Collections.unmodifiableSet(new TreeSet<>(extras));
    dependencyGroups =
        dependencyGroups.map(g -> java.util.Collections.unmodifiableSet(new TreeSet<>(g)));
  }

  /**
   * The target with no extras and the lock's default groups.
   *
   * @param target the build target
   * @return the request
   */
  public static SelectionRequest of(Target target) {
    return new SelectionRequest(target, Set.of(), Optional.empty());
  }

  /**
   * The same request with these extras instead.
   *
   * @param newExtras the extras to install
   * @return the request
   */
  public SelectionRequest withExtras(Set<String> newExtras) {
    return new SelectionRequest(target, newExtras, dependencyGroups);
  }

  /**
   * The same request installing exactly these groups instead of the defaults.
   *
   * @param groups the dependency groups to install
   * @return the request
   */
  public SelectionRequest withGroups(Set<String> groups) {
    return new SelectionRequest(target, extras, Optional.of(groups));
  }
}
