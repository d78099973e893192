package io.pyhermetic.lockfile;

import java.util.Objects;
import java.util.Optional;

/** A package installed from a version-control checkout ({@code packages.vcs}). Immutable. */
public record PackageVcs(
    String type,
    Optional<String> url,
    Optional<String> path,
    Optional<String> requestedRevision,
    String commitId,
    Optional<String> subdirectory)
    implements PackageSource {

  public PackageVcs {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(requestedRevision, "requestedRevision");
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(subdirectory, "subdirectory");
  }
}
