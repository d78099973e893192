package io.pyhermetic.builddeps;

import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.sdist.SdistReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How build dependencies are resolved. Immutable; start from {@link #builder()}.
 *
 * @param targets the machines the builds run on; markers and {@code Requires-Python} are evaluated
 *     for each (default: x86_64 with Python 3.12)
 * @param binaryFor empty for source-only mode (every package gets a build environment, as
 *     pybuild-deps does); otherwise only packages without an installable wheel for one of these
 *     targets, per the audit, get one
 * @param skipMissingSdist skip packages that need building but have no sdist (listed in the result)
 *     instead of failing
 * @param constraints user constraints ({@code --constraint}): applied to every environment in which
 *     their project appears, like pip's {@code -c}
 * @param extraRequirements build requirements to add whenever a package's declared build
 *     requirements name the key project (for backends that add requirements dynamically)
 * @param concurrency how many packages are inspected and resolved at once
 * @param sdistLimits limits on each sdist archive
 * @param workDirectory where sdists are downloaded to, briefly
 * @param maxResolutionRounds how many versions one environment's resolution may try before it is
 *     given up as too complex
 */
public record BuildDepsOptions(
    List<Target> targets,
    List<Target> binaryFor,
    boolean skipMissingSdist,
    List<Requirement> constraints,
    Map<ProjectName, List<Requirement>> extraRequirements,
    int concurrency,
    SdistReader.Limits sdistLimits,
    Path workDirectory,
    int maxResolutionRounds) {

  /**
   * Validates and copies the options.
   *
   * @throws IllegalArgumentException without targets, or with a concurrency or a resolution budget
   *     below 1
   * @param targets see {@link #targets()}
   * @param binaryFor see {@link #binaryFor()}
   * @param skipMissingSdist see {@link #skipMissingSdist()}
   * @param constraints see {@link #constraints()}
   * @param extraRequirements see {@link #extraRequirements()}
   * @param concurrency see {@link #concurrency()}
   * @param sdistLimits see {@link #sdistLimits()}
   * @param workDirectory see {@link #workDirectory()}
   * @param maxResolutionRounds see {@link #maxResolutionRounds()}
   */
  public BuildDepsOptions {
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target is needed");
    }
    binaryFor = List.copyOf(binaryFor);
    constraints = List.copyOf(constraints);
    Map<ProjectName, List<Requirement>> extras = new LinkedHashMap<>();
    extraRequirements.forEach((k, v) -> extras.put(k, List.copyOf(v)));
    extraRequirements = Collections.unmodifiableMap(extras);
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    if (maxResolutionRounds < 1) {
      throw new IllegalArgumentException("maxResolutionRounds must be at least 1");
    }
    Objects.requireNonNull(sdistLimits, "sdistLimits");
    Objects.requireNonNull(workDirectory, "workDirectory");
  }

  /**
   * Whether only packages without wheels get build environments.
   *
   * @return whether {@link #binaryFor()} names targets
   */
  public boolean isBinaryFor() {
    return !binaryFor.isEmpty();
  }

  /**
   * A builder with the defaults: x86_64 with Python 3.12, source-only, 16 packages at once.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.targets = new ArrayList<>(targets);
    b.binaryFor = new ArrayList<>(binaryFor);
    b.skipMissingSdist = skipMissingSdist;
    b.constraints = new ArrayList<>(constraints);
    b.extraRequirements = new LinkedHashMap<>(extraRequirements);
    b.concurrency = concurrency;
    b.sdistLimits = sdistLimits;
    b.workDirectory = workDirectory;
    b.maxResolutionRounds = maxResolutionRounds;
    return b;
  }

  /** A mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private List<Target> targets = new ArrayList<>(List.of(Target.linux("x86_64", "3.12")));
    private List<Target> binaryFor = new ArrayList<>();
    private boolean skipMissingSdist;
    private List<Requirement> constraints = new ArrayList<>();
    private Map<ProjectName, List<Requirement>> extraRequirements = new LinkedHashMap<>();
    private int concurrency = 16; // the index's own default: packages mostly wait on it
    private SdistReader.Limits sdistLimits = SdistReader.Limits.defaults();
    private Path workDirectory =
        Path.of(System.getProperty("java.io.tmpdir"), "pyhermetic-build-deps");
    private int maxResolutionRounds = 5000;

    private Builder() {}

    /**
     * The targets whose build environments are resolved.
     *
     * @param value the targets, at least one by {@link #build()}
     * @return this builder
     */
    public Builder targets(List<Target> value) {
      this.targets = new ArrayList<>(value);
      return this;
    }

    /**
     * Switches to {@code --binary-for} mode for these targets (empty: source-only).
     *
     * @param value the targets that install wheels where they can
     * @return this builder
     */
    public Builder binaryFor(List<Target> value) {
      this.binaryFor = new ArrayList<>(value);
      return this;
    }

    /**
     * Whether a package without sdist is skipped (a warning) rather than an error.
     *
     * @param value true to skip
     * @return this builder
     */
    public Builder skipMissingSdist(boolean value) {
      this.skipMissingSdist = value;
      return this;
    }

    /**
     * User constraints every build environment obeys.
     *
     * @param value the constraints; their markers are evaluated per target
     * @return this builder
     */
    public Builder constraints(List<Requirement> value) {
      this.constraints = new ArrayList<>(value);
      return this;
    }

    /**
     * Adds {@code requirements} to every package whose declared build requirements name {@code
     * backend} (for example scikit-build-core → {@code cmake>=3.15}, {@code ninja>=1.5}).
     *
     * @param backend the build backend's project
     * @param requirements what its packages need besides what they declare
     * @return this builder
     */
    public Builder extraRequirements(ProjectName backend, List<Requirement> requirements) {
      this.extraRequirements.put(backend, List.copyOf(requirements));
      return this;
    }

    /**
     * How many packages are inspected at once.
     *
     * @param value at least 1 by {@link #build()}
     * @return this builder
     */
    public Builder concurrency(int value) {
      this.concurrency = value;
      return this;
    }

    /**
     * The limits an sdist is read within.
     *
     * @param value the limits
     * @return this builder
     */
    public Builder sdistLimits(SdistReader.Limits value) {
      this.sdistLimits = value;
      return this;
    }

    /**
     * Where sdists are downloaded while they are read.
     *
     * @param value a directory, created when missing
     * @return this builder
     */
    public Builder workDirectory(Path value) {
      this.workDirectory = value;
      return this;
    }

    /**
     * How many candidate versions one build environment may try in all.
     *
     * @param value at least 1 by {@link #build()}
     * @return this builder
     */
    public Builder maxResolutionRounds(int value) {
      this.maxResolutionRounds = value;
      return this;
    }

    /**
     * The options.
     *
     * @return the validated options
     * @throws IllegalArgumentException as {@link BuildDepsOptions#BuildDepsOptions} does
     */
    public BuildDepsOptions build() {
      return new BuildDepsOptions(
          targets,
          binaryFor,
          skipMissingSdist,
          constraints,
          extraRequirements,
          concurrency,
          sdistLimits,
          workDirectory,
          maxResolutionRounds);
    }
  }
}
