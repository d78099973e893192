package io.pyhermetic.requirement;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** Thrown for a string that is not a valid PEP 508 environment marker. */
public class InvalidMarkerException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * A marker that does not parse.
   *
   * @param input the input
   * @param location the location
   * @param reason the reason
   */
  public InvalidMarkerException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
