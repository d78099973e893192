package io.pyhermetic.prefetch;

import io.pyhermetic.error.Problem;

/**
 * The sorts of prefetch failure; {@link #INDEX} is the only one a retry may cure. Their labels are
 * kebab-case.
 */
public enum PrefetchCode implements Problem.Code {
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
  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
