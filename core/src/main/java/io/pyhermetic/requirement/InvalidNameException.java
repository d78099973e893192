package io.pyhermetic.requirement;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** Thrown for a string that is not a valid project name. */
public class InvalidNameException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * A project name that is not valid.
   *
   * @param input the input
   * @param location the location
   * @param reason the reason
   */
  public InvalidNameException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
