package io.pyhermetic.lock;

import io.pyhermetic.error.Problem;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.platform.Target;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock of one target.
 *
 * @param target the target
 * @param packages every pinned release, by canonical name (empty when there is a conflict)
 * @param problems what makes the lock incomplete (dependencies unknown, files without hash)
 * @param conflict why there is no solution, when there is none
 * @param rounds how many candidate versions the search tried
 */
public record TargetLock(
    Target target,
    List<LockedPackage> packages,
    List<Problem> problems,
    Optional<Conflict> conflict,
    int rounds) {
  /**
   * Checks that no component is null and copies the lists.
   *
   * @param target the target
   * @param packages every pinned release, by canonical name (empty when there is a conflict)
   * @param problems what makes the lock incomplete (dependencies unknown, files without hash)
   * @param conflict why there is no solution, when there is none
   * @param rounds how many candidate versions the search tried
   */
  public TargetLock {
    Objects.requireNonNull(target, "target");
    packages = List.copyOf(packages);
    problems = List.copyOf(problems);
    Objects.requireNonNull(conflict, "conflict");
  }

  /**
   * The architecture, as files are named ({@code x86_64}).
   *
   * @return the machine name
   */
  public String arch() {
    return target.arch();
  }

  /**
   * Whether the lock is complete: a solution, with every dependency known and every hash.
   *
   * @return {@code true} when complete
   */
  public boolean isOk() {
    return conflict.isEmpty() && problems.isEmpty();
  }

  /**
   * The packages whose dependencies were read from the PyPI JSON API, which takes them from one
   * uploaded file: said so in the report.
   *
   * @return the packages
   */
  public List<LockedPackage> fromJsonApi() {
    return packages.stream()
        .filter(p -> p.metadataSource() == ReleaseMetadata.Source.JSON_API)
        .toList();
  }
}
