package io.pyhermetic.version;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** A string that is not a valid PEP 440 version. */
public class InvalidVersionException extends ParseException {
  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
