package io.pyhermetic.cli;

import io.pyhermetic.internal.Failures;
import io.pyhermetic.internal.Redaction;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.reqfile.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading the files and directories a command is given. Every command reports an input it cannot
 * read in the same words and with exit code 2.
 */
final class Inputs {
  private Inputs() {}

  /**
   * Parses {@code file}; an unreadable file or one pip would reject ends the command with exit code
   * 2 and a located message.
   */
  static RequirementsFile parse(RequirementsFileParser parser, Path file) {
    requireText(file);
    try {
      return parser.parse(file);
    } catch (RequirementsFileException e) {
      throw new CliException(Redaction.redact(e.getMessage()).replace('\n', ' '), ExitCodes.USAGE);
    }
  }

  /** Ends the command with exit code 2 unless {@code file} is a readable text file. */
  static void requireText(Path file) {
    TextFiles.unreadable(file)
        .ifPresent(
            why -> {
              throw new CliException("cannot read " + file + ": " + why, ExitCodes.USAGE);
            });
  }

  /** {@link #requireText}, then the file's text. */
  static String readText(Path file) {
    requireText(file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + Failures.describe(e), ExitCodes.USAGE);
    }
  }

  /**
   * Ends the command with exit code 2 unless {@code dir}, given as {@code option}, is a directory.
   */
  static void requireDirectory(String option, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CliException(
          option + " " + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"),
          ExitCodes.USAGE);
    }
  }
}
