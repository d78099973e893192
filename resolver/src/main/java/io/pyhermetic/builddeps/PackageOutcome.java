package io.pyhermetic.builddeps;

import io.pyhermetic.error.Problem;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What happened to one package that was considered for a build environment.
 *
 * @param name the project
 * @param version the release
 * @param status the outcome
 * @param sdist the sdist file that was read
 * @param backend the declared {@code build-backend}
 * @param buildRequirements the build requirements read from the sdist, with their sources
 * @param environment the resolved build environment (the union over the targets), sorted
 * @param neededBy why the package was considered: {@code <input>} for an input requirement, else
 *     the canonical names of the packages in whose build environment it appeared
 * @param problem what went wrong, for {@link Status#FAILED} and {@link Status#SKIPPED}
 */
public record PackageOutcome(
    ProjectName name,
    Version version,
    Status status,
    Optional<String> sdist,
    Optional<String> backend,
    List<DeclaredRequirement> buildRequirements,
    List<ResolvedPin> environment,
    SortedSet<String> neededBy,
    Optional<Problem> problem) {

  /** Marks an input requirement in {@link #neededBy()}. */
  public static final String INPUT = "<input>";

  /** The outcomes. */
  public enum Status {
    /** Its build environment was resolved. */
    RESOLVED,
    /** It installs from wheels on every {@code --binary-for} target: no build environment. */
    NOT_NEEDED,
    /** It has no sdist and missing sdists are skipped. */
    SKIPPED,
    /** Something went wrong; see {@link #problem()}. */
    FAILED;

    /**
     * The snake_case label used in reports.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks the parts and copies the collections.
   *
   * @param name see {@link #name()}
   * @param version see {@link #version()}
   * @param status see {@link #status()}
   * @param sdist see {@link #sdist()}
   * @param backend see {@link #backend()}
   * @param buildRequirements see {@link #buildRequirements()}
   * @param environment see {@link #environment()}
   * @param neededBy see {@link #neededBy()}
   * @param problem see {@link #problem()}
   */
  public PackageOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sdist, "sdist");
    Objects.requireNonNull(backend, "backend");
    buildRequirements = List.copyOf(buildRequirements);
    environment = List.copyOf(environment);
    neededBy = Collections.unmodifiableSortedSet(new TreeSet<>(neededBy));
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * {@code name==version}.
   *
   * @return the canonical name and the version
   */
  public String pin() {
    return name.canonical() + "==" + version;
  }
}
