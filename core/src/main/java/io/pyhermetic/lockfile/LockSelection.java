package io.pyhermetic.lockfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEvaluationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one target installs from a lock: each applying package with the one source it installs from
 * and the line of its table, and every problem that stops the selection (an unmet Python
 * requirement, two entries of one name, a package with neither a fitting wheel nor an sdist).
 * Immutable.
 *
 * @param source the lock's name in messages
 * @param target the target selected for
 * @param packages the packages to install, in lock order
 * @param problems what stops the selection
 */
public record LockSelection(
    String source, Target target, List<Selected> packages, List<Diagnostic> problems) {

  /**
   * One package to install: the entry, its index and line in the lock, and what it installs.
   *
   * @param pkg the lock's entry
   * @param index the entry's index in the lock's packages
   * @param line the 1-based line of its table
   * @param install the one source it installs from
   */
  public record Selected(LockedPackage pkg, int index, int line, PackageSource install) {
    /**
     * Checks that no component is null.
     *
     * @param pkg the lock's entry
     * @param index the entry's index in the lock's packages
     * @param line the 1-based line of its table
     * @param install the one source it installs from
     */
    public Selected {
      Objects.requireNonNull(pkg, "pkg");
      Objects.requireNonNull(install, "install");
    }
  }

  /**
   * Checks that no component is null and copies the lists.
   *
   * @param source the lock's name in messages
   * @param target the target selected for
   * @param packages the packages to install, in lock order
   * @param problems what stops the selection
   */
  public LockSelection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    packages = List.copyOf(packages);
    problems = List.copyOf(problems);
  }

  /**
   * Whether the selection has no problems.
   *
   * @return {@code true} when there are no problems
   */
  public boolean isOk() {
    return problems.isEmpty();
  }

  /**
   * The selection for a target whose Python a lock's {@code requires-python} excludes: no packages,
   * and the reason at the lock's first line. Empty when the lock allows the target.
   */
  static java.util.Optional<LockSelection> pythonExcluded(
      String source,
      Target target,
      java.util.Optional<io.pyhermetic.version.SpecifierSet> requiresPython) {
    String fullVersion = target.markerEnvironment().get("python_full_version");
    if (requiresPython.isEmpty() || requiresPython.get().contains(fullVersion, null)) {
      return java.util.Optional.empty();
    }
    Diagnostic problem =
        Diagnostic.error(
            LockFileException.RULE,
            new io.pyhermetic.error.Location(source, 1, 1),
            "Python "
                + fullVersion
                + " of "
                + target
                + " does not satisfy the lock's requires-python "
                + requiresPython.get());
    return java.util.Optional.of(new LockSelection(source, target, List.of(), List.of(problem)));
  }

  /** An error about a lock file at {@code at}, under the lock files' rule. */
  static Diagnostic problem(Location at, String message) {
    return Diagnostic.error(LockFileException.RULE, at, message);
  }

  /**
   * Whether a package or dependency whose marker is {@code marker} applies: always without a
   * marker, else as {@code evaluate} says. A marker that cannot be evaluated does not apply, and
   * adds a problem at {@code at}: {@code what} and the reason.
   */
  static boolean applies(
      Optional<Marker> marker,
      Predicate<Marker> evaluate,
      Location at,
      String what,
      List<Diagnostic> problems) {
    try {
      return marker.isEmpty() || evaluate.test(marker.get());
    } catch (MarkerEvaluationException e) {
      problems.add(problem(at, what + e.getMessage()));
      return false;
    }
  }
}
