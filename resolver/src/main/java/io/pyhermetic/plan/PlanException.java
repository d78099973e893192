package io.pyhermetic.plan;

import io.pyhermetic.error.PyhermeticException;

/**
 * A request that cannot be planned at all: an unreadable or invalid requirements file, unknown
 * targets, an output directory that must not be replaced. The message says which input and why.
 */
public class PlanException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /**
   * A plan that cannot be made, for the reason {@code message}.
   *
   * @param message the reason, for the user
   */
  public PlanException(String message) {
    super(message);
  }

  /**
   * A plan that cannot be made, for the reason {@code message}, caused by another failure.
   *
   * @param message the reason, for the user
   * @param cause the failure that caused it
   */
  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
