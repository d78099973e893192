package io.pyhermetic.lock;

import io.pyhermetic.error.Problem;

/** The sorts of lock problem; each leaves the lock incomplete. Their labels are snake_case. */
public enum LockCode implements Problem.Code {
  /** Its dependencies cannot be known without a build: they are not guessed. */
  DEPENDENCIES_UNKNOWN,
  /** A file of the release has no sha256 on the index, so it cannot be hash-pinned. */
  NO_HASH,
  /** A requirement that cannot be locked from an index (editable, URL, unparsable). */
  UNSUPPORTED,
  /** The targets' Python does not satisfy the project's {@code requires-python}. */
  REQUIRES_PYTHON;

  /**
   * The snake_case label used in reports.
   *
   * @return the label
   */
  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
