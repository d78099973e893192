package io.pyhermetic.plan;

import io.pyhermetic.container.Command;
import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.text.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pyhermetic command lines a plan records and prints: the plan command itself (for the header
 * of requirements-build.txt, as pip-compile records its own) and the next steps, each runnable as
 * printed from the directory the plan was made in.
 */
final class Commands {
  private static final String DEFAULT_IMAGE = PlanRequest.builder().build().image();
  private static final String DEFAULT_CONTAINERFILE = PlanRequest.builder().build().containerfile();

  private Commands() {}

  /** The command that makes this plan, with every option that shapes its output. */
  static String planCommand(PlanRequest request) {
    List<String> argv = new ArrayList<>(List.of("pyhermetic", "plan"));
    if (request.universalFile().isPresent()) {
      argv.add("--universal");
      argv.add(display(request.universalFile().get()));
    }
    request.requirementsFiles().forEach(f -> argv.add(display(f)));
    request.targets().forEach(t -> add(argv, "--target", t));
    argv.add("-o");
    argv.add(display(request.outputDirectory()));
    if (!display(request.sourceDirectory()).equals(".")) {
      add(argv, "--source", display(request.sourceDirectory()));
    }
    if (!request.python().equals(PlanRequest.DEFAULT_PYTHON)) {
      add(argv, "--python", request.python());
    }
    if (!request.glibc().equals(io.pyhermetic.platform.Target.DEFAULT_GLIBC)) {
      add(argv, "--glibc", request.glibc());
    }
    request.constraintFiles().forEach(f -> add(argv, "--constraint", display(f)));
    if (request.skipMissingSdist()) {
      argv.add("--skip-missing-sdist");
    }
    if (!request.binaryPackages().equals(io.pyhermetic.hermeto.PipBinaryFilters.ALL)) {
      add(argv, "--binary-packages", request.binaryPackages());
    }
    argv.addAll(indexOptions(request.index()));
    return shell(argv);
  }

  /**
   * Fetch per architecture with {@code prefetch} into the source directory, then one {@code build}
   * from those files.
   */
  static List<String> nextSteps(PlanRequest request, List<String> archs) {
    String source = display(request.sourceDirectory());
    List<String> steps = new ArrayList<>();
    for (String arch : archs) {
      List<String> argv = new ArrayList<>(List.of(request.commandName(), "prefetch"));
      argv.add(display(request.outputDirectory().resolve(PlanResult.configName(arch))));
      if (!source.equals(".")) {
        add(argv, "--source", source);
      }
      argv.addAll(indexOptions(request.index()));
      add(argv, "-o", prefetchDirectory(request, arch));
      steps.add(shell(argv));
    }
    List<String> build = new ArrayList<>(List.of(request.commandName(), "build"));
    add(build, "--plan", display(request.outputDirectory()));
    if (!source.equals(".")) {
      add(build, "--context", source);
    }
    if (!request.containerfile().equals(DEFAULT_CONTAINERFILE)) {
      add(build, "--containerfile", request.containerfile());
    }
    if (!request.image().equals(DEFAULT_IMAGE)) {
      add(build, "--image", request.image());
    }
    add(build, "--prefetched", source);
    steps.add(shell(build));
    return steps;
  }

  /** Where the fetch step of {@code arch} writes, as {@code build --prefetched} looks for it. */
  static String prefetchDirectory(PlanRequest request, String arch) {
    return display(request.sourceDirectory().resolve(PodmanPlan.outputDir(arch)));
  }

  /** The index options of the other commands that name {@code index}; none for PyPI's API. */
  static List<String> indexOptions(IndexLocation index) {
    return switch (index.kind()) {
      case FIND_LINKS -> List.of("--find-links", display(Path.of(index.location())));
      case SIMPLE -> List.of("--simple-index", Redaction.withoutCredentials(index.location()));
      case JSON_API ->
          index.location().replaceAll("/+$", "").equals(PypiJsonIndex.DEFAULT_BASE_URL)
              ? List.of()
              : List.of("--index", Redaction.withoutCredentials(index.location()));
    };
  }

  /** A path as the user gave it, normalised ({@code ./a/../b} is {@code b}, empty is {@code .}). */
  static String display(Path path) {
    String text = path.normalize().toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  private static void add(List<String> argv, String option, String value) {
    argv.add(option);
    argv.add(value);
  }

  private static String shell(List<String> argv) {
    return Command.of("step", argv, Duration.ofMinutes(1)).toShellString();
  }
}
