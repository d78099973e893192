package io.pyhermetic.builddeps;

import io.pyhermetic.error.Problem;

/** The sorts of build-dependency problem; their labels are snake_case. */
public enum BuildDepsCode implements Problem.Code {
  /** An input requirement that is not pinned with {@code ==}. */
  NOT_PINNED,
  /** The index has no sdist for a package that must be built. */
  MISSING_SDIST,
  /**
   * The downloaded sdist is the file the index lists (its digest matches, or the index gives none)
   * but its sha256 is not among the hashes the requirements pin: the lock is stale or pins other
   * bytes. A finding about the input, unlike bytes that differ from the index's own digest, which
   * are an {@link #INDEX_FAILURE}.
   */
  HASH_MISMATCH,
  /** The downloaded sdist cannot be read (corrupt, unsafe, too large, an unknown format). */
  BAD_ARCHIVE,
  /**
   * The sdist's pyproject.toml, setup.cfg or setup.py cannot be read, or declares more build
   * requirements than {@link BuildDepsResolver#MAX_BUILD_REQUIREMENTS}.
   */
  BAD_BUILD_DECLARATION,
  /**
   * The package lists itself among its own build requirements: it cannot be built from its sdist
   * without a built copy of itself.
   */
  BUILD_CYCLE,
  /** No set of versions satisfies the build environment. */
  RESOLUTION_CONFLICT,
  /**
   * The index answered that the release (or a file it lists) does not exist: HTTP 404 or 410, or a
   * directory without it. A checked answer, unlike an {@link #INDEX_FAILURE}.
   */
  NOT_FOUND,
  /**
   * The index or the download failed, so nothing is known about the package: a connection failure,
   * HTTP 5xx or 429 after the retries, any other unexpected status, a response that is not an index
   * page, or downloaded bytes that differ from the digest the index lists for them (a broken
   * mirror, a proxy's error page, a cut transfer). The message names the project and the URL,
   * without credentials.
   */
  INDEX_FAILURE;

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
