package io.pyhermetic.plan;

import io.pyhermetic.error.PyhermeticException;

/**
 * A request that cannot be planned at all: an unreadable or invalid requirements file, unknown
 * targets, an output directory that must not be replaced. The message says which input and why.
 */
public class PlanException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  public PlanException(String message) {
    super(message);
  }

  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
