package io.pyhermetic.lockfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Location;
import io.pyhermetic.lockfile.internal.PylockReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code pylock.toml} as read: its validated content, the name it is known by in messages, the
 * line of each package's table, and warnings (a newer minor lock-version). Immutable.
 *
 * @param source the name the file is known by in messages
 * @param lock the validated content
 * @param packageLines the 1-based line of each package's table
 * @param warnings the warnings found while reading
 */
public record PylockFile(
    String source, Pylock lock, List<Integer> packageLines, List<Diagnostic> warnings) {

  /**
   * Checks that no component is null, copies the lists and checks there is one line per package.
   *
   * @param source the name the file is known by in messages
   * @param lock the validated content
   * @param packageLines the 1-based line of each package's table
   * @param warnings the warnings found while reading
   */
  public PylockFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(lock, "lock");
    packageLines = List.copyOf(packageLines);
    warnings = List.copyOf(warnings);
    if (packageLines.size() != lock.packages().size()) {
      throw new IllegalArgumentException("one line per package");
    }
  }

  /**
   * Reads and validates a file as packaging's {@code Pylock.from_dict} does, with every problem
   * located.
   *
   * @param file the file
   * @return the file's content, source name and package lines
   * @throws LockFileException for unreadable, invalid TOML or an invalid lock
   */
  public static PylockFile read(Path file) {
    return parse(readText(file), file.toString());
  }

  /**
   * Parses text given directly, named {@code source} in locations.
   *
   * @param text the file's text
   * @param source the name used in locations
   * @return the file's content, source name and package lines
   */
  public static PylockFile parse(String text, String source) {
    return PylockReader.read(text, source);
  }

  /**
   * The 1-based line of package {@code index}'s table (1 when written inline).
   *
   * @param index the package's index in the lock
   * @return the line
   */
  public int line(int index) {
    return packageLines.get(index);
  }

  /**
   * What to install on one target, as packaging's {@code Pylock.select} decides.
   *
   * @param request the target, extras and groups
   * @return the selection
   */
  public LockSelection select(SelectionRequest request) {
    return PylockSelector.select(this, request);
  }

  static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LockFileException(
          new Location(file.toString(), 1, 1), "cannot read: " + Failures.describe(e));
    }
  }
}
