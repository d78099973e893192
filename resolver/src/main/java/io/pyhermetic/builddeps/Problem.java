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
    /** The downloaded sdist's sha256 differs from the index digest or the pinned hashes. */
    HASH_MISMATCH,
    /** The sdist could not be downloaded or read. */
    BAD_ARCHIVE,
    /** The sdist's pyproject.toml, setup.cfg or setup.py cannot be read. */
    BAD_BUILD_DECLARATION,
    /** No set of versions satisfies the build environment. */
    RESOLUTION_CONFLICT,
    /** The index failed or does not know the release. */
    INDEX_FAILURE;

    /** The snake_case label used in reports. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Problem {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    chain = List.copyOf(chain);
  }

  public Problem(String pkg, Kind kind, String message) {
    this(pkg, kind, message, List.of());
  }

  @Override
  public String toString() {
    return pkg + ": " + message;
  }
}
