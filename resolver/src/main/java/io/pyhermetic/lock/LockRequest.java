package io.pyhermetic.lock;

import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to lock: the inputs, the targets, which extras and groups, and the rules candidates follow.
 * Build with {@link #builder()}.
 *
 * @param inputs the files the requirements come from
 * @param targets the targets, each resolved on its own
 * @param extras the extras of the project inputs to include (canonical names)
 * @param allExtras whether every extra is included
 * @param groups the PEP 735 dependency groups to include (canonical names)
 * @param constraints constraints ({@code -c}): they narrow versions but add no requirement
 * @param overrides overrides: each replaces every requirement on its project
 * @param preferences per target architecture, the versions of an existing lock, tried first
 * @param upgradeAll whether preferences are ignored ({@code --upgrade})
 * @param upgrade projects whose preferences are ignored ({@code --upgrade-package})
 * @param prereleases whether pre-releases are candidates even where a final release matches
 * @param onlyBinary projects that must be installed from wheels ({@code :all:} for every project)
 * @param noBinary projects that must be built from sdists ({@code :all:} for every project)
 * @param excludeNewer files uploaded after this instant are left out
 * @param maxRounds how many candidate versions one target may try in all
 */
public record LockRequest(
    List<LockInput> inputs,
    List<Target> targets,
    Set<String> extras,
    boolean allExtras,
    Set<String> groups,
    List<Requirement> constraints,
    List<Requirement> overrides,
    Map<String, Map<ProjectName, Version>> preferences,
    boolean upgradeAll,
    Set<ProjectName> upgrade,
    boolean prereleases,
    Set<String> onlyBinary,
    Set<String> noBinary,
    Optional<Instant> excludeNewer,
    int maxRounds) {

  /** Matches every project in {@link #onlyBinary()} and {@link #noBinary()}. */
  public static final String ALL = ":all:";

  /**
   * Copies the collections, so the request stays immutable.
   *
   * @param inputs the files the requirements come from
   * @param targets the targets, each resolved on its own
   * @param extras the extras of the project inputs to include (canonical names)
   * @param allExtras whether every extra is included
   * @param groups the PEP 735 dependency groups to include (canonical names)
   * @param constraints constraints ({@code -c}): they narrow versions but add no requirement
   * @param overrides overrides: each replaces every requirement on its project
   * @param preferences per target architecture, the versions of an existing lock, tried first
   * @param upgradeAll whether preferences are ignored ({@code --upgrade})
   * @param upgrade projects whose preferences are ignored ({@code --upgrade-package})
   * @param prereleases whether pre-releases are candidates even where a final release matches
   * @param onlyBinary projects that must be installed from wheels ({@code :all:} for every project)
   * @param noBinary projects that must be built from sdists ({@code :all:} for every project)
   * @param excludeNewer files uploaded after this instant are left out
   * @param maxRounds how many candidate versions one target may try in all
   */
  public LockRequest {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
    extras = Collections.unmodifiableSet(new LinkedHashSet<>(extras));
    groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
    constraints = List.copyOf(constraints);
    overrides = List.copyOf(overrides);
    Map<String, Map<ProjectName, Version>> prefs = new LinkedHashMap<>();
    preferences.forEach((k, v) -> prefs.put(k, Map.copyOf(v)));
    preferences = Collections.unmodifiableMap(prefs);
    upgrade = Set.copyOf(upgrade);
    onlyBinary = Set.copyOf(onlyBinary);
    noBinary = Set.copyOf(noBinary);
    Objects.requireNonNull(excludeNewer, "excludeNewer");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input to lock");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no target to lock for");
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be positive");
    }
  }

  /**
   * A builder with no inputs or targets, no extras, and 100000 rounds.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code name} must come from a wheel.
   *
   * @param name the project
   * @return {@code true} when only wheels may be used
   */
  public boolean onlyBinary(ProjectName name) {
    return matches(onlyBinary, name) && !noBinary.contains(name.canonical());
  }

  /**
   * Whether {@code name} must be built from an sdist.
   *
   * @param name the project
   * @return {@code true} when wheels may not be used
   */
  public boolean noBinary(ProjectName name) {
    return matches(noBinary, name) && !onlyBinary.contains(name.canonical());
  }

  private static boolean matches(Set<String> names, ProjectName name) {
    return names.contains(ALL) || names.contains(name.canonical());
  }

  /**
   * The version an existing lock holds for {@code name} on {@code arch}, unless upgrading it.
   *
   * @param arch the machine name
   * @param name the project
   * @return the preferred version, or empty
   */
  public Optional<Version> preferred(String arch, ProjectName name) {
    if (upgradeAll || upgrade.contains(name)) {
      return Optional.empty();
    }
    return Optional.ofNullable(preferences.getOrDefault(arch, Map.of()).get(name));
  }

  /** A mutable builder for {@link LockRequest}. */
  public static final class Builder {
    private final List<LockInput> inputs = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Set<String> extras = new LinkedHashSet<>();
    private boolean allExtras;
    private final Set<String> groups = new LinkedHashSet<>();
    private final List<Requirement> constraints = new ArrayList<>();
    private final List<Requirement> overrides = new ArrayList<>();
    private final Map<String, Map<ProjectName, Version>> preferences = new LinkedHashMap<>();
    private boolean upgradeAll;
    private final Set<ProjectName> upgrade = new LinkedHashSet<>();
    private boolean prereleases;
    private final Set<String> onlyBinary = new LinkedHashSet<>();
    private final Set<String> noBinary = new LinkedHashSet<>();
    private Optional<Instant> excludeNewer = Optional.empty();
    private int maxRounds = 100_000;

    private Builder() {}

    /**
     * Adds an input.
     *
     * @param input the input
     * @return this builder
     */
    public Builder input(LockInput input) {
      inputs.add(Objects.requireNonNull(input, "input"));
      return this;
    }

    /**
     * Adds a target.
     *
     * @param target the target
     * @return this builder
     */
    public Builder target(Target target) {
      targets.add(Objects.requireNonNull(target, "target"));
      return this;
    }

    /**
     * Adds an extra of the inputs.
     *
     * @param extra the extra's name
     * @return this builder
     */
    public Builder extra(String extra) {
      extras.add(ProjectName.canonicalize(extra));
      return this;
    }

    /**
     * Installs every extra the inputs declare.
     *
     * @param all whether to
     * @return this builder
     */
    public Builder allExtras(boolean all) {
      this.allExtras = all;
      return this;
    }

    /**
     * Adds a dependency group of the inputs.
     *
     * @param group the group's name
     * @return this builder
     */
    public Builder group(String group) {
      groups.add(ProjectName.canonicalize(group));
      return this;
    }

    /**
     * Adds a constraint: it limits versions without adding a requirement.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public Builder constraint(Requirement constraint) {
      constraints.add(Objects.requireNonNull(constraint, "constraint"));
      return this;
    }

    /**
     * Adds an override: it replaces every requirement of its name.
     *
     * @param override the override
     * @return this builder
     */
    public Builder override(Requirement override) {
      overrides.add(Objects.requireNonNull(override, "override"));
      return this;
    }

    /**
     * The pins of an existing lock for {@code arch}, tried first.
     *
     * @param arch the machine name
     * @param pins the pins
     * @return this builder
     */
    public Builder preferences(String arch, Map<ProjectName, Version> pins) {
      preferences.put(arch, Map.copyOf(pins));
      return this;
    }

    /**
     * Upgrades every package instead of keeping the preferred pins.
     *
     * @param upgradeAll whether to
     * @return this builder
     */
    public Builder upgradeAll(boolean upgradeAll) {
      this.upgradeAll = upgradeAll;
      return this;
    }

    /**
     * Upgrades a package instead of keeping its preferred pin.
     *
     * @param name the project
     * @return this builder
     */
    public Builder upgrade(ProjectName name) {
      upgrade.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * Allows pre-releases.
     *
     * @param allow whether to
     * @return this builder
     */
    public Builder prereleases(boolean allow) {
      this.prereleases = allow;
      return this;
    }

    /**
     * A project name or {@link #ALL}.
     *
     * @param name the project, or {@link #ALL}
     * @return this builder
     */
    public Builder onlyBinary(String name) {
      onlyBinary.add(name.equals(ALL) ? ALL : ProjectName.canonicalize(name));
      return this;
    }

    /**
     * A project name or {@link #ALL}.
     *
     * @param name the project, or {@link #ALL}
     * @return this builder
     */
    public Builder noBinary(String name) {
      noBinary.add(name.equals(ALL) ? ALL : ProjectName.canonicalize(name));
      return this;
    }

    /**
     * Ignores files uploaded after {@code instant}.
     *
     * @param instant the cut-off
     * @return this builder
     */
    public Builder excludeNewer(Instant instant) {
      this.excludeNewer = Optional.of(instant);
      return this;
    }

    /**
     * The most resolution rounds before giving up.
     *
     * @param rounds the limit
     * @return this builder
     */
    public Builder maxRounds(int rounds) {
      this.maxRounds = rounds;
      return this;
    }

    /**
     * The request.
     *
     * @return the request
     */
    public LockRequest build() {
      return new LockRequest(
          inputs,
          targets,
          extras,
          allExtras,
          groups,
          constraints,
          overrides,
          preferences,
          upgradeAll,
          upgrade,
          prereleases,
          onlyBinary,
          noBinary,
          excludeNewer,
          maxRounds);
    }
  }
}
