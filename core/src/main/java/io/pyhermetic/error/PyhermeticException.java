package io.pyhermetic.error;

/** The unchecked base of every exception the core library throws on bad input. */
public class PyhermeticException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PyhermeticException(String message) {
    super(message);
  }

  public PyhermeticException(String message, Throwable cause) {
    super(message, cause);
  }
}
