package io.pyhermetic.lockfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.error.PyhermeticException;
import java.util.List;

/**
 * A lock file that cannot be read or is not valid. Holds every problem found, each located at the
 * line of its package table and named by its key path ({@code packages[12].wheels[3].hashes});
 * {@link #getMessage()} renders the first, and how many more there are.
 */
public final class LockFileException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /** The rule name of lock-file problems in diagnostics. */
  public static final String RULE = "lock-file";

  private final transient List<Diagnostic> problems;

  /**
   * One problem at a location.
   *
   * @param location where the problem is
   * @param message what is wrong
   */
  public LockFileException(Location location, String message) {
    this(List.of(Diagnostic.error(RULE, location, message)));
  }

  /**
   * Several problems, each located.
   *
   * @param problems the problems, in file order
   */
  public LockFileException(List<Diagnostic> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  private static String render(List<Diagnostic> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    Diagnostic first = problems.get(0);
    String text = first.location() + ": " + first.message();
    return problems.size() == 1 ? text : text + " (and " + (problems.size() - 1) + " more)";
  }

  /**
   * Every problem, in file order.
   *
   * @return the problems
   */
  public List<Diagnostic> problems() {
    return problems;
  }
}
