package io.pyhermetic.cli;

import io.pyhermetic.error.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/** Scratch directories of a command: made up front, removed whatever happens. */
final class TempDirs {
  private TempDirs() {}

  static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new CliException(
          "cannot create a temporary directory: " + Failures.describe(e), ExitCodes.USAGE);
    }
  }

  static void deleteTree(Path root) {
    if (root != null) {
      FileUtils.deleteQuietly(root.toFile()); // a leftover temporary directory is harmless
    }
  }
}
