package io.pyhermetic.builddeps;

import io.pyhermetic.platform.Target;
import java.util.List;

/**
 * Every outcome of one build-dependency resolution.
 *
 * @param targets the targets markers were evaluated for
 * @param binaryFor the {@code --binary-for} targets, empty in source-only mode
 * @param packages every package considered, sorted by name and version
 * @param entries the releases to write, sorted by name and version
 * @param skipped packages skipped for lack of an sdist ({@code --skip-missing-sdist})
 * @param errors every error; the result is usable only when there are none
 */
public record BuildDepsResult(
    List<Target> targets,
    List<Target> binaryFor,
    List<PackageOutcome> packages,
    List<OutputEntry> entries,
    List<Problem> skipped,
    List<Problem> errors) {
  /**
   * Copies the lists.
   *
   * @param targets see {@link #targets()}
   * @param binaryFor see {@link #binaryFor()}
   * @param packages see {@link #packages()}
   * @param entries see {@link #entries()}
   * @param skipped see {@link #skipped()}
   * @param errors see {@link #errors()}
   */
  public BuildDepsResult {
    targets = List.copyOf(targets);
    binaryFor = List.copyOf(binaryFor);
    packages = List.copyOf(packages);
    entries = List.copyOf(entries);
    skipped = List.copyOf(skipped);
    errors = List.copyOf(errors);
  }

  /**
   * Whether nothing failed (skipped packages are allowed).
   *
   * @return whether there are no errors
   */
  public boolean isOk() {
    return errors.isEmpty();
  }

  /**
   * The errors of one kind.
   *
   * @param kind the kind
   * @return those errors, in order
   */
  public List<Problem> errors(Problem.Kind kind) {
    return errors.stream().filter(p -> p.kind() == kind).toList();
  }
}
