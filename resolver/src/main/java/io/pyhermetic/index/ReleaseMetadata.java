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
 */
public record ReleaseMetadata(
    ProjectName name, Version version, List<String> requiresDist, Optional<String> requiresPython) {

  public ReleaseMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    requiresDist = List.copyOf(requiresDist);
    requiresPython =
        Objects.requireNonNull(requiresPython, "requiresPython").filter(s -> !s.isBlank());
  }
}
