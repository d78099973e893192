package io.pyhermetic.builddeps;

import io.pyhermetic.error.Problem;
import io.pyhermetic.error.Severity;
import io.pyhermetic.platform.Target;
import java.util.List;

/**
 * Every outcome of one build-dependency resolution.
 *
 * @param targets the targets markers were evaluated for
 * @param binaryFor the {@code --binary-for} targets, empty in source-only mode
 * @param packages every package considered, sorted by name and version
 * @param entries the releases to write, sorted by name and version
 * @param problems every problem: the warnings are the packages skipped for lack of an sdist ({@code
 *     --skip-missing-sdist}), see {@link #skipped()}; the errors are {@link #errors()}
 */
public record BuildDepsResult(
    List<Target> targets,
    List<Target> binaryFor,
    List<PackageOutcome> packages,
    List<OutputEntry> entries,
    List<Problem> problems) {
  /**
   * Copies the lists.
   *
   * @param targets see {@link #targets()}
   * @param binaryFor see {@link #binaryFor()}
   * @param packages see {@link #packages()}
   * @param entries see {@link #entries()}
   * @param problems see {@link #problems()}
   */
  public BuildDepsResult {
    targets = List.copyOf(targets);
    binaryFor = List.copyOf(binaryFor);
    packages = List.copyOf(packages);
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /**
   * The packages skipped for lack of an sdist ({@code --skip-missing-sdist}).
   *
   * @return the warnings among the problems, in order
   */
  public List<Problem> skipped() {
    return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }

  /**
   * Every error; the result is usable only when there are none.
   *
   * @return the errors among the problems, in order
   */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  /**
   * Whether nothing failed (skipped packages are allowed).
   *
   * @return whether there are no errors
   */
  public boolean isOk() {
    return errors().isEmpty();
  }

  /**
   * The errors of one kind.
   *
   * @param code the kind
   * @return those errors, in order
   */
  public List<Problem> errors(BuildDepsCode code) {
    return errors().stream().filter(p -> p.code() == code).toList();
  }
}
