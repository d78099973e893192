package io.pyhermetic.container;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A podman release as {@code podman version --format '{{.Client.Version}}'} prints it: {@code
 * 4.9.3}, {@code 5.2.0-dev}, {@code 5.0.0-rc1} (what follows the numbers is ignored).
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 */
public record PodmanVersion(int major, int minor, int patch) implements Comparable<PodmanVersion> {

  /** The first release with {@code podman farm build} (4.8 had the other farm commands only). */
  public static final PodmanVersion FARM_BUILD = new PodmanVersion(4, 9, 0);

  private static final Pattern NUMBERS =
      Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?(?:[^0-9].*)?");
  private static final Comparator<PodmanVersion> ORDER =
      Comparator.comparingInt(PodmanVersion::major)
          .thenComparingInt(PodmanVersion::minor)
          .thenComparingInt(PodmanVersion::patch);

  /**
   * Checks that no part is negative.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch version
   */
  public PodmanVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version part");
    }
  }

  /**
   * The version at the start of {@code text}, or empty when it does not start with one.
   *
   * @param text the output of {@code podman --version} or a version string
   * @return the version, or empty
   */
  public static Optional<PodmanVersion> tryParse(String text) {
    Matcher m = NUMBERS.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new PodmanVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
  }

  /**
   * Whether this version is {@code other} or later.
   *
   * @param other the version to compare with
   * @return {@code true} when this version is not older
   */
  public boolean isAtLeast(PodmanVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(PodmanVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
