package io.pyhermetic.lockfile;

import java.util.Objects;
import java.util.Optional;

/** A package installed from a local directory ({@code packages.directory}). Immutable. */
public record PackageDirectory(
    String path, Optional<Boolean> editable, Optional<String> subdirectory)
    implements PackageSource {

  public PackageDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(editable, "editable");
    Objects.requireNonNull(subdirectory, "subdirectory");
  }
}
