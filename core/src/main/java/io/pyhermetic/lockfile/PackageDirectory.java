package io.pyhermetic.lockfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A package installed from a local directory ({@code packages.directory}). Immutable.
 *
 * @param path the directory's path
 * @param editable whether the package is installed editable
 * @param subdirectory the project's directory inside it
 */
public record PackageDirectory(
    String path, Optional<Boolean> editable, Optional<String> subdirectory)
    implements PackageSource {

  /**
   * Checks that no component is null.
   *
   * @param path the directory's path
   * @param editable whether the package is installed editable
   * @param subdirectory the project's directory inside it
   */
  public PackageDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(editable, "editable");
    Objects.requireNonNull(subdirectory, "subdirectory");
  }
}
