package io.pyhermetic.builddeps;

import java.util.List;
import java.util.Objects;

/**
 * Something that went wrong (or was skipped) for one package.
 *
 * @param pkg the package, {@code name==version} (or the requirement text when not pinned)
 * @param kind what kind of problem
 * @param message what happened, with a location or the chain of requirements where known
 * @param chain for a resolution conflict, each conflicting requirement with the path that led to it
 *     ({@code foo==1.0 → hatchling==1.28.0 → packaging>=24}); empty otherwise
 */
public record Problem(String pkg, Kind kind, String message, List<String> chain) {

  /** The kinds of problems. */
  public enum Kind {
    /** An input requirement that is not pinned with {@code ==}. */
    NOT_PINNED,
    /** The index has no sdist for a package that must be built. */
    MISSING_SDIST,
    /**
     * The downloaded sdist is the file the index lists (its digest matches, or the index gives
     * none) but its sha256 is not among the hashes the requirements pin: the lock is stale or pins
     * other bytes. A finding about the input, unlike bytes that differ from the index's own digest,
     * which are an {@link #INDEX_FAILURE}.
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
     * The index answered that the release (or a file it lists) does not exist: HTTP 404 or 410, or
     * a directory without it. A checked answer, unlike an {@link #INDEX_FAILURE}.
     */
    NOT_FOUND,
    /**
     * The index or the download failed, so nothing is known about the package: a connection
     * failure, HTTP 5xx or 429 after the retries, any other unexpected status, a response that is
     * not an index page, or downloaded bytes that differ from the digest the index lists for them
     * (a broken mirror, a proxy's error page, a cut transfer). The message names the project and
     * the URL, without credentials.
     */
    INDEX_FAILURE;

    /**
     * The snake_case label used in reports.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks the parts and copies the chain.
   *
   * @param pkg see {@link #pkg()}
   * @param kind see {@link #kind()}
   * @param message see {@link #message()}
   * @param chain see {@link #chain()}
   */
  public Problem {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    chain = List.copyOf(chain);
  }

  /**
   * A problem without chain.
   *
   * @param pkg the package, {@code name==version} (or the requirement text when not pinned)
   * @param kind what kind of problem
   * @param message what happened
   */
  public Problem(String pkg, Kind kind, String message) {
    this(pkg, kind, message, List.of());
  }

  @Override
  public String toString() {
    return pkg + ": " + message;
  }
}
