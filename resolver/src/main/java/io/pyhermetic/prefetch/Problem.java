package io.pyhermetic.prefetch;

import java.util.Objects;

/**
 * Why a requirement or a file could not be fetched.
 *
 * @param kind what sort of failure
 * @param message what went wrong, without credentials
 */
public record Problem(Kind kind, String message) {

  /** The sorts of failure; {@link #INDEX} is the only one a retry may cure. */
  public enum Kind {
    /** The index has no file Hermeto would select ({@code No distributions found …}). */
    NOT_FOUND,
    /** A file's bytes match neither the index's digest nor the pinned hashes. */
    HASH_MISMATCH,
    /** The index or the download failed. */
    INDEX,
    /** A requirement Hermeto fetches in a way this library does not (URL or VCS). */
    UNSUPPORTED,
    /** A file could not be written locally. */
    IO;

    /**
     * The kebab-case label used in reports.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Checks that both parts are given.
   *
   * @param kind see {@link #kind()}
   * @param message see {@link #message()}
   */
  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message + " [" + kind.label() + "]";
  }
}
