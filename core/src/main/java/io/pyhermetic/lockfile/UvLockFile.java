package io.pyhermetic.lockfile;

import io.pyhermetic.lockfile.internal.UvLockReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code uv.lock} as read: content, source name and the line of each package table.
 *
 * @param source the name the file is known by in messages
 * @param lock the content
 * @param packageLines the 1-based line of each package table
 */
public record UvLockFile(String source, UvLock lock, List<Integer> packageLines) {

  /**
   * Checks that no component is null, copies the lines and checks there is one line per package.
   *
   * @param source the name the file is known by in messages
   * @param lock the content
   * @param packageLines the 1-based line of each package table
   */
  public UvLockFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(lock, "lock");
    packageLines = List.copyOf(packageLines);
    if (packageLines.size() != lock.packages().size()) {
      throw new IllegalArgumentException("one line per package");
    }
  }

  /**
   * Reads and checks a file: version 1, known sources, dependencies that name locked packages.
   *
   * @param file the file
   * @return the file's content, source name and package lines
   * @throws LockFileException with every problem, located at its package table
   */
  public static UvLockFile read(Path file) {
    return parse(PylockFile.readText(file), file.toString());
  }

  /**
   * Reads text given directly, named {@code source} in locations.
   *
   * @param text the file's text
   * @param source the name used in locations
   * @return the file's content, source name and package lines
   */
  public static UvLockFile parse(String text, String source) {
    return UvLockReader.read(text, source);
  }

  /**
   * The 1-based line of package {@code index}'s table.
   *
   * @param index the package's index in the lock
   * @return the line
   */
  public int line(int index) {
    return packageLines.get(index);
  }

  /**
   * What one target installs: the packages reached from the workspace members (with the requested
   * extras of the members and dependency groups; no groups given means uv's default, {@code dev})
   * along dependency edges whose markers hold for the target; each installs its best wheel, else
   * its sdist. Virtual projects install nothing themselves.
   *
   * @param request the target, extras and groups
   * @return the selection
   */
  public LockSelection select(SelectionRequest request) {
    return UvSelector.select(this, request);
  }
}
