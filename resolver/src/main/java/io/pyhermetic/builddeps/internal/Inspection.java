package io.pyhermetic.builddeps.internal;

import io.pyhermetic.builddeps.PackageOutcome;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.Release;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one package contributed to a build-dependency run: its outcome and, when resolved, its build
 * environment.
 *
 * @param outcome the package's outcome
 * @param environment each release of its build environment with the names of the packages that
 *     required it there; empty unless resolved
 */
public record Inspection(PackageOutcome outcome, Map<Release, SortedSet<String>> environment) {

  /** Releases by canonical name, then version: the order of every report. */
  public static final Comparator<Release> RELEASE_ORDER =
      Comparator.comparing((Release r) -> r.name().canonical()).thenComparing(Release::version);

  /**
   * A package that was inspected but not resolved.
   *
   * @param release the package
   * @param status {@link PackageOutcome.Status#FAILED} or {@link PackageOutcome.Status#SKIPPED}
   * @param problem why
   * @return the inspection, without environment
   */
  public static Inspection unresolved(
      Release release, PackageOutcome.Status status, Problem problem) {
    return of(release, status, Optional.of(problem));
  }

  /**
   * A package that failed.
   *
   * @param release the package
   * @param problem why it failed
   * @return the inspection, without environment
   */
  public static Inspection failed(Release release, Problem problem) {
    return unresolved(release, PackageOutcome.Status.FAILED, problem);
  }

  /**
   * A package that installs from wheels on every {@code --binary-for} target.
   *
   * @param release the package
   * @return the inspection, without environment
   */
  public static Inspection notNeeded(Release release) {
    return of(release, PackageOutcome.Status.NOT_NEEDED, Optional.empty());
  }

  private static Inspection of(
      Release release, PackageOutcome.Status status, Optional<Problem> problem) {
    return new Inspection(
        new PackageOutcome(
            release.name(),
            release.version(),
            status,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            new TreeSet<>(),
            problem),
        Map.of());
  }
}
