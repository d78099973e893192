package io.pyhermetic.lockfile;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code [[package]]} of a {@code uv.lock}: name, version (absent for dynamic local projects),
 * source, files, its dependencies, optional dependencies by extra, development dependencies by
 * group, and the resolution forks it belongs to. Immutable.
 *
 * @param name the normalized name
 * @param version the version (absent for a dynamic local project)
 * @param source where the package comes from
 * @param sdist the source distribution
 * @param wheels the wheels
 * @param dependencies the dependencies
 * @param optionalDependencies the dependencies of each extra
 * @param devDependencies the development dependencies of each group
 * @param resolutionMarkers the resolution forks the package belongs to
 */
public record UvPackage(
    String name,
    Optional<Version> version,
    UvSource source,
    Optional<PackageFile> sdist,
    List<PackageFile> wheels,
    List<UvDependency> dependencies,
    Map<String, List<UvDependency>> optionalDependencies,
    Map<String, List<UvDependency>> devDependencies,
    List<Marker> resolutionMarkers) {

  /**
   * Checks that no component is null and copies the collections.
   *
   * @param name the normalized name
   * @param version the version (absent for a dynamic local project)
   * @param source where the package comes from
   * @param sdist the source distribution
   * @param wheels the wheels
   * @param dependencies the dependencies
   * @param optionalDependencies the dependencies of each extra
   * @param devDependencies the development dependencies of each group
   * @param resolutionMarkers the resolution forks the package belongs to
   */
  public UvPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sdist, "sdist");
    wheels = List.copyOf(wheels);
    dependencies = List.copyOf(dependencies);
    optionalDependencies = Collections.unmodifiableMap(new TreeMap<>(optionalDependencies));
    devDependencies = Collections.unmodifiableMap(new TreeMap<>(devDependencies));
    resolutionMarkers = List.copyOf(resolutionMarkers);
  }

  /**
   * The package in the pylock model: registry files as sdist and wheels, git as vcs, local projects
   * as a directory, a direct URL or file as an archive.
   *
   * @return the package as a pylock entry
   */
  public LockedPackage toLocked() {
    Optional<PackageVcs> vcs = Optional.empty();
    Optional<PackageDirectory> directory = Optional.empty();
    Optional<PackageArchive> archive = Optional.empty();
    Optional<String> index = Optional.empty();
    Optional<PackageFile> sdistFile = sdist;
    List<PackageFile> wheelFiles = wheels;
    switch (source.kind()) {
      case "registry":
        index = Optional.of(source.value());
        break;
      case "git":
        vcs = Optional.of(UvGit.parse(source.value()));
        sdistFile = Optional.empty();
        wheelFiles = List.of();
        break;
      case "url":
      case "path":
        // the source is the one file; uv records its hash on the sdist or wheel entry
        Optional<PackageFile> file = sdist.isPresent() ? sdist : wheels.stream().findFirst();
        archive =
            Optional.of(
                new PackageArchive(
                    source.kind().equals("url") ? Optional.of(source.value()) : Optional.empty(),
                    source.kind().equals("path") ? Optional.of(source.value()) : Optional.empty(),
                    file.map(PackageFile::size).orElse(java.util.OptionalLong.empty()),
                    file.flatMap(PackageFile::uploadTime),
                    file.map(PackageFile::hashes).orElse(Map.of()),
                    Optional.empty()));
        sdistFile = Optional.empty();
        wheelFiles = List.of();
        break;
      default:
        directory =
            Optional.of(
                new PackageDirectory(
                    source.value(),
                    Optional.of(source.kind().equals("editable")),
                    Optional.empty()));
        sdistFile = Optional.empty();
        wheelFiles = List.of();
    }
    return new LockedPackage(
        name,
        version,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        vcs,
        directory,
        archive,
        index,
        sdistFile,
        wheelFiles,
        List.of(),
        Map.of());
  }
}
