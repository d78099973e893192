package io.pyhermetic.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.requirement.MarkerEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hermetic multi-architecture build handed to {@code podman farm build} (podman 4.9 or later),
 * which builds each architecture natively on a node of that platform and bundles the images into
 * one manifest list: Hermeto's fetch per architecture into the build context (left out when the
 * files are there already), the env file copied into the context, and one farm build.
 *
 * <p>What podman's farm build does, and this plan follows from:
 *
 * <ul>
 *   <li>Only the build context directory (and the Containerfile) travels to the nodes; a {@code
 *       --volume} would name a path on the node. So the prefetched outputs and the env file are
 *       read from the context, never mounted.
 *   <li>Every node gets the same options and build arguments; only its platform differs. So there
 *       is no {@code --build-arg} per architecture: the Containerfile picks its own.
 *   <li>Each node pushes its image to the repository named by {@code --tag}, and the manifest list
 *       is pushed there too, so the image is a full registry reference (podman requires a '/').
 *   <li>Without {@code --platforms} it builds one image per native platform of the farm's nodes.
 *       {@code --platforms} is not passed: it compares platform names literally, and arm64 nodes
 *       call themselves {@code linux/arm64/v8}.
 *   <li>With its {@code --local} default (podman on Linux; a remote client has no such flag), this
 *       machine builds its own platform too, asked for or not: {@code --local=false} when this
 *       machine's architecture is not planned.
 * </ul>
 *
 * @param settings the settings the plan was made from
 * @param fetches Hermeto's fetch per architecture (empty when the files were prefetched)
 * @param envFile the env file copied into the build context, when the farm needs it there
 * @param build the {@code podman farm build} command
 */
