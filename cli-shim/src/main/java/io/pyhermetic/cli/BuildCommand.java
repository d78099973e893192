package io.pyhermetic.cli;

import io.pyhermetic.container.FarmPlan;
import io.pyhermetic.container.FileCopy;
import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.container.PodmanVersion;
import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.requirement.MarkerEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyhermetic build}: run the podman steps of a plan directory. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description =
        "Run the hermetic multi-architecture build of a plan directory (hermeto-<arch>.json and"
            + " hermeto.env): Hermeto's fetch per architecture, an optional base image, and one"
            + " --network none podman build per architecture into one manifest list (--prefetched"
            + " skips the fetch and uses files pyhermetic prefetch wrote); with --farm, one podman"
            + " farm build instead (see below)."
            + " --dry-run prints the commands and runs nothing.",
    footerHeading = "%nBuilding on a podman farm (--farm NAME):%n",
    footer = {
      "podman farm build (podman 4.9 or later, here and on every node) builds each architecture"
          + " natively on a node of the farm: one image per native platform of its nodes, and of"
          + " this machine when its architecture is planned (architectures no node has are not"
          + " emulated: the manifest list is checked to hold exactly the planned ones). Each node"
          + " pushes its image to the registry --image names, and the manifest list is pushed"
          + " there too, so --image must be a full reference (registry.example.com/team/app:1.0).",
      "The nodes get the build context and nothing else: --volume would name their own paths,"
          + " so nothing is mounted. Hermeto's fetch writes hermeto-output-<arch> into the"
          + " context (with --prefetched, DIR must be the context), pyhermetic copies hermeto.env"
          + " into it, and the Containerfile links its own architecture's files, found with"
          + " $(uname -m), to /tmp/hermeto-output, the path hermeto.env names:",
      "  RUN --mount=type=bind,source=.,target=/tmp/context \\",
      "      ln -s /tmp/context/hermeto-output-$(uname -m) /tmp/hermeto-output && \\",
      "      . /tmp/context/hermeto.env && \\",
      "      pip install -r /tmp/context/requirements-$(uname -m).txt && \\",
      "      rm /tmp/hermeto-output",
      "Where SELinux denies reading the mount, add relabel=private to it. The context's",
      ".containerignore must not leave out hermeto-output-* or hermeto.env.",
      "Every node gets the same build arguments, so a Containerfile that compares TARGETARCH"
          + " with x86_64 or aarch64 is refused, and so is --base-containerfile (its images would"
          + " not be on the nodes: build the base with podman farm build and name it in FROM).",
    })
final class BuildCommand implements Callable<Integer> {
  private static final Pattern CONFIG = Pattern.compile("hermeto-(.+)\\.json");

  /** The time limit of a question to podman (its version, its farms, a manifest list). */
  private static final Duration PROBE = Duration.ofMinutes(1);

