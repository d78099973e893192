package io.pyhermetic.platform;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of a wheel or a source distribution, parsed: project name (normalized), version,
 * and for wheels the build tag and the expanded compatibility tags. Wheels follow packaging's
 * {@code parse_wheel_filename}; sdists accept PEP 625 names and the legacy archive kinds still
 * found on indexes ({@code .zip}, {@code .tar.bz2}, {@code .tar.xz}, {@code .tgz}, …).
 */
public final class DistributionFilename {

  /** A wheel's optional build tag: leading digits, then the rest; higher wins ties. */
  public record BuildTag(BigInteger number, String suffix) implements Comparable<BuildTag> {
    @Override
    public int compareTo(BuildTag other) {
      int c = number.compareTo(other.number);
      return c != 0 ? c : PyText.compareCodePoints(suffix, other.suffix);
    }

    @Override
    public String toString() {
      return number + suffix;
    }
  }

  /** The source-archive suffixes, longest first (pip's archive extensions). */
  public static final List<String> SDIST_SUFFIXES =
      List.of(
          ".tar.lzma",
          ".tar.bz2",
          ".tar.gz",
          ".tar.xz",
          ".tar.lz",
          ".tar.Z",
          ".tar",
          ".zip",
          ".tgz",
          ".tbz",
          ".txz",
          ".tlz");

  private static final Pattern BUILD = Pattern.compile("([0-9]+)(.*)", Pattern.DOTALL);

  private final String filename;
  private final ProjectName name;
  private final Version version;
  private final BuildTag build;
  private final Set<WheelTag> tags;

  private DistributionFilename(
      String filename, ProjectName name, Version version, BuildTag build, Set<WheelTag> tags) {
    this.filename = filename;
    this.name = name;
    this.version = version;
    this.build = build;
    this.tags = tags;
  }

  /**
   * Parses a wheel or sdist file name. An sdist name is split at its last {@code -} (right for PEP
   * 625 names); use {@link #parseSdist(String, ProjectName)} when the project is known.
   *
   * @param filename the file name
   * @return the parsed name
   * @throws InvalidFilenameException for anything else
   */
  public static DistributionFilename parse(String filename) {
    Objects.requireNonNull(filename, "filename");
    if (filename.endsWith(".whl")) {
      return parseWheel(filename);
    }
    String suffix = sdistSuffix(filename);
    if (suffix == null) {
      throw invalid(
          filename, filename.length(), "not a wheel (.whl) or source archive (.tar.gz, .zip, …)");
    }
    String stem = filename.substring(0, filename.length() - suffix.length());
    int dash = stem.lastIndexOf('-');
    if (dash < 0) {
      throw invalid(filename, 0, "no '-' between name and version");
    }
    Version version =
        Version.tryParse(stem.substring(dash + 1))
            .orElseThrow(
                () ->
                    invalid(
                        filename,
                        dash + 1,
                        "invalid version " + PyText.repr(stem.substring(dash + 1))));
    return new DistributionFilename(
        filename, name(stem.substring(0, dash)), version, null, Set.of());
  }

