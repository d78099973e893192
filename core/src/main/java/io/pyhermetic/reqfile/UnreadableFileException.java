package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;

/**
 * A requirements file, or a file it includes, that cannot be read: missing, not a regular file (a
 * device, a pipe, a directory), binary, past the size limit, or past the limits on includes. The
 * location is the include line, or the file's start for the file given. Commands end with the usage
 * exit code for it, as for any input they cannot read.
 */
public class UnreadableFileException extends RequirementsFileException {
  private static final long serialVersionUID = 1L;

  /**
   * A requirements file that cannot be read.
   *
   * @param input the input
   * @param location the location
   * @param reason the reason
   */
  public UnreadableFileException(String input, Location location, String reason) {
    super(input, location, reason);
  }
}
