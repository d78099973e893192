package io.pyhermetic.cli;

import io.pyhermetic.internal.Redaction;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the requirements files a command is given. */
final class Inputs {
  private Inputs() {}

  /**
   * Parses {@code file}; an unreadable file or one pip would reject ends the command with exit code
   * 2 and a located message.
   */
  static RequirementsFile parse(RequirementsFileParser parser, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliException(
          "cannot read "
              + file
              + ": "
              + (Files.exists(file) ? "not a readable file" : "no such file"),
          ExitCodes.USAGE);
    }
    try {
      return parser.parse(file);
    } catch (RequirementsFileException e) {
      throw new CliException(Redaction.redact(e.getMessage()).replace('\n', ' '), ExitCodes.USAGE);
    }
  }
}
