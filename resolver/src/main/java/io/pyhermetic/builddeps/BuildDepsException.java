package io.pyhermetic.builddeps;

import io.pyhermetic.error.Problem;
import io.pyhermetic.error.PyhermeticException;
import java.util.List;
import java.util.stream.Collectors;

/** A build-dependency result that cannot be written because it has errors; carries all of them. */
public class BuildDepsException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * An exception listing {@code problems} in its message.
   *
   * @param problems every error of the result
   */
  public BuildDepsException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  private static String render(List<Problem> problems) {
    return problems.size()
        + " build-dependency error"
        + (problems.size() == 1 ? "" : "s")
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }

  /**
   * Every problem.
   *
   * @return the errors, in the result's order
   */
  public List<Problem> problems() {
    return problems;
  }
}