  @Option(
      names = "--plan",
      required = true,
      paramLabel = "DIR",
      description = "The plan directory.")
  Path plan;

  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      description =
          "Build only these architectures (repeatable; with --farm, the ones its nodes must"
              + " build).")
  List<String> arches;

  @Option(
      names = "--image",
      defaultValue = "hermetic-build",
      paramLabel = "NAME",
      description =
          "The manifest list to create (default: ${DEFAULT-VALUE}); with --farm, the full"
              + " registry reference it is pushed to.")
  String image;

  @Option(
      names = "--context",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The build context and Hermeto source (default: the current directory).")
  Path context;

  @Option(
      names = "--containerfile",
      defaultValue = "Containerfile.hermeto",
      paramLabel = "FILE",
      description = "The hermetic Containerfile (default: ${DEFAULT-VALUE}).")
  String containerfile;

  @Option(
      names = "--base-containerfile",
      paramLabel = "FILE",
      description = "Build this base image per architecture first.")
  String baseContainerfile;

  @Option(
      names = "--prefetched",
      paramLabel = "DIR",
      description =
          "Use the files already fetched into DIR/hermeto-output-<arch> (as pyhermetic prefetch"
              + " -o writes them) instead of running Hermeto's fetch.")
  Path prefetched;

  @Option(
      names = "--timeout-minutes",
      defaultValue = "120",
      paramLabel = "N",
      description = "Time limit per step (default: ${DEFAULT-VALUE}).")
  long timeoutMinutes;

  @Option(
      names = "--dry-run",
      description = "Print the commands, shell-quoted, one per line; run nothing.")
  boolean dryRun;

  @Option(
      names = "--farm",
      paramLabel = "NAME",
      description =
          "Build each architecture natively on this podman farm (podman farm build; see below)"
              + " and push the images and the manifest list to the registry --image names.")
  String farm;

  @Mixin HermetoImageOption hermeto;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> configs = readConfigs();
    if (farm != null) {
      return farmBuild(configs);
    }
    if (prefetched != null) {
      checkPrefetched(configs.keySet());
    }
    PodmanPlan.ArchSpelling spelling =
        readContainerfile()
            .map(PodmanPlan.ArchSpelling::expectedBy)
            .orElse(PodmanPlan.ArchSpelling.PLATFORM);
    PodmanPlan podman =
        PodmanPlan.hermeticBuild(
            new PodmanPlan.Settings(
                image,
                context,
                containerfile,
                Optional.ofNullable(baseContainerfile),
                configs,
                plan.resolve("hermeto.env"),
                spelling,
                hermeto.image,
                Duration.ofMinutes(timeoutMinutes),
                Optional.ofNullable(prefetched)));
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      for (io.pyhermetic.container.Command c : podman.commands()) {
        out.println(c.toShellString());
      }
      out.flush();
      return ExitCodes.OK;
    }
    ProcessRunner runner = new ProcessRunner(searchPath(), out, spec.commandLine().getErr());
    // an earlier build's manifest list would make "manifest create" fail: this build replaces it
    Duration probe = PROBE;
    if (runner.exitCode(
            io.pyhermetic.container.Command.of(
                "manifest", List.of("podman", "manifest", "exists", image), probe))
        == 0) {
      io.pyhermetic.container.Command remove =
          io.pyhermetic.container.Command.of(
              "manifest", List.of("podman", "manifest", "rm", image), probe);
      out.println("$ " + remove.toShellString());
      out.flush();
      runner.run(remove);
    }
    boolean manifestCreated = false;
    try {
      for (io.pyhermetic.container.Command c : podman.commands()) {
        out.println("$ " + c.toShellString());
        out.flush();
        runner.run(c);
        manifestCreated |= c.argv().containsAll(List.of("manifest", "create"));
      }
    } catch (CliException e) {
      // a failed build leaves no manifest list that looks like a result
      if (manifestCreated) {
        runner.exitCode(
            io.pyhermetic.container.Command.of(
                "manifest", List.of("podman", "manifest", "rm", image), probe));
      }
      throw e;
    }
    out.println("built " + image + " for " + String.join(", ", configs.keySet()));
    return ExitCodes.OK;
  }

  /** The build handed to {@code podman farm build}: checked, then run or printed. */
  private int farmBuild(Map<String, String> configs) {
    FarmPlan.Settings settings =
        new FarmPlan.Settings(
            farm,
            image,
            context,
            containerfile,
            configs,
            Optional.ofNullable(prefetched),
            plan.resolve("hermeto.env"),
            hermeto.image,
            Duration.ofMinutes(timeoutMinutes),
            localMachine());
    List<String> problems = new ArrayList<>();
    if (baseContainerfile != null) {
      problems.add(
          "--base-containerfile cannot be combined with --farm: the base images it builds here"
              + " would not be on the farm's nodes (build the base with podman farm build and"
              + " name it in FROM)");
    }
    problems.addAll(FarmPlan.problems(settings, readContainerfile()));
    if (!problems.isEmpty()) {
      throw new CliException(String.join("\n  ", problems), ExitCodes.USAGE);
    }
    if (prefetched != null) {
      checkPrefetched(configs.keySet());
    }
    FarmPlan farmPlan = FarmPlan.farmBuild(settings);
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      farmPlan.toShellLines().forEach(out::println);
      out.flush();
      return ExitCodes.OK;
    }
    ProcessRunner runner = new ProcessRunner(searchPath(), out, spec.commandLine().getErr());
    checkFarm(runner);
    for (io.pyhermetic.container.Command c : farmPlan.fetches()) {
      out.println("$ " + c.toShellString());
      out.flush();
      runner.run(c);
    }
    if (farmPlan.envFile().isPresent()) {
      FileCopy copy = farmPlan.envFile().get();
      out.println("$ " + copy.toShellString());
      out.flush();
      copyAtomically(copy);
    }
    out.println("$ " + farmPlan.build().toShellString());
    out.flush();
    runner.run(farmPlan.build());
    // the farm builds what its nodes can: say "built" only for a list of exactly the plan's arches
    List<String> inspected =
        runner.output(
            io.pyhermetic.container.Command.of(
                "manifest", List.of("podman", "manifest", "inspect", image), PROBE));
    Set<String> built;
    try {
      built = FarmPlan.architecturesIn(String.join("\n", inspected));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "podman farm build finished, but podman manifest inspect "
              + image
              + " shows "
              + e.getMessage(),
          ExitCodes.PODMAN);
    }
    Optional<String> mismatch = farmPlan.checkBuilt(built);
    if (mismatch.isPresent()) {
      throw new CliException("podman farm build finished, but " + mismatch.get(), ExitCodes.PODMAN);
    }
    out.println(
        "built "
            + image
            + " for "
            + String.join(", ", farmPlan.architectures())
            + " on farm "
            + farm
            + " and pushed it");
    return ExitCodes.OK;
  }

  /** Podman has farm build (4.9 or later) and knows the farm, before anything runs. */
  private void checkFarm(ProcessRunner runner) {
    String printed =
        runner
            .output(
                io.pyhermetic.container.Command.of(
                    "podman",
                    List.of("podman", "version", "--format", "{{.Client.Version}}"),
                    PROBE))
            .stream()
            .filter(line -> !line.isBlank())
            .findFirst()
            .orElse("");
    PodmanVersion version =
        PodmanVersion.tryParse(printed)
            .orElseThrow(
                () ->
                    new CliException(
                        "cannot tell podman's version from '" + printed + "'", ExitCodes.PODMAN));
    if (!version.isAtLeast(PodmanVersion.FARM_BUILD)) {
      throw new CliException(
          "podman "
              + version
              + " has no farm build, which came with podman "
              + PodmanVersion.FARM_BUILD
              + ": upgrade podman (every node of the farm needs it too), or build under"
              + " emulation without --farm",
          ExitCodes.PODMAN);
    }
    List<String> farms =
        runner
            .output(
                io.pyhermetic.container.Command.of(
                    "podman", List.of("podman", "farm", "list", "--format", "{{.Name}}"), PROBE))
            .stream()
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();
    if (!farms.contains(farm)) {
      throw new CliException(
          "podman knows no farm named "
              + farm
              + " (podman farm list shows "
              + (farms.isEmpty() ? "none" : String.join(", ", farms))
              + "; make one with podman farm create "
              + farm
              + " CONNECTION...)",
          ExitCodes.PODMAN);
    }
  }

  /** Writes a copy beside the target and renames it, so the target is whole or untouched. */
  private static void copyAtomically(FileCopy copy) {
    try {
      AtomicFiles.write(copy.to(), Files.readAllBytes(copy.from()));
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(
          "cannot copy " + copy.from() + " to " + copy.to() + ": " + e.getMessage(),
          ExitCodes.USAGE);
    }
  }

  /**
   * The architecture podman on this machine builds with its {@code --local} default; empty off
   * Linux, where podman is a remote client without that flag.
   */
  static Optional<String> localMachine() {
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      return Optional.empty();
    }
    String arch = System.getProperty("os.arch", "");
    try {
      return Optional.of(MarkerEnvironment.machine(arch));
    } catch (IllegalArgumentException e) {
      return Optional.of(arch);
    }
  }

  /** The Containerfile's text, when there is one to read. */
  private Optional<String> readContainerfile() {
    Path containerPath = context.resolve(containerfile);
    if (!Files.isRegularFile(containerPath)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(containerPath, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException(
          "cannot read " + containerPath + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** The PATH to find podman on (a system property lets tests point it elsewhere). */
  static String searchPath() {
    return System.getProperty("pyhermetic.path", System.getenv("PATH"));
  }

  /** Every architecture built needs its fetched files, with the build config Hermeto writes. */
  private void checkPrefetched(Set<String> arches) {
    List<String> missing = new ArrayList<>();
    for (String arch : arches) {
      Path output = prefetched.resolve(PodmanPlan.outputDir(arch));
      if (!Files.isDirectory(output.resolve("deps/pip"))
          || !Files.isRegularFile(output.resolve(".build-config.json"))) {
        missing.add(output.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new CliException(
          "not a prefetched output (deps/pip and .build-config.json): "
              + String.join(", ", missing)
              + " (write it with pyhermetic prefetch -o)",
          ExitCodes.USAGE);
    }
  }

  private Map<String, String> readConfigs() {
    if (!Files.isDirectory(plan)) {
      throw new CliException("no plan directory " + plan, ExitCodes.USAGE);
    }
    Map<String, String> configs = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(plan).sorted()) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = CONFIG.matcher(file.getFileName().toString());
        if (m.matches()) {
          String arch;
          try {
            arch = MarkerEnvironment.machine(m.group(1));
          } catch (IllegalArgumentException e) {
            continue;
          }
          if (arches == null
              || arches.stream().map(MarkerEnvironment::machine).anyMatch(arch::equals)) {
            configs.put(arch, Files.readString(file, StandardCharsets.UTF_8).strip());
          }
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot read " + plan + ": " + e.getMessage(), ExitCodes.USAGE);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    if (configs.isEmpty()) {
      throw new CliException(
          "no hermeto-<arch>.json in "
              + plan
              + (arches == null ? "" : " for " + String.join(", ", arches)),
          ExitCodes.USAGE);
    }
    if (!Files.isRegularFile(plan.resolve("hermeto.env"))) {
      throw new CliException(
          "no hermeto.env in " + plan + " (write it with pyhermetic generate-env)",
          ExitCodes.USAGE);
    }
    return configs;
  }
}
