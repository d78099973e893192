package io.pyhermetic.lockfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A package installed from a version-control checkout ({@code packages.vcs}). Immutable.
 *
 * @param type the version-control system, such as {@code git}
 * @param url the repository's URL
 * @param path the repository's local path
 * @param requestedRevision the revision asked for (a branch, tag or commit)
 * @param commitId the commit the lock pins
 * @param subdirectory the project's directory inside the repository
 */
public record PackageVcs(
    String type,
    Optional<String> url,
    Optional<String> path,
    Optional<String> requestedRevision,
    String commitId,
    Optional<String> subdirectory)
    implements PackageSource {

  /**
   * Checks that no component is null.
   *
   * @param type the version-control system, such as {@code git}
   * @param url the repository's URL
   * @param path the repository's local path
   * @param requestedRevision the revision asked for (a branch, tag or commit)
   * @param commitId the commit the lock pins
   * @param subdirectory the project's directory inside the repository
   */
  public PackageVcs {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(requestedRevision, "requestedRevision");
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(subdirectory, "subdirectory");
  }
}
