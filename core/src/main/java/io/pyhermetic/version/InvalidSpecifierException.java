package io.pyhermetic.version;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** A string that is not a valid PEP 440 version specifier or specifier set. */
public class InvalidSpecifierException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * An error at {@code location} in the specifier {@code input}.
   *
   * @param input the specifier
   * @param location where in it the problem is
   * @param reason what is wrong, without the location
   */
  public InvalidSpecifierException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
