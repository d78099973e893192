package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.error.ParseException;

/**
 * A requirements file that pip would reject, or that cannot be read: the message says what, in
 * pip's words where pip has them, and the location says where.
 */
public class RequirementsFileException extends ParseException {
  private static final long serialVersionUID = 1L;

  /**
   * A requirements file pip would reject.
   *
   * @param input the input
   * @param location the location
   * @param reason the reason
   */
  public RequirementsFileException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
