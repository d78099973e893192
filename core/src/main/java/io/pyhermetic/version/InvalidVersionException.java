package io.pyhermetic.version;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** A string that is not a valid PEP 440 version. */
public class InvalidVersionException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * An error at {@code location} in the version {@code input}.
   *
   * @param input the version
   * @param location where in it the problem is
   * @param reason what is wrong, without the location
   */
  public InvalidVersionException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
