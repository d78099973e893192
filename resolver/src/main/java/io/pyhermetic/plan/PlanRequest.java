package io.pyhermetic.plan;

import io.pyhermetic.advisory.AdvisoryOptions;
import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.platform.Target;
import io.pyhermetic.progress.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to plan: the requirements (one file per architecture, or one marker-annotated file for
 * several targets), the index, the build-dependency options, where the project and the plan
 * directory are, and how the build will run. Immutable; made with {@link #builder()}.
 */
public final class PlanRequest {
  /** The Python version planned for unless another is given. */
  public static final String DEFAULT_PYTHON = "3.12";

  private final List<Path> requirementsFiles;
  private final Optional<Path> universalFile;
  private final List<String> targets;
  private final String python;
  private final String glibc;
  private final IndexLocation index;
  private final IndexSettings indexSettings;
  private final boolean skipMissingSdist;
  private final List<Path> constraintFiles;
  private final Path sourceDirectory;
  private final Path outputDirectory;
  private final boolean replaceOutput;
  private final String binaryPackages;
  private final String image;
  private final String containerfile;
  private final String hermetoImage;
  private final String commandName;
  private final ProgressListener progress;
  private final AdvisoryOptions vulnerabilities;

  private PlanRequest(Builder b) {
    this.requirementsFiles = List.copyOf(b.requirementsFiles);
    this.universalFile = b.universalFile;
    this.targets = List.copyOf(b.targets);
    this.python = b.python;
    this.glibc = b.glibc;
    this.index = b.index;
    this.indexSettings = b.indexSettings;
    this.skipMissingSdist = b.skipMissingSdist;
    this.constraintFiles = List.copyOf(b.constraintFiles);
    this.sourceDirectory = b.sourceDirectory;
    this.outputDirectory = b.outputDirectory;
    this.replaceOutput = b.replaceOutput;
    this.binaryPackages = b.binaryPackages;
    this.image = b.image;
    this.containerfile = b.containerfile;
    this.hermetoImage = b.hermetoImage;
    this.commandName = b.commandName;
    this.progress = b.progress;
    this.vulnerabilities = b.vulnerabilities;
  }

  /**
   * Where and how known vulnerabilities are looked up.
   *
   * @return the options
   */
  public AdvisoryOptions vulnerabilities() {
    return vulnerabilities;
  }

  /**
   * A builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Per-architecture files (named after their architecture), in the order given.
   *
   * @return the files
   */
  public List<Path> requirementsFiles() {
    return requirementsFiles;
  }

  /**
   * One marker-annotated file planned for every target, instead of per-architecture files.
   *
   * @return the file, or empty
   */
  public Optional<Path> universalFile() {
    return universalFile;
  }

  /**
   * The target architectures given; empty when they come from the file names.
   *
   * @return the architectures
   */
  public List<String> targets() {
    return targets;
  }

  /**
   * The CPython version of every target.
   *
   * @return the version
   */
  public String python() {
    return python;
  }

  /**
   * The glibc of every target.
   *
   * @return the glibc version
   */
  public String glibc() {
    return glibc;
  }

  /**
   * The index to ask.
   *
   * @return the index's location
   */
  public IndexLocation index() {
    return index;
  }

  /**
   * Concurrency, cache and credentials of the index.
   *
   * @return the settings
   */
  public IndexSettings indexSettings() {
    return indexSettings;
  }

  /**
   * Whether packages without an sdist are left out of the build dependencies.
   *
   * @return {@code true} to leave them out
   */
  public boolean skipMissingSdist() {
    return skipMissingSdist;
  }

  /**
   * Constraints for every build environment (such as {@code setuptools<82}).
   *
   * @return the files
   */
  public List<Path> constraintFiles() {
    return constraintFiles;
  }

  /**
   * The project checkout Hermeto reads, as given (relative paths stay relative).
   *
   * @return the directory
   */
  public Path sourceDirectory() {
    return sourceDirectory;
  }

  /**
   * The plan directory, as given; it must lie inside the source directory for Hermeto.
   *
   * @return the directory
   */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /**
   * Whether an output directory holding files that are not a plan may be replaced.
   *
   * @return {@code true} when it may be replaced
   */
  public boolean replaceOutput() {
    return replaceOutput;
  }

  /**
   * Hermeto's {@code binary.packages}.
   *
   * @return the packages, as Hermeto reads them
   */
  public String binaryPackages() {
    return binaryPackages;
  }

  /**
   * The multi-architecture image (manifest list) the build creates.
   *
   * @return the image's name
   */
  public String image() {
    return image;
  }

  /**
   * The hermetic Containerfile, relative to the source directory.
   *
   * @return the Containerfile's path
   */
  public String containerfile() {
    return containerfile;
  }

  /**
   * Hermeto's container image, for a build that fetches through Hermeto itself.
   *
   * @return the image's name
   */
  public String hermetoImage() {
    return hermetoImage;
  }

  /**
   * How the plan's next steps invoke pyhermetic ({@code pyhermetic}, {@code ./pyhermetic}).
   *
   * @return the command name
   */
  public String commandName() {
    return commandName;
  }

  /**
   * Told of each step and look-up.
   *
   * @return the listener
   */
  public ProgressListener progress() {
    return progress;
  }

  /**
   * A builder holding the same values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.requirementsFiles.addAll(requirementsFiles);
    b.universalFile = universalFile;
    b.targets.addAll(targets);
    b.python = python;
    b.glibc = glibc;
    b.index = index;
    b.indexSettings = indexSettings;
    b.skipMissingSdist = skipMissingSdist;
    b.constraintFiles.addAll(constraintFiles);
    b.sourceDirectory = sourceDirectory;
    b.outputDirectory = outputDirectory;
    b.replaceOutput = replaceOutput;
    b.binaryPackages = binaryPackages;
    b.image = image;
    b.containerfile = containerfile;
    b.hermetoImage = hermetoImage;
    b.commandName = commandName;
    b.progress = progress;
    b.vulnerabilities = vulnerabilities;
    return b;
  }

  /** Builds a {@link PlanRequest}; every value but the requirements has a default. */
  public static final class Builder {
    private final List<Path> requirementsFiles = new ArrayList<>();
    private Optional<Path> universalFile = Optional.empty();
    private final List<String> targets = new ArrayList<>();
    private String python = DEFAULT_PYTHON;
    private String glibc = Target.DEFAULT_GLIBC;
    private IndexLocation index = IndexLocation.pypi();
    private IndexSettings indexSettings = IndexSettings.defaults();
    private boolean skipMissingSdist;
    private final List<Path> constraintFiles = new ArrayList<>();
    private Path sourceDirectory = Path.of(".");
    private Path outputDirectory = Path.of("plan");
    private boolean replaceOutput;
    private String binaryPackages = PipBinaryFilters.ALL;
    private String image = "hermetic-build";
    private String containerfile = "Containerfile.hermeto";
    private String hermetoImage = PodmanPlan.HERMETO_IMAGE;
    private String commandName = "pyhermetic";
    private ProgressListener progress = ProgressListener.NONE;
    private AdvisoryOptions vulnerabilities = AdvisoryOptions.defaults();

    private Builder() {}

    /**
     * Whether the audit looks known vulnerabilities up (default: yes, where the index is PyPI's
     * JSON API or an OSV URL is given; see {@link io.pyhermetic.advisory.AdvisoryLookup#forIndex}).
     *
     * @param check whether to look vulnerabilities up
     * @return this builder
     */
    public Builder vulnerabilities(boolean check) {
      vulnerabilities = vulnerabilities.toBuilder().enabled(check).build();
      return this;
    }

    /**
     * Where and how known vulnerabilities are looked up.
     *
     * @param options the options
     * @return this builder
     */
    public Builder vulnerabilities(AdvisoryOptions options) {
      vulnerabilities = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Adds a per-architecture file; its name says the architecture unless targets are given.
     *
     * @param file the file
     * @return this builder
     */
    public Builder requirementsFile(Path file) {
      requirementsFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * One marker-annotated file for every {@link #target}.
     *
     * @param file the file
     * @return this builder
     */
    public Builder universalFile(Path file) {
      universalFile = Optional.of(file);
      return this;
    }

    /**
     * Adds a target architecture: {@code x86_64}, {@code aarch64}, {@code ppc64le}, {@code s390x}.
     *
     * @param arch the machine name
     * @return this builder
     */
    public Builder target(String arch) {
      targets.add(Objects.requireNonNull(arch, "arch"));
      return this;
    }

    /**
     * The CPython version of every target (default {@value #DEFAULT_PYTHON}).
     *
     * @param version the Python version
     * @return this builder
     */
    public Builder python(String version) {
      python = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * The glibc of every target, the manylinux floor (default {@link Target#DEFAULT_GLIBC}).
     *
     * @param version the glibc version
     * @return this builder
     */
    public Builder glibc(String version) {
      glibc = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * The index to ask (default: PyPI's JSON API).
     *
     * @param location the index's location
     * @return this builder
     */
    public Builder index(IndexLocation location) {
      index = Objects.requireNonNull(location, "location");
      return this;
    }

    /**
     * Concurrency, cache, credentials (default {@link IndexSettings#defaults()}).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder indexSettings(IndexSettings settings) {
      indexSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Leave packages without an sdist out of the build dependencies, listing them.
     *
     * @param skip whether to leave them out
     * @return this builder
     */
    public Builder skipMissingSdist(boolean skip) {
      skipMissingSdist = skip;
      return this;
    }

    /**
     * Adds a constraints file for every build environment.
     *
     * @param file the file
     * @return this builder
     */
    public Builder constraintFile(Path file) {
      constraintFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * The project checkout Hermeto reads (default: the current directory).
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder sourceDirectory(Path directory) {
      sourceDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The plan directory, inside the source directory (default {@code plan}).
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder outputDirectory(Path directory) {
      outputDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Allow replacing an output directory that holds something other than a plan.
     *
     * @param replace whether it may be replaced
     * @return this builder
     */
    public Builder replaceOutput(boolean replace) {
      replaceOutput = replace;
      return this;
    }

    /**
     * Hermeto's {@code binary.packages} (default {@code :all:}).
     *
     * @param packages the packages, as Hermeto reads them
     * @return this builder
     */
    public Builder binaryPackages(String packages) {
      binaryPackages = Objects.requireNonNull(packages, "packages");
      return this;
    }

    /**
     * The manifest list the build creates (default {@code hermetic-build}).
     *
     * @param name the image's name
     * @return this builder
     */
    public Builder image(String name) {
      image = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The hermetic Containerfile, relative to the source (default {@code Containerfile.hermeto}).
     *
     * @param file the Containerfile's path
     * @return this builder
     */
    public Builder containerfile(String file) {
      containerfile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Hermeto's container image (default: the short name podman resolves).
     *
     * @param imageName the image's name
     * @return this builder
     */
    public Builder hermetoImage(String imageName) {
      hermetoImage = Objects.requireNonNull(imageName, "imageName");
      return this;
    }

    /**
     * How the next steps invoke pyhermetic (default {@code pyhermetic}).
     *
     * @param name the command name
     * @return this builder
     */
    public Builder commandName(String name) {
      commandName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Told of each step and look-up as the plan is computed.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The request.
     *
     * @return the request
     */
    public PlanRequest build() {
      return new PlanRequest(this);
    }
  }
}
