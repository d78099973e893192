package io.pyhermetic.lockfile;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.version.SpecifierSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a {@code uv.lock} (version 1): the Python requirement, the resolution forks, the
 * workspace members ({@code [manifest] members}, empty for a single project) and the packages.
 * Immutable.
 *
 * @param version the lock format's version
 * @param revision the lock format's revision
 * @param requiresPython the Python versions the lock supports
 * @param resolutionMarkers the resolution forks
 * @param members the workspace members
 * @param packages the packages
 */
public record UvLock(
    int version,
    int revision,
    Optional<SpecifierSet> requiresPython,
    List<Marker> resolutionMarkers,
    List<String> members,
    List<UvPackage> packages) {

  /**
   * Checks that no component is null and copies the lists.
   *
   * @param requiresPython the Python versions the lock supports
   * @param version the lock format's version
   * @param revision the lock format's revision
   * @param resolutionMarkers the resolution forks
   * @param members the workspace members
   * @param packages the packages
   */
  public UvLock {
    Objects.requireNonNull(requiresPython, "requiresPython");
    resolutionMarkers = List.copyOf(resolutionMarkers);
    members = List.copyOf(members);
    packages = List.copyOf(packages);
  }
}
