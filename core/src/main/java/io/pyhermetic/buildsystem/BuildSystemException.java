package io.pyhermetic.buildsystem;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/** A build declaration that cannot be read (invalid TOML, a bad requirement, …), located. */
public class BuildSystemException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * An error at {@code location} in {@code input}.
   *
   * @param input the text that was being read
   * @param location where in it the problem is
   * @param reason what is wrong, without the location
   */
  public BuildSystemException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
