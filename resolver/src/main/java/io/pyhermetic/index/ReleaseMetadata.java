package io.pyhermetic.index;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dependency-relevant core metadata of one release.
 *
 * @param name the project name as the metadata spells it
 * @param version the release version
 * @param requiresDist the {@code Requires-Dist} PEP 508 strings, in order (empty when none)
 * @param requiresPython the {@code Requires-Python} specifier text, when given and non-empty
 * @param source where the metadata was read
 * @param requiresDistUnknown why {@code requiresDist} cannot be trusted to be complete without a
 *     build (an sdist's {@code PKG-INFO} before Metadata-Version 2.2, or one that marks it {@code
 *     Dynamic}); empty when it can
 */
public record ReleaseMetadata(
    ProjectName name,
    Version version,
    List<String> requiresDist,
    Optional<String> requiresPython,
    Source source,
    Optional<String> requiresDistUnknown) {

  /** Where metadata was read, from the most to the least authoritative. */
  public enum Source {
    /** A PEP 658/714 {@code .metadata} file served beside a distribution. */
    CORE_METADATA_FILE,
    /** The {@code METADATA} file inside a wheel. */
    WHEEL,
    /** The {@code PKG-INFO} file of an sdist. */
    SDIST,
    /** The PyPI JSON API's {@code info.requires_dist}, which PyPI takes from one uploaded file. */
    JSON_API,
    /** Not recorded (metadata made by hand, in tests or fixtures). */
    UNSPECIFIED
  }

  /**
   * Checks that no component is null and copies the list.
   *
   * @param name the project name as the metadata spells it
   * @param version the release version
   * @param requiresDist the {@code Requires-Dist} PEP 508 strings, in order (empty when none)
   * @param requiresPython the {@code Requires-Python} specifier text, when given and non-empty
   * @param source where the metadata was read
   * @param requiresDistUnknown why {@code requiresDist} cannot be trusted to be complete without a
   *     build (an sdist's {@code PKG-INFO} before Metadata-Version 2.2, or one that marks it {@code
   *     Dynamic}); empty when it can
   */
  public ReleaseMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    requiresDist = List.copyOf(requiresDist);
    requiresPython =
        Objects.requireNonNull(requiresPython, "requiresPython").filter(s -> !s.isBlank());
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(requiresDistUnknown, "requiresDistUnknown");
  }

  /**
   * Metadata whose source is not recorded and whose {@code Requires-Dist} is trusted.
   *
   * @param name the project name as the metadata spells it
   * @param version the release version
   * @param requiresDist the {@code Requires-Dist} PEP 508 strings, in order (empty when none)
   * @param requiresPython the {@code Requires-Python} specifier text, when given and non-empty
   */
  public ReleaseMetadata(
      ProjectName name,
      Version version,
      List<String> requiresDist,
      Optional<String> requiresPython) {
    this(name, version, requiresDist, requiresPython, Source.UNSPECIFIED, Optional.empty());
  }
}
