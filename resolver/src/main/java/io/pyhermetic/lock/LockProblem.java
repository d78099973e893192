package io.pyhermetic.lock;

import java.util.Objects;

/**
 * Why a lock is incomplete or cannot be trusted as it is.
 *
 * @param subject {@code name==version}, or the input the problem is about
 * @param kind what went wrong
 * @param message what to tell the user
 */
public record LockProblem(String subject, Kind kind, String message) {

  /** The kinds of problem. */
  public enum Kind {
    /** Its dependencies cannot be known without a build: they are not guessed. */
    DEPENDENCIES_UNKNOWN,
    /** A file of the release has no sha256 on the index, so it cannot be hash-pinned. */
    NO_HASH,
    /** A requirement that cannot be locked from an index (editable, URL, unparsable). */
    UNSUPPORTED,
    /** The targets' Python does not satisfy the project's {@code requires-python}. */
    REQUIRES_PYTHON
  }

  /**
   * Checks that no component is null.
   *
   * @param subject {@code name==version}, or the input the problem is about
   * @param kind what went wrong
   * @param message what to tell the user
   */
  public LockProblem {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return subject + ": " + message;
  }
}
