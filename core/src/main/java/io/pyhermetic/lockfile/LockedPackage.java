package io.pyhermetic.lockfile;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[packages]]} entry of a {@code pylock.toml}: its normalized name, version, marker,
 * Python requirement, recorded dependencies, and exactly one way to install it (an sdist and/or
 * wheels, or one of vcs, directory, archive). {@code tool} and the free-form tables keep the plain
 * TOML values ({@code Map}, {@code List}, {@code String}, {@code Long}, {@code Boolean}, …).
 * Immutable.
 *
 * @param name the normalized name
 * @param version the version, when the lock records one
 * @param marker when the package applies
 * @param requiresPython the Python versions the package supports
 * @param dependencies the recorded dependencies, as plain TOML tables
 * @param vcs the version-control source
 * @param directory the local directory source
 * @param archive the archive source
 * @param index the index URL the files come from
 * @param sdist the source distribution
 * @param wheels the wheels
 * @param attestationIdentities the attestation identities, as plain TOML tables
 * @param tool the {@code [packages.tool]} table, as plain TOML values
 */
public record LockedPackage(
    String name,
    Optional<Version> version,
    Optional<Marker> marker,
    Optional<SpecifierSet> requiresPython,
    List<Map<String, Object>> dependencies,
    Optional<PackageVcs> vcs,
    Optional<PackageDirectory> directory,
    Optional<PackageArchive> archive,
    Optional<String> index,
    Optional<PackageFile> sdist,
    List<PackageFile> wheels,
    List<Map<String, Object>> attestationIdentities,
    Map<String, Object> tool) {

  /**
   * Checks that no component is null and copies the collections.
   *
   * @param name the normalized name
   * @param version the version, when the lock records one
   * @param marker when the package applies
   * @param requiresPython the Python versions the package supports
   * @param dependencies the recorded dependencies, as plain TOML tables
   * @param vcs the version-control source
   * @param directory the local directory source
   * @param archive the archive source
   * @param index the index URL the files come from
   * @param sdist the source distribution
   * @param wheels the wheels
   * @param attestationIdentities the attestation identities, as plain TOML tables
   * @param tool the {@code [packages.tool]} table, as plain TOML values
   */
  public LockedPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(requiresPython, "requiresPython");
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(vcs, "vcs");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(sdist, "sdist");
    wheels = List.copyOf(wheels);
    attestationIdentities = List.copyOf(attestationIdentities);
    tool = Map.copyOf(tool);
  }

  /**
   * A package from an index: name (normalized here), version, marker, and its files. This is what a
   * resolver hands to {@link PylockWriter}.
   *
   * @param name the project's name
   * @param version the version
   * @param marker when the package is installed
   * @param sdist the source distribution, if the package has one
   * @param wheels the wheels
   * @return the package
   */
  public static LockedPackage of(
      String name,
      Version version,
      Optional<Marker> marker,
      Optional<PackageFile> sdist,
      List<PackageFile> wheels) {
    return new LockedPackage(
        io.pyhermetic.requirement.ProjectName.canonicalize(name),
        Optional.of(version),
        marker,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        sdist,
        wheels,
        List.of(),
        Map.of());
  }

  /**
   * The same package with an index URL ({@code packages.index}).
   *
   * @param indexUrl the index's URL
   * @return the package with that index
   */
  public LockedPackage withIndex(String indexUrl) {
    return new LockedPackage(
        name,
        version,
        marker,
        requiresPython,
        dependencies,
        vcs,
        directory,
        archive,
        Optional.of(indexUrl),
        sdist,
        wheels,
        attestationIdentities,
        tool);
  }

  /**
   * The same package with these recorded dependencies ({@code {name = "…"}} tables).
   *
   * @param newDependencies the dependency tables
   * @return the package with those dependencies
   */
  public LockedPackage withDependencies(List<Map<String, Object>> newDependencies) {
    return new LockedPackage(
        name,
        version,
        marker,
        requiresPython,
        newDependencies,
        vcs,
        directory,
        archive,
        index,
        sdist,
        wheels,
        attestationIdentities,
        tool);
  }

  /**
   * Whether the package comes from vcs, a directory or an archive rather than sdist/wheels.
   *
   * @return {@code true} for a direct reference
   */
  public boolean isDirect() {
    return sdist.isEmpty() && wheels.isEmpty();
  }

  /**
   * The sdist and wheels, sdist first.
   *
   * @return the files
   */
  public List<PackageFile> files() {
    List<PackageFile> files = new ArrayList<>(wheels.size() + 1);
    sdist.ifPresent(files::add);
    files.addAll(wheels);
    return files;
  }
}
