package io.pyhermetic.index.internal;

import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Locale;
import java.util.Optional;

/**
 * The version of a distribution file, from its name: the second dash-separated field of a wheel;
 * for an sdist, whatever follows the shortest prefix that normalizes to the project name (pip's
 * approach, which reads {@code foo-bar-1.0-1.tar.gz} as {@code foo-bar} {@code 1.0-1}).
 */
public final class Filenames {
  private Filenames() {}

  /** The version of {@code filename} as a file of {@code project}; empty if it is not one. */
  public static Optional<Version> version(ProjectName project, String filename) {
    return versionText(project, filename).flatMap(Version::tryParse);
  }

  static Optional<String> versionText(ProjectName project, String filename) {
    switch (ReleaseFile.kindOf(filename)) {
      case WHEEL:
        {
          String stem = filename.substring(0, filename.length() - ".whl".length());
          String[] parts = stem.split("-", -1);
          if (parts.length != 5 && parts.length != 6) {
            return Optional.empty();
          }
          if (!ProjectName.canonicalize(parts[0]).equals(project.canonical())) {
            return Optional.empty();
          }
          return Optional.of(parts[1]);
        }
      case SDIST:
        {
          String stem = filename.substring(0, filename.length() - sdistSuffixLength(filename));
          for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
            if (ProjectName.canonicalize(stem.substring(0, i)).equals(project.canonical())) {
              String version = stem.substring(i + 1);
              return version.isEmpty() ? Optional.empty() : Optional.of(version);
            }
          }
          return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  private static int sdistSuffixLength(String filename) {
    String lower = filename.toLowerCase(Locale.ROOT);
    int best = 0;
    for (String suffix :
        new String[] {
          ".tar.gz",
          ".zip",
          ".tar.bz2",
          ".tar.xz",
          ".tgz",
          ".tar",
          ".tbz",
          ".txz",
          ".tlz",
          ".tar.lz",
          ".tar.lzma",
          ".tar.z"
        }) {
      if (lower.endsWith(suffix) && suffix.length() > best) {
        best = suffix.length();
      }
    }
    return best;
  }
}
