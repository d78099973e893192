package io.pyhermetic.index;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Objects;

/**
 * A pinned release, {@code name==version}: the key of bulk look-ups.
 *
 * @param name the project
 * @param version the version
 */
public record Release(ProjectName name, Version version) {
  /**
   * Checks that neither part is null.
   *
   * @param name the project
   * @param version the version
   */
  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /**
   * {@code name==version}.
   *
   * @param name the project's name, as written
   * @param version the version string
   * @return the release
   */
  public static Release of(String name, String version) {
    return new Release(ProjectName.of(name), Version.parse(version));
  }

  @Override
  public String toString() {
    return name + "==" + version;
  }
}
