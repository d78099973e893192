package io.pyhermetic.lockfile;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lock files told apart by name, and read and selected in one call. */
public final class LockFiles {
  // the spec's names: pylock.toml and pylock.<name>.toml
  private static final Pattern PYLOCK = Pattern.compile("^pylock\\.([^.]+\\.)?toml$");

  /** The lock formats read here. */
  public enum Format {
    /** A PEP 751 {@code pylock.toml}. */
    PYLOCK,
    /** uv's {@code uv.lock}. */
    UV_LOCK
  }

  private LockFiles() {}

  /**
   * The format a file's name says it has: {@code pylock.toml} or {@code pylock.<name>.toml}, and
   * {@code uv.lock}; empty for anything else (a requirements file).
   *
   * @param file the file
   * @return the format, or empty
   */
  public static Optional<Format> formatOf(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String text = name.toString();
    if (PYLOCK.matcher(text).matches()) {
      return Optional.of(Format.PYLOCK);
    }
    if (text.equals("uv.lock")) {
      return Optional.of(Format.UV_LOCK);
    }
    return Optional.empty();
  }

  /**
   * Whether a file's name says it is a lock file.
   *
   * @param file the file
   * @return {@code true} for {@code pylock.toml}, {@code pylock.<name>.toml} and {@code uv.lock}
   */
  public static boolean isLockFile(Path file) {
    return formatOf(file).isPresent();
  }

  /**
   * Reads a lock file and selects what {@code request}'s target installs.
   *
   * @param file the lock file
   * @param request the target and groups to select for
   * @return the selection
   * @throws LockFileException when the file cannot be read or is not a valid lock
   * @throws IllegalArgumentException when the name is not a lock file's
   */
  public static LockSelection select(Path file, SelectionRequest request) {
    Format format =
        formatOf(file)
            .orElseThrow(() -> new IllegalArgumentException("not a lock file name: " + file));
    return format == Format.PYLOCK
        ? PylockFile.read(file).select(request)
        : UvLockFile.read(file).select(request);
  }
}
