package io.pyhermetic.index.internal;

import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header part of a core metadata file ({@code METADATA}, {@code PKG-INFO}, a PEP 658 {@code
 * .metadata} file): RFC 822 style {@code Name: value} lines with continuation lines that start with
 * white space, ending at the first blank line.
 */
public final class CoreMetadata {
  private final Map<String, List<String>> fields;

  private CoreMetadata(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  /**
   * Parses the headers of {@code text}; the body after the first blank line is ignored.
   *
   * @param text the metadata file's text
   * @return the headers
   */
  public static CoreMetadata parse(String text) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (String line : lines) {
      if (line.isEmpty()) {
        break;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && value != null) {
        value.append('\n').append(line);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a header line; tolerated
      }
      if (name != null) {
        add(fields, name, value);
      }
      name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      value = new StringBuilder(line.substring(colon + 1).trim());
    }
    if (name != null) {
      add(fields, name, value);
    }
    return new CoreMetadata(Collections.unmodifiableMap(fields));
  }

  private static void add(Map<String, List<String>> fields, String name, StringBuilder value) {
    // unfold: a continuation line's leading white space becomes one space
    String unfolded = value.toString().replaceAll("\n[ \t]+", " ").trim();
    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(unfolded);
  }

  /**
   * Every value of header {@code name} (case-insensitive), in order.
   *
   * @param name the header's name
   * @return the values
   */
  public List<String> all(String name) {
    return List.copyOf(fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
  }

  /**
   * The first non-empty value of header {@code name}.
   *
   * @param name the header's name
   * @return the value, or empty
   */
  public Optional<String> first(String name) {
    return all(name).stream().filter(v -> !v.isEmpty()).findFirst();
  }

  /**
   * The release metadata, falling back to {@code project} and {@code version} when the file's own
   * {@code Name}/{@code Version} are missing or invalid.
   *
   * @param project the project asked for
   * @param version the version asked for
   * @return the release metadata
   */
  public ReleaseMetadata toReleaseMetadata(ProjectName project, Version version) {
    return toReleaseMetadata(project, version, ReleaseMetadata.Source.UNSPECIFIED);
  }

  /**
   * Whether a distribution file's metadata is a wheel's or an sdist's, by its name.
   *
   * @param filename the distribution file's name
   * @return the metadata's source
   */
  public static ReleaseMetadata.Source sourceOf(String filename) {
    return ReleaseFile.kindOf(filename) == ReleaseFile.Kind.WHEEL
        ? ReleaseMetadata.Source.WHEEL
        : ReleaseMetadata.Source.SDIST;
  }

  /**
   * {@link #toReleaseMetadata(ProjectName, Version)} read from {@code source}. An sdist's {@code
   * Requires-Dist} is trusted only from Metadata-Version 2.2 on (PEP 643) and when not listed in
   * {@code Dynamic}; before 2.2 a build may add requirements that {@code PKG-INFO} does not name.
   *
   * @param project the project asked for
   * @param version the version asked for
   * @param source whether the metadata is a wheel's or an sdist's
   * @return the release metadata
   */
  public ReleaseMetadata toReleaseMetadata(
      ProjectName project, Version version, ReleaseMetadata.Source source) {
    ProjectName name =
        first("Name").filter(ProjectName::isValid).map(ProjectName::of).orElse(project);
    Version v = first("Version").flatMap(Version::tryParse).orElse(version);
    List<String> requires = new ArrayList<>();
    for (String r : all("Requires-Dist")) {
      if (!r.isEmpty()) {
        requires.add(r);
      }
    }
    Optional<String> unknown = Optional.empty();
    if (source == ReleaseMetadata.Source.SDIST) {
      Optional<String> metadataVersion = first("Metadata-Version");
      boolean static22 =
          metadataVersion
              .flatMap(Version::tryParse)
              .map(mv -> mv.compareTo(Version.parse("2.2")) >= 0)
              .orElse(false);
      boolean dynamic = all("Dynamic").stream().anyMatch(d -> d.equalsIgnoreCase("Requires-Dist"));
      if (!static22) {
        unknown =
            Optional.of(
                "only an sdist whose PKG-INFO has Metadata-Version "
                    + metadataVersion.orElse("(none)")
                    + " (before 2.2, its dependencies are known only after a build)");
      } else if (dynamic) {
        unknown = Optional.of("the sdist's PKG-INFO marks Requires-Dist as Dynamic");
      }
    }
    return new ReleaseMetadata(name, v, requires, first("Requires-Python"), source, unknown);
  }
}