public record FarmPlan(
    Settings settings, List<Command> fetches, Optional<FileCopy> envFile, Command build) {

  /** Where the env file goes in the build context. */
  public static final String ENV_FILE = "hermeto.env";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checks that no component is null and copies the list.
   *
   * @param settings the settings the plan was made from
   * @param fetches Hermeto's fetch per architecture (empty when the files were prefetched)
   * @param envFile the env file copied into the build context, when the farm needs it there
   * @param build the {@code podman farm build} command
   */
  public FarmPlan {
    Objects.requireNonNull(settings, "settings");
    fetches = List.copyOf(fetches);
    Objects.requireNonNull(envFile, "envFile");
    Objects.requireNonNull(build, "build");
  }

  /**
   * Everything a farm build needs; paths are made absolute when the plan is built.
   *
   * @param farm the farm's name, as {@code podman farm list} shows it
   * @param image the manifest list, a full registry reference: the farm pushes to it
   * @param context the build context directory
   * @param containerfile the Containerfile, relative to the context
   * @param hermetoConfigs Hermeto's input JSON per architecture (machine names, in build order)
   * @param prefetched the directory holding {@code hermeto-output-<arch>} when the files were
   *     fetched already; it must be the context (the only directory the nodes get)
   * @param envFile the plan's {@code hermeto.env}, copied into the context
   * @param hermetoImage the Hermeto container image that fetches the dependencies
   * @param timeout how long each command may run
   * @param localMachine the architecture podman builds on this machine with its {@code --local}
   *     default; empty where podman is a remote client (not on Linux)
   */
  public record Settings(
      String farm,
      String image,
      Path context,
      String containerfile,
      Map<String, String> hermetoConfigs,
      Optional<Path> prefetched,
      Path envFile,
      String hermetoImage,
      Duration timeout,
      Optional<String> localMachine) {
    /**
     * Checks that no component is null and copies the collections.
     *
     * @param farm the farm's name, as {@code podman farm list} shows it
     * @param image the manifest list, a full registry reference: the farm pushes to it
     * @param context the build context directory
     * @param containerfile the Containerfile, relative to the context
     * @param hermetoConfigs Hermeto's input JSON per architecture (machine names, in build order)
     * @param prefetched the directory holding {@code hermeto-output-<arch>} when the files were
     *     fetched already; it must be the context (the only directory the nodes get)
     * @param envFile the plan's {@code hermeto.env}, copied into the context
     * @param hermetoImage the Hermeto container image that fetches the dependencies
     * @param timeout how long each command may run
     * @param localMachine the architecture podman builds on this machine with its {@code --local}
     *     default; empty where podman is a remote client (not on Linux)
     */
    public Settings {
      Objects.requireNonNull(farm, "farm");
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(containerfile, "containerfile");
      hermetoConfigs = HermetoConfigs.copyOf(hermetoConfigs);
      Objects.requireNonNull(prefetched, "prefetched");
      Objects.requireNonNull(envFile, "envFile");
      Objects.requireNonNull(hermetoImage, "hermetoImage");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(localMachine, "localMachine");
    }

    private Path absoluteContext() {
      return context.toAbsolutePath().normalize();
    }
  }

  /**
   * Why these settings (and the Containerfile's text, when it could be read) cannot make a farm
   * build, every reason at once; empty when they can.
   *
   * @param s the settings
   * @param containerfileText the Containerfile's text, when it could be read
   * @return every reason the build cannot be planned
   */
  public static List<String> problems(Settings s, Optional<String> containerfileText) {
    List<String> problems = new ArrayList<>();
    if (s.farm().isBlank() || s.farm().startsWith("-")) {
      problems.add(
          "'" + s.farm() + "' is not a farm name (podman farm list shows the farms there are)");
    }
    if (!s.image().contains("/")) {
      problems.add(
          "with --farm every node pushes its image to a registry and the manifest list is pushed"
              + " there too, so --image must be a full reference such as"
              + " registry.example.com/team/app:1.0, not '"
              + s.image()
              + "'");
    }
    if (s.prefetched().isPresent()
        && !s.prefetched().get().toAbsolutePath().normalize().equals(s.absoluteContext())) {
      problems.add(
          "with --farm the prefetched files must be in the build context, the only directory podman"
              + " farm build sends to its nodes: write them with pyhermetic prefetch -o "
              + s.absoluteContext().resolve("hermeto-output-<arch>")
              + " and pass --prefetched "
              + s.absoluteContext()
              + " (not "
              + s.prefetched().get()
              + ")");
    }
    if (containerfileText.isPresent()
        && containerfileText.get().contains("TARGETARCH")
        && PodmanPlan.ArchSpelling.expectedBy(containerfileText.get())
            == PodmanPlan.ArchSpelling.MACHINE) {
      problems.add(
          s.containerfile()
              + " compares TARGETARCH with x86_64 or aarch64, a value only a --build-arg per"
              + " architecture can set, and podman farm build gives every node the same build"
              + " arguments: pick the architecture with $(uname -m) in the Containerfile instead");
    }
    return problems;
  }

  /**
   * The plan for these settings.
   *
   * @param s the settings
   * @return the plan
   * @throws IllegalArgumentException when {@link #problems} finds any, with all of them
   */
  public static FarmPlan farmBuild(Settings s) {
    List<String> problems = problems(s, Optional.empty());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Path context = s.absoluteContext();
    List<Command> fetches = new ArrayList<>();
    if (s.prefetched().isEmpty()) {
      for (Map.Entry<String, String> config : s.hermetoConfigs().entrySet()) {
        fetches.add(
            PodmanPlan.fetch(
                config.getKey(), config.getValue(), context, s.hermetoImage(), s.timeout()));
      }
    }
    Path env = s.envFile().toAbsolutePath().normalize();
    Path staged = context.resolve(ENV_FILE);
    Optional<FileCopy> envFile =
        env.equals(staged) ? Optional.empty() : Optional.of(new FileCopy(env, staged));
    List<String> argv = new ArrayList<>(List.of("podman", "farm", "build", "--farm", s.farm()));
    if (s.localMachine().isPresent() && !s.hermetoConfigs().containsKey(s.localMachine().get())) {
      argv.add("--local=false");
    }
    argv.addAll(
        List.of(
            "-f",
            context.resolve(s.containerfile()).normalize().toString(),
            "--network",
            "none",
            "--tag",
            s.image(),
            context.toString()));
    Command build = new Command("farm", argv, Optional.of(context), Map.of(), s.timeout());
    return new FarmPlan(s, fetches, envFile, build);
  }

  /**
   * The architectures this plan builds, in order.
   *
   * @return the architectures, in plan order
   */
  public Set<String> architectures() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(settings.hermetoConfigs().keySet()));
  }

  /**
   * The plan as shell lines, one step per line (for {@code --dry-run}).
   *
   * @return one line per step
   */
  public List<String> toShellLines() {
    List<String> lines = new ArrayList<>();
    for (Command fetch : fetches) {
      lines.add(fetch.toShellString());
    }
    envFile.ifPresent(copy -> lines.add(copy.toShellString()));
    lines.add(build.toShellString());
    return lines;
  }

  /**
   * The architectures (machine names) of the images in a manifest list, from {@code podman manifest
   * inspect}'s JSON.
   *
   * @param manifestJson the output of {@code podman manifest inspect}
   * @return the machine names of the images in the list
   * @throws IllegalArgumentException when the text is not a manifest list
   */
  public static Set<String> architecturesIn(String manifestJson) {
    JsonNode manifests;
    try {
      manifests = JSON.readTree(manifestJson).path("manifests");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a manifest list (not JSON)");
    }
    if (!manifests.isArray()) {
      throw new IllegalArgumentException("not a manifest list (no manifests)");
    }
    Set<String> arches = new TreeSet<>();
    for (JsonNode manifest : manifests) {
      String arch = manifest.path("platform").path("architecture").asText("");
      if (!arch.isEmpty()) {
        try {
          arches.add(MarkerEnvironment.machine(arch));
        } catch (IllegalArgumentException e) {
          arches.add(arch);
        }
      }
    }
    return arches;
  }

  /**
   * Why the manifest list the farm made is not what was planned (an architecture no node built, or
   * one the plan has no files for), or empty when it holds exactly the planned ones.
   *
   * @param built the architectures the manifest list holds
   * @return the reason, or empty when the list matches the plan
   */
  public Optional<String> checkBuilt(Set<String> built) {
    Set<String> planned = architectures();
    Set<String> missing = new LinkedHashSet<>(planned);
    missing.removeAll(built);
    Set<String> extra = new TreeSet<>(built);
    extra.removeAll(planned);
    if (missing.isEmpty() && extra.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message =
        new StringBuilder(settings.image())
            .append(" holds ")
            .append(built.isEmpty() ? "no image" : String.join(", ", built))
            .append(", not the planned ")
            .append(String.join(", ", planned));
    if (!missing.isEmpty()) {
      message
          .append(": farm ")
          .append(settings.farm())
          .append(" has no node that builds ")
          .append(String.join(", ", missing))
          .append(" natively");
    }
    if (!extra.isEmpty()) {
      message
          .append(missing.isEmpty() ? ": " : "; ")
          .append(String.join(", ", extra))
          .append(" was built by a node (or this machine) the plan has no files for");
    }
    return Optional.of(message.toString());
  }
}
