package io.pyhermetic.prefetch;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one requirement line of a requirements file.
 *
 * @param name the project name as written
 * @param version the pinned version as written, or empty for URL and VCS requirements
 * @param location the file and line of the requirement
 * @param build whether it comes from a {@code requirements_build_files} file
 * @param files the file names selected for it (under {@code deps/pip}), in selection order
 * @param warnings what Hermeto would log about it (files filtered out by the pinned hashes, a
 *     yanked sdist)
 * @param problem why it could not be fetched, when it could not
 */
public record RequirementOutcome(
    String name,
    Optional<String> version,
    Location location,
    boolean build,
    List<String> files,
    List<String> warnings,
    Optional<Problem> problem) {

  /**
   * Checks the parts and copies the lists.
   *
   * @param name see {@link #name()}
   * @param version see {@link #version()}
   * @param location see {@link #location()}
   * @param build see {@link #build()}
   * @param files see {@link #files()}
   * @param warnings see {@link #warnings()}
   * @param problem see {@link #problem()}
   */
  public RequirementOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(location, "location");
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * Whether the requirement was fetched.
   *
   * @return whether it has no problem
   */
  public boolean isOk() {
    return problem.isEmpty();
  }

  /**
   * {@code name==version}, or the name alone.
   *
   * @return the pin, as the SBOM and reports name it
   */
  public String pin() {
    return version.map(v -> name + "==" + v).orElse(name);
  }
}
