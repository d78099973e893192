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
 *
 * @param requirementsFiles per-architecture files (named after their architecture), in the order
 *     given
 * @param universalFile one marker-annotated file planned for every target, instead of
 *     per-architecture files
 * @param targets the target architectures given; empty when they come from the file names
 * @param python the CPython version of every target
 * @param glibc the glibc of every target
 * @param index the index to ask
 * @param indexSettings concurrency, cache and credentials of the index
 * @param skipMissingSdist whether packages without an sdist are left out of the build dependencies
 * @param constraintFiles constraints for every build environment (such as {@code setuptools<82})
 * @param sourceDirectory the project checkout Hermeto reads, as given (relative paths stay
 *     relative)
 * @param outputDirectory the plan directory, as given; it must lie inside the source directory for
 *     Hermeto
 * @param replaceOutput whether an output directory holding files that are not a plan may be
 *     replaced
 * @param binaryPackages Hermeto's {@code binary.packages}
 * @param image the multi-architecture image (manifest list) the build creates
 * @param containerfile the hermetic Containerfile, relative to the source directory
 * @param hermetoImage Hermeto's container image, for a build that fetches through Hermeto itself
 * @param commandName how the plan's next steps invoke pyhermetic ({@code pyhermetic}, {@code
 *     ./pyhermetic})
 * @param progress told of each step and look-up
 * @param vulnerabilities where and how known vulnerabilities are looked up
 */
public record PlanRequest(
    List<Path> requirementsFiles,
    Optional<Path> universalFile,
    List<String> targets,
    String python,
    String glibc,
    IndexLocation index,
    IndexSettings indexSettings,
    boolean skipMissingSdist,
    List<Path> constraintFiles,
    Path sourceDirectory,
    Path outputDirectory,
    boolean replaceOutput,
    String binaryPackages,
    String image,
    String containerfile,
    String hermetoImage,
    String commandName,
    ProgressListener progress,
    AdvisoryOptions vulnerabilities) {
  /** The Python version planned for unless another is given. */
  public static final String DEFAULT_PYTHON = "3.12";

  /**
   * Copies the lists and checks that nothing is null.
   *
   * @param requirementsFiles see {@link #requirementsFiles()}
   * @param universalFile see {@link #universalFile()}
   * @param targets see {@link #targets()}
   * @param python see {@link #python()}
   * @param glibc see {@link #glibc()}
   * @param index see {@link #index()}
   * @param indexSettings see {@link #indexSettings()}
   * @param skipMissingSdist see {@link #skipMissingSdist()}
   * @param constraintFiles see {@link #constraintFiles()}
   * @param sourceDirectory see {@link #sourceDirectory()}
   * @param outputDirectory see {@link #outputDirectory()}
   * @param replaceOutput see {@link #replaceOutput()}
   * @param binaryPackages see {@link #binaryPackages()}
   * @param image see {@link #image()}
   * @param containerfile see {@link #containerfile()}
   * @param hermetoImage see {@link #hermetoImage()}
   * @param commandName see {@link #commandName()}
   * @param progress see {@link #progress()}
   * @param vulnerabilities see {@link #vulnerabilities()}
   */
  public PlanRequest {
    requirementsFiles = List.copyOf(requirementsFiles);
    Objects.requireNonNull(universalFile, "universalFile");
    targets = List.copyOf(targets);
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(glibc, "glibc");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(indexSettings, "indexSettings");
    constraintFiles = List.copyOf(constraintFiles);
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(binaryPackages, "binaryPackages");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(containerfile, "containerfile");
    Objects.requireNonNull(hermetoImage, "hermetoImage");
    Objects.requireNonNull(commandName, "commandName");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(vulnerabilities, "vulnerabilities");
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
      return new PlanRequest(
          requirementsFiles,
          universalFile,
          targets,
          python,
          glibc,
          index,
          indexSettings,
          skipMissingSdist,
          constraintFiles,
          sourceDirectory,
          outputDirectory,
          replaceOutput,
          binaryPackages,
          image,
          containerfile,
          hermetoImage,
          commandName,
          progress,
          vulnerabilities);
    }
  }
}
