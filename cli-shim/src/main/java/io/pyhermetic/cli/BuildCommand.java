package io.pyhermetic.cli;

import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.requirement.MarkerEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
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
            + " skips the fetch and uses files pyhermetic prefetch wrote)."
            + " --dry-run prints the commands and runs nothing.")
final class BuildCommand implements Callable<Integer> {
  private static final Pattern CONFIG = Pattern.compile("hermeto-(.+)\\.json");

  @Option(
      names = "--plan",
      required = true,
      paramLabel = "DIR",
      description = "The plan directory.")
  Path plan;

  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      description = "Build only these architectures (repeatable).")
  List<String> arches;

  @Option(
      names = "--image",
      defaultValue = "hermetic-build",
      paramLabel = "NAME",
      description = "The manifest list to create (default: ${DEFAULT-VALUE}).")
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

  @Mixin HermetoImageOption hermeto;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> configs = readConfigs();
    if (prefetched != null) {
      checkPrefetched(configs.keySet());
    }
    Path containerPath = context.resolve(containerfile);
    PodmanPlan.ArchSpelling spelling = PodmanPlan.ArchSpelling.PLATFORM;
    if (Files.isRegularFile(containerPath)) {
      try {
        spelling =
            PodmanPlan.ArchSpelling.expectedBy(
                Files.readString(containerPath, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CliException(
            "cannot read " + containerPath + ": " + e.getMessage(), ExitCodes.USAGE);
      }
    }
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
    Duration probe = Duration.ofMinutes(1);
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
    for (io.pyhermetic.container.Command c : podman.commands()) {
      out.println("$ " + c.toShellString());
      out.flush();
      runner.run(c);
    }
    out.println("built " + image + " for " + String.join(", ", configs.keySet()));
    return ExitCodes.OK;
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