  /**
   * Parses a wheel or sdist file name, or returns empty when it is not one.
   *
   * @param filename the file name
   * @return the parsed name, or empty
   */
  public static Optional<DistributionFilename> tryParse(String filename) {
    try {
      return Optional.of(parse(filename));
    } catch (InvalidFilenameException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses an sdist of a known project the way pip does for legacy names: the version starts after
   * the first {@code -} where the part before it normalizes to the project name, so {@code
   * foo-bar-1.0.tar.gz} and {@code 21cmFAST-3.0.0.dev0.tar.gz} work, and {@code foo-1.0-1.tar.gz}
   * is version {@code 1.0.post1}.
   *
   * @param filename the file name
   * @param project the project the file belongs to
   * @return the parsed name
   * @throws InvalidFilenameException if the name is not an sdist of {@code project}
   */
  public static DistributionFilename parseSdist(String filename, ProjectName project) {
    String suffix = sdistSuffix(filename);
    if (suffix == null) {
      throw invalid(filename, filename.length(), "not a source archive (.tar.gz, .zip, …)");
    }
    String stem = filename.substring(0, filename.length() - suffix.length());
    for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
      if (ProjectName.canonicalize(stem.substring(0, i)).equals(project.canonical())) {
        int at = i + 1;
        Version version =
            Version.tryParse(stem.substring(at))
                .orElseThrow(
                    () ->
                        invalid(
                            filename, at, "invalid version " + PyText.repr(stem.substring(at))));
        return new DistributionFilename(filename, project, version, null, Set.of());
      }
    }
    throw invalid(filename, 0, "not a file of project " + project.canonical());
  }

  private static DistributionFilename parseWheel(String filename) {
    String stem = filename.substring(0, filename.length() - 4);
    int dashes = 0;
    for (int i = 0; i < stem.length(); i++) {
      if (stem.charAt(i) == '-') {
        dashes++;
      }
    }
    if (dashes != 4 && dashes != 5) {
      throw invalid(
          filename,
          0,
          "a wheel name has 4 or 5 '-'-separated parts before the tags, found "
              + dashes
              + " dashes");
    }
    String[] parts = stem.split("-", dashes - 1);
    String namePart = parts[0];
    if (namePart.contains("__") || !isWheelName(namePart)) {
      throw invalid(filename, 0, "invalid project name " + PyText.repr(namePart));
    }
    int versionAt = namePart.length() + 1;
    Version version =
        Version.tryParse(parts[1])
            .orElseThrow(
                () -> invalid(filename, versionAt, "invalid version " + PyText.repr(parts[1])));
    BuildTag build = null;
    if (dashes == 5) {
      Matcher m = BUILD.matcher(parts[2]);
      if (!m.matches()) {
        throw invalid(
            filename,
            versionAt + parts[1].length() + 1,
            "invalid build number " + PyText.repr(parts[2]));
      }
      build = new BuildTag(new BigInteger(m.group(1)), m.group(2));
    }
    Set<WheelTag> tags = WheelTag.parseSet(parts[parts.length - 1]);
    return new DistributionFilename(filename, name(namePart), version, build, tags);
  }

  /**
   * packaging's {@code ^[\w\d._]*$} with Python's Unicode {@code \w} (letters, numbers and {@code
   * _}, but not combining marks), where {@code $} also matches before a final newline.
   */
  private static boolean isWheelName(String name) {
    int end = name.endsWith("\n") ? name.length() - 1 : name.length();
    for (int i = 0; i < end; ) {
      int cp = name.codePointAt(i);
      if (cp != '.' && !PyText.isWordChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** File names are normalized, not validated (packaging accepts any word characters). */
  private static ProjectName name(String raw) {
    return ProjectName.lenient(raw);
  }

  /** The sdist suffix {@code filename} ends with, or null. */
  static String sdistSuffix(String filename) {
    for (String suffix : SDIST_SUFFIXES) {
      if (filename.endsWith(suffix)) {
        return suffix;
      }
    }
    return null;
  }

  private static InvalidFilenameException invalid(String filename, int offset, String detail) {
    return new InvalidFilenameException(
        filename,
        Location.inString(filename, offset),
        "Invalid distribution filename " + PyText.repr(filename) + ": " + detail);
  }

  /**
   * The file name as given.
   *
   * @return the file name
   */
  public String filename() {
    return filename;
  }

  /**
   * The project name (normalized on comparison; as written in the file name otherwise).
   *
   * @return the project name
   */
  public ProjectName name() {
    return name;
  }

  /**
   * The version.
   *
   * @return the version
   */
  public Version version() {
    return version;
  }

  /**
   * Whether the file is a wheel.
   *
   * @return {@code true} for a {@code .whl}
   */
  public boolean isWheel() {
    return filename.endsWith(".whl");
  }

  /**
   * Whether the file is a source distribution.
   *
   * @return {@code true} for anything but a wheel
   */
  public boolean isSdist() {
    return !isWheel();
  }

  /**
   * A wheel's build tag.
   *
   * @return the build tag, or empty
   */
  public Optional<BuildTag> build() {
    return Optional.ofNullable(build);
  }

  /**
   * A wheel's compatibility tags, expanded; empty for an sdist.
   *
   * @return the tags
   */
  public Set<WheelTag> tags() {
    return tags;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof DistributionFilename
        && filename.equals(((DistributionFilename) obj).filename);
  }

  @Override
  public int hashCode() {
    return filename.hashCode();
  }

  @Override
  public String toString() {
    return filename;
  }
}
