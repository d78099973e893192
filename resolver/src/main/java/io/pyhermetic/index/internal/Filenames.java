package io.pyhermetic.index.internal;

import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.InvalidFilenameException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Optional;

/**
 * The version of a distribution file of a known project, from its name, by core's {@link
 * DistributionFilename}: a wheel's version field; for an sdist, whatever follows the shortest
 * prefix that normalizes to the project name (pip's approach, which reads {@code
 * foo-bar-1.0-1.tar.gz} as {@code foo-bar} {@code 1.0-1}). Suffixes are matched as {@link
 * ReleaseFile#sdistSuffix} does.
 */
public final class Filenames {
  private Filenames() {}

  /**
   * The version of {@code filename} as a file of {@code project}; empty if it is not one.
   *
   * @param project the project
   * @param filename the file name
   * @return the version, or empty
   */
  public static Optional<Version> version(ProjectName project, String filename) {
    return parse(project, filename).map(DistributionFilename::version);
  }

  /**
   * {@code filename} parsed by {@link DistributionFilename} as a file of {@code project}: a wheel
   * whose name normalizes to the project's, or an sdist split where the project name ends.
   *
   * @param project the project
   * @param filename the file name
   * @return the parsed name, or empty
   */
  public static Optional<DistributionFilename> parse(ProjectName project, String filename) {
    switch (ReleaseFile.kindOf(filename)) {
      case WHEEL:
        {
          String canonical = filename.substring(0, filename.length() - ".whl".length()) + ".whl";
          return DistributionFilename.tryParse(canonical)
              .filter(f -> f.name().canonical().equals(project.canonical()));
        }
      case SDIST:
        {
          String suffix = ReleaseFile.sdistSuffix(filename).orElseThrow();
          String canonical = filename.substring(0, filename.length() - suffix.length()) + suffix;
          try {
            return Optional.of(DistributionFilename.parseSdist(canonical, project));
          } catch (InvalidFilenameException e) {
            return Optional.empty();
          }
        }
      default:
        return Optional.empty();
    }
  }
}
