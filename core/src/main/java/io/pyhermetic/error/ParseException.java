package io.pyhermetic.error;

import java.util.Objects;

/**
 * Text that could not be parsed. Carries the offending input, where in it the problem is, and the
 * bare reason; {@link #getMessage()} renders {@code source:line:column: reason}.
 */
public class ParseException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final Location location;
  private final String reason;

  public ParseException(String input, Location location, String reason) {
    super(location + ": " + reason);
    this.input = Objects.requireNonNull(input, "input");
    this.location = Objects.requireNonNull(location, "location");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The text that was being parsed. */
  public String input() {
    return input;
  }

  public Location location() {
    return location;
  }

  /** The message without the location prefix. */
  public String reason() {
    return reason;
  }

  /** 1-based column of the problem within {@link #input()} (for single-line input). */
  public int column() {
    return location.column();
  }
}
