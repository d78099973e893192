package io.pyhermetic.platform;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** A file name that is not a valid wheel or sdist name. */
public class InvalidFilenameException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * An error at {@code location} in the file name {@code input}.
   *
   * @param input the file name
   * @param location where in it the problem is
   * @param reason what is wrong, without the location
   */
  public InvalidFilenameException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
