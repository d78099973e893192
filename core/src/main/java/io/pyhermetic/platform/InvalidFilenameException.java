package io.pyhermetic.platform;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** A file name that is not a valid wheel or sdist name. */
public class InvalidFilenameException extends ParseException {
  private static final long serialVersionUID = 1L;

  public InvalidFilenameException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
