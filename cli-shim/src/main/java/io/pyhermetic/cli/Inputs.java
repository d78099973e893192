package io.pyhermetic.cli;

import io.pyhermetic.internal.Failures;
import io.pyhermetic.internal.Redaction;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reading the files and directories a command is given. Every command reports an input it cannot
 * read in the same words and with exit code 2.
 */
final class Inputs {
  // as git and grep judge: a NUL byte among the first 8 KiB means binary data
  private static final int SNIFFED = 8192;

  private static final byte[][] WIDE_BOMS = {
    {0, 0, (byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}
  };

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
    unreadableText(file)
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

  /** Why {@code file} cannot be read as a text file, or empty when it can. */
  static Optional<String> unreadableText(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    }
    if (Files.isDirectory(file)) {
      return Optional.of("a directory, not a file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.of("not a readable file");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFFED);
    } catch (IOException e) {
      return Optional.of(Failures.describe(e));
    }
    if (isBinary(head)) {
      return Optional.of("not a text file (it holds binary data)");
    }
    return Optional.empty();
  }

  /** Whether these first bytes of a file are binary data: a NUL without a UTF-16/32 BOM. */
  static boolean isBinary(byte[] head) {
    for (byte[] bom : WIDE_BOMS) {
      if (head.length >= bom.length
          && java.util.Arrays.equals(head, 0, bom.length, bom, 0, bom.length)) {
        return false;
      }
    }
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
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
