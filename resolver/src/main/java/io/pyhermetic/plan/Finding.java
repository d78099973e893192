package io.pyhermetic.plan;

import java.util.Locale;
import java.util.Objects;

/**
 * Something that will make the hermetic build fail, found while planning.
 *
 * @param kind which step found it
 * @param message what will fail and why, with the file and line where known
 */
public record Finding(Kind kind, String message) {

  /** The steps that find problems. */
  public enum Kind {
    /** pip or Hermeto would reject a requirements file (check.txt). */
    CHECK,
    /** A universal file cannot be split per target. */
    SPLIT,
    /** Hermeto would reject its input or the source directory before fetching. */
    HERMETO,
    /** A pin installs on no file on some target. */
    NOT_INSTALLABLE,
    /** Pinned hashes are stale or miss the file pip would pick. */
    HASHES,
    /** The build dependencies could not be resolved. */
    BUILD_DEPS,
    /** The index or a download failed; nothing the plan says about that package is known. */
    INDEX;

    /**
     * The snake_case label used in reports.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks that neither part is null.
   *
   * @param kind which step found it
   * @param message what will fail and why, with the file and line where known
   */
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
