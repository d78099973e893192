package io.pyhermetic.error;

import java.util.Objects;

/**
 * Text that could not be parsed. Carries the offending input, where in it the problem is, and the
 * bare reason; {@link #getMessage()} renders {@code source:line:column: reason}.
 */
public class ParseException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /** The text that was being parsed. */
  private final String input;

  /** Where in the input the problem is. */
  private final Location location;

  /** The message without the location prefix. */
  private final String reason;

  /**
   * An error at {@code location} in {@code input}.
   *
   * @param input the text that was being parsed
   * @param location where in it the problem is
   * @param reason what is wrong, without the location
   */
  public ParseException(String input, Location location, String reason) {
    super(location + ": " + reason);
    this.input = Objects.requireNonNull(input, "input");
    this.location = Objects.requireNonNull(location, "location");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The text that was being parsed.
   *
   * @return the input
   */
  public String input() {
    return input;
  }

  /**
   * Where the problem is.
   *
   * @return the location
   */
  public Location location() {
    return location;
  }

  /**
   * The message without the location prefix.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * 1-based column of the problem within {@link #input()} (for single-line input).
   *
   * @return the column
   */
  public int column() {
    return location.column();
  }
}
