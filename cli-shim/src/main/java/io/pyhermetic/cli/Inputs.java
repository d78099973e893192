package io.pyhermetic.cli;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Failures;
import io.pyhermetic.lockfile.LockFileException;
import io.pyhermetic.lockfile.LockFiles;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.LockSelection;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.reqfile.TextFiles;
import io.pyhermetic.text.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * {@link #parse(RequirementsFileParser, Path)}, except that a lock file ({@code pylock.toml},
   * {@code uv.lock}) becomes the packages it installs on any of {@code targets}, located in the
   * lock; a lock without targets, or one that cannot be selected for them, ends the command with
   * exit code 2.
   */
  static RequirementsFile parse(
      RequirementsFileParser parser, Path file, java.util.Collection<Target> targets) {
    if (!LockFiles.isLockFile(file)) {
      return parse(parser, file);
    }
    List<LockSelection> selections = new ArrayList<>();
    for (Target target : targets) {
      selections.add(select(file, SelectionRequest.of(target)));
    }
    if (selections.isEmpty()) {
      throw new CliException(
          file + " is a lock file: give the targets (--target ARCH)", ExitCodes.USAGE);
    }
    return LockRequirements.ofAll(selections);
  }

  /** What a lock file installs on one target; any problem ends the command with exit code 2. */
  static LockSelection select(Path file, SelectionRequest request) {
    requireText(file);
    LockSelection selection;
    try {
      selection = LockFiles.select(file, request);
    } catch (LockFileException e) {
      throw new CliException(problems(e.problems()), ExitCodes.USAGE);
    }
    if (!selection.isOk()) {
      throw new CliException(problems(selection.problems()), ExitCodes.USAGE);
    }
    return selection;
  }

  private static String problems(List<Diagnostic> problems) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : problems) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(Redaction.redact(d.location() + ": " + d.message()));
    }
    return out.toString();
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
