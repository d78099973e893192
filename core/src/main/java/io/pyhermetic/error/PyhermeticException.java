package io.pyhermetic.error;

/** The unchecked base of every exception the core library throws on bad input. */
public class PyhermeticException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with a message for the user.
   *
   * @param message the message
   */
  public PyhermeticException(String message) {
    super(message);
  }

  /**
   * An error with a message for the user, caused by another failure.
   *
   * @param message the message
   * @param cause the failure that caused it
   */
  public PyhermeticException(String message, Throwable cause) {
    super(message, cause);
  }
}
