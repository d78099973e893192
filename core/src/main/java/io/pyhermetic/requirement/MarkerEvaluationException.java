package io.pyhermetic.requirement;

import io.pyhermetic.error.PyhermeticException;

/**
 * A marker that parsed but cannot be evaluated: a comparison packaging leaves undefined (such as
 * {@code os_name ~= 'posix'}) or a name missing from the environment.
 */
public class MarkerEvaluationException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /**
   * A marker that cannot be evaluated.
   *
   * @param message the message
   */
  public MarkerEvaluationException(String message) {
    super(message);
  }
}
