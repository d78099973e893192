package io.pyhermetic.lockfile;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a PEP 751 {@code pylock.toml} (lock-version 1.x): the lock's environments, Python
 * requirement, extras and dependency groups, who created it, and its packages. Equal content, equal
 * value, wherever it was read from ({@link PylockFile} adds the source and lines). Immutable.
 *
 * @param lockVersion the lock format's version
 * @param environments the environments the lock is for (empty: any)
 * @param requiresPython the Python versions the lock supports
 * @param extras the extras the lock can install
 * @param dependencyGroups the dependency groups the lock can install
 * @param defaultGroups the groups installed when none are asked for
 * @param createdBy the tool that wrote the lock
 * @param packages the packages
 * @param tool the {@code [tool]} table, as plain TOML values
 */
public record Pylock(
    Version lockVersion,
    List<Marker> environments,
    Optional<SpecifierSet> requiresPython,
    List<String> extras,
    List<String> dependencyGroups,
    List<String> defaultGroups,
    String createdBy,
    List<LockedPackage> packages,
    Map<String, Object> tool) {

  /** The lock-version this library writes. */
  public static final Version VERSION = Version.parse("1.0");

  /**
   * Checks that no component is null and copies the collections.
   *
   * @param lockVersion the lock format's version
   * @param environments the environments the lock is for (empty: any)
   * @param requiresPython the Python versions the lock supports
   * @param extras the extras the lock can install
   * @param dependencyGroups the dependency groups the lock can install
   * @param defaultGroups the groups installed when none are asked for
   * @param createdBy the tool that wrote the lock
   * @param packages the packages
   * @param tool the {@code [tool]} table, as plain TOML values
   */
  public Pylock {
    Objects.requireNonNull(lockVersion, "lockVersion");
    environments = List.copyOf(environments);
    Objects.requireNonNull(requiresPython, "requiresPython");
    extras = List.copyOf(extras);
    dependencyGroups = List.copyOf(dependencyGroups);
    defaultGroups = List.copyOf(defaultGroups);
    Objects.requireNonNull(createdBy, "createdBy");
    packages = List.copyOf(packages);
    tool = Map.copyOf(tool);
  }

  /**
   * A lock-version 1.0 lock of these packages, created by {@code createdBy}.
   *
   * @param createdBy the tool name recorded in {@code created-by}
   * @param packages the packages
   * @return the lock
   */
  public static Pylock of(String createdBy, List<LockedPackage> packages) {
    return new Pylock(
        VERSION,
        List.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        createdBy,
        packages,
        Map.of());
  }

  /**
   * The same lock limited to environments where one of {@code markers} holds.
   *
   * @param markers the environment markers
   * @return the lock with those environments
   */
  public Pylock withEnvironments(List<Marker> markers) {
    return new Pylock(
        lockVersion,
        markers,
        requiresPython,
        extras,
        dependencyGroups,
        defaultGroups,
        createdBy,
        packages,
        tool);
  }

  /**
   * The same lock with a Python requirement.
   *
   * @param specifiers the Python versions the lock supports
   * @return the lock with that requirement
   */
  public Pylock withRequiresPython(SpecifierSet specifiers) {
    return new Pylock(
        lockVersion,
        environments,
        Optional.of(specifiers),
        extras,
        dependencyGroups,
        defaultGroups,
        createdBy,
        packages,
        tool);
  }
}
