package io.pyhermetic.index;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * The release a {@code name==version} text names, the form {@link #toString()} writes; names and
   * versions compare by their normalized forms, so {@code Foo_Bar==1.0} names {@code
   * foo-bar==1.0.0}.
   *
   * @param pin the text
   * @return the release, or empty when the text is not a valid name, {@code ==} and a valid version
   */
  public static Optional<Release> tryParse(String pin) {
    int at = pin.indexOf("==");
    return at < 0 ? Optional.empty() : tryOf(pin.substring(0, at), pin.substring(at + 2));
  }

  /**
   * The release a name and a version text name, compared by their normalized forms.
   *
   * @param name the project name as written
   * @param version the version as written
   * @return the release, or empty when either is not valid
   */
  public static Optional<Release> tryOf(String name, String version) {
    if (!ProjectName.isValid(name)) {
      return Optional.empty();
    }
    return Version.tryParse(version).map(v -> new Release(ProjectName.of(name), v));
  }

  @Override
  public String toString() {
    return name + "==" + version;
  }
}
