package io.pyhermetic.cli;

import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.audit.Route;
import io.pyhermetic.audit.TargetResult;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsOutput;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.builddeps.OutputEntry;
import io.pyhermetic.builddeps.PackageOutcome;
import io.pyhermetic.builddeps.Problem;
import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.diff.PackageDiff;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.diff.RequirementsSplit;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Severity;
import io.pyhermetic.hermeto.HermetoEnv;
import io.pyhermetic.hermeto.HermetoInput;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.internal.Redaction;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic plan}: the whole workflow into one directory, with a summary to read first. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plan a hermetic multi-architecture build from per-architecture requirements files"
            + " (requirements-x86_64.txt, requirements-aarch64.txt): check them against pip and"
            + " Hermeto, compare them, audit every pin on every target, resolve the build"
            + " dependencies from the sdists, and write the Hermeto inputs, the env file and the"
            + " podman commands into one directory, with plan.md summarising what differs, what"
            + " lacks sdists, what is built from source where, and what will fail and why.")
final class PlanCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "Pinned requirements files, one per architecture (named after it).")
  List<Path> files;

  @Option(
      names = "--universal",
      paramLabel = "FILE",
      description =
          "One marker-annotated file for every --target instead of per-architecture files.")
  Path universal;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "The plan directory (inside --source, so Hermeto can read it).")
  Path output;

  @Option(
      names = "--target",
      paramLabel = "ARCH",
      description =
          "Target architectures (repeatable); by default those the file names carry. With"
              + " files not named per architecture, every file is planned for every target.")
  List<String> targetArchs;

  @Option(
      names = "--source",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The project checkout Hermeto reads (default: the current directory).")
  Path source;

  @Option(
      names = "--binary-packages",
      defaultValue = PipBinaryFilters.ALL,
      paramLabel = "LIST",
      description = "Hermeto's binary.packages (default: ${DEFAULT-VALUE}).")
  String binaryPackages;

  @Option(
      names = "--image",
      defaultValue = "hermetic-build",
      paramLabel = "NAME",
      description = "The multi-architecture image build.sh creates (default: ${DEFAULT-VALUE}).")
  String image;

  @Option(
      names = "--containerfile",
      defaultValue = "Containerfile.hermeto",
      paramLabel = "FILE",
      description = "The hermetic Containerfile, relative to --source (default: ${DEFAULT-VALUE}).")
  String containerfile;

  @Option(
      names = "--force",
      description = "Replace an output directory that holds something other than a plan.")
  boolean force;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Mixin BuildDepsInputs buildDepsInputs;

  @Mixin TargetOptions targetOptions;

  @Mixin IndexOptions indexOptions;

  @Mixin HermetoImageOption hermeto;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path sourceDir = source.toAbsolutePath().normalize();
    Path outDir = output.toAbsolutePath().normalize();
    if (!Files.isDirectory(sourceDir)) {
      throw new CliException("--source " + source + ": no such directory", ExitCodes.USAGE);
    }
    checkOutput(outDir);
    if (universal != null) {
      if (files != null && !files.isEmpty()) {
        throw new CliException(
            "give per-architecture files or --universal, not both", ExitCodes.USAGE);
      }
      if (targetArchs == null) {
        throw new CliException("--universal needs --target for each architecture", ExitCodes.USAGE);
      }
      files = List.of(universal);
    } else if (files == null || files.isEmpty()) {
      throw new CliException(
          "give the per-architecture requirements files (or --universal FILE --target ARCH…)",
          ExitCodes.USAGE);
    }

    // 1. read: a file pip would reject ends the plan here, located
    RequirementsFileParser parser = new RequirementsFileParser();
    Map<String, List<Path>> filesByLabel = new LinkedHashMap<>();
    Map<Path, RequirementsFile> parsed = new LinkedHashMap<>();
    for (Path file : files) {
      parsed.put(file, Inputs.parse(parser, file));
      filesByLabel
          .computeIfAbsent(
              TargetOptions.canonicalArch(Labels.fromFileName(file)), k -> new ArrayList<>())
          .add(file);
    }
    if (targetArchs == null
        && !filesByLabel.keySet().stream().allMatch(PlanCommand::isArchitecture)) {
      throw new CliException(
          "name the files after their architecture (requirements-x86_64.txt) or give --target",
          ExitCodes.USAGE);
    }
    Map<String, Target> targets =
        targetOptions.targets(
            "--target", targetArchs != null ? targetArchs : new ArrayList<>(filesByLabel.keySet()));
    boolean perFile = targets.keySet().containsAll(filesByLabel.keySet());
    Map<String, List<Path>> filesByTarget = new LinkedHashMap<>();
    for (String arch : targets.keySet()) {
      filesByTarget.put(arch, perFile ? filesByLabel.getOrDefault(arch, List.of()) : files);
    }
    List<Requirement> constraints = buildDepsInputs.constraints(parser);
    // a bad --binary-packages fails before any look-up
    targets.values().forEach(this::binaryFilter);

    List<String> failures = new ArrayList<>();
    Map<String, String> written = new LinkedHashMap<>();

    // 2. check
    StringBuilder check = new StringBuilder();
    long checkErrors = 0;
    for (Map.Entry<Path, RequirementsFile> f : parsed.entrySet()) {
      List<Diagnostic> diagnostics = new ArrayList<>(f.getValue().warnings());
      diagnostics.addAll(HermetoRules.check(f.getValue()));
      for (Diagnostic d : diagnostics) {
        check.append(Redaction.redact(d.toString()).replace('\n', ' ')).append('\n');
        if (d.severity() == Severity.ERROR) {
          checkErrors++;
        }
      }
    }
    check.append(
        parsed.size()
            + " files checked against pip and Hermeto's rules: "
            + checkErrors
            + " errors\n");
    if (checkErrors > 0) {
      failures.add(checkErrors + " error(s) in the requirements files (check.txt)");
    }
    written.put("check.txt", check.toString());

    // a universal file is split per target: Hermeto ignores markers and would fetch every pin
    // for every architecture
    if (universal != null) {
      RequirementsSplit.Result split =
          RequirementsSplit.split(
              parsed.get(universal),
              new ArrayList<>(targets.keySet()),
              targets.values().iterator().next().pythonVersion(),
              false);
      if (split.isOk()) {
        split.files().forEach((arch, text) -> written.put("requirements-" + arch + ".txt", text));
      } else {
        split
            .problems()
            .forEach(
                d ->
                    failures.add("splitting " + universal + ": " + Redaction.redact(d.toString())));
      }
    }

    // 3. diff
    Map<String, RequirementsFile> byLabel = new LinkedHashMap<>();
    parsed.forEach((file, rf) -> byLabel.putIfAbsent(label(file, byLabel), rf));
    Optional<RequirementsDiff> diff =
        byLabel.size() > 1 ? Optional.of(RequirementsDiff.compare(byLabel)) : Optional.empty();
    written.put(
        "diff.md",
        diff.map(d -> DiffCommand.markdown(d, d.packages()))
            .orElse("One requirements file: nothing to compare.\n"));

    // 4. audit and 5. build dependencies, through one index
    Map<String, List<Entry>> entriesByTarget = new LinkedHashMap<>();
    filesByTarget.forEach(
        (arch, list) -> {
          List<Entry> entries = new ArrayList<>();
          list.forEach(f -> entries.addAll(parsed.get(f).allEntries()));
          entriesByTarget.put(arch, entries);
        });
    List<Entry> allEntries = new ArrayList<>();
    parsed.values().forEach(rf -> allEntries.addAll(rf.allEntries()));
    AuditReport audit;
    BuildDepsResult buildDeps;
    String indexDescription;
    Path work = TempDirs.create("pyhermetic-plan");
    try (IndexOptions.Opened opened = indexOptions.open()) {
      indexDescription = opened.description();
      progress(
          "auditing " + allEntries.size() + " pins for " + String.join(", ", targets.keySet()));
      audit =
          new Auditor(opened.index(), targets, target -> hermetoFilter(target))
              .audit(entriesByTarget);
      progress("resolving build dependencies");
      buildDeps =
          new BuildDepsResolver(
                  opened.index(),
                  opened.downloader(),
                  BuildDepsOptions.builder()
                      .targets(new ArrayList<>(targets.values()))
                      .skipMissingSdist(buildDepsInputs.skipMissingSdist)
                      .constraints(constraints)
                      .workDirectory(work)
                      .build())
              .resolve(allEntries);
    } finally {
      TempDirs.deleteTree(work);
    }
    List<PackageAudit> shown = audit.packages();
    written.put(
        "audit.json", Json.write(AuditCommand.AuditRendering.json(audit, shown, indexDescription)));
    written.put("audit.md", AuditCommand.AuditRendering.markdown(audit, shown));
    for (String arch : targets.keySet()) {
      List<PackageAudit> bad = audit.notInstallable(arch);
      if (!bad.isEmpty()) {
        failures.add(bad.size() + " pin(s) do not install on " + arch + ": " + pins(bad));
      }
    }
    if (!audit.hashProblems().isEmpty()) {
      failures.add("hash problems: " + pins(audit.hashProblems()));
    }
    written.put("build-deps.json", BuildDepsOutput.reportJson(buildDeps));
    boolean buildDepsOk = buildDeps.isSuccess();
    if (buildDepsOk) {
      written.put(
          "requirements-build.txt",
          BuildDepsOutput.requirementsText(
              buildDeps,
              BuildDepsOutput.header(
                  targets.values().iterator().next().pythonVersion(),
                  "pyhermetic plan -o "
                      + output
                      + " "
                      + files.stream().map(Path::toString).collect(Collectors.joining(" "))),
              true));
    } else {
      for (Problem p : buildDeps.errors()) {
        failures.add(
            "build dependencies: "
                + p.pkg()
                + ": "
                + Redaction.redact(p.message())
                + (p.kind() == Problem.Kind.MISSING_SDIST
                    ? " (--skip-missing-sdist leaves it out)"
                    : ""));
      }
    }

    // 6. Hermeto inputs, env file and podman commands: only with resolved build dependencies
    Map<String, String> configs = new LinkedHashMap<>();
    List<String> hermetoViolations = new ArrayList<>();
    Path staging = stage(outDir);
    try {
      for (Map.Entry<String, String> f : written.entrySet()) {
        Files.writeString(staging.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
      if (buildDepsOk) {
        for (Map.Entry<String, Target> t : targets.entrySet()) {
          String arch = t.getKey();
          String finalJson =
              hermetoJson(
                  arch,
                  t.getValue(),
                  requirementsFor(arch, filesByTarget, outDir),
                  sourceDir,
                  outDir);
          // Hermeto checks that the files exist: the staged build file stands in for the final one
          String stagedJson =
              hermetoJson(
                  arch,
                  t.getValue(),
                  requirementsFor(arch, filesByTarget, staging),
                  sourceDir,
                  staging);
          HermetoValidator.Result result = HermetoValidator.validate(stagedJson, sourceDir);
          if (result.isValid()) {
            configs.put(arch, finalJson);
            Files.writeString(
                staging.resolve("hermeto-" + arch + ".json"),
                finalJson + "\n",
                StandardCharsets.UTF_8);
          } else {
            // name the output directory the user gave, not its staging twin
            String staged = relativePath(sourceDir, staging);
            String given = relativePath(sourceDir, outDir);
            result
                .violations()
                .forEach(
                    v -> hermetoViolations.add(arch + ": " + v.toString().replace(staged, given)));
          }
        }
        hermetoViolations.forEach(v -> failures.add("Hermeto would reject the input for " + v));
        if (!hermetoViolations.isEmpty() && !isInside(outDir, sourceDir)) {
          failures.add(
              "Hermeto reads every file relative to the source directory "
                  + sourceDir
                  + ": put the output directory inside it (or give --source)");
        }
        Files.writeString(
            staging.resolve("hermeto.env"),
            HermetoEnv.env(
                HermetoEnv.resolve(HermetoEnv.pipVariables(), Path.of("/tmp/hermeto-output"))),
            StandardCharsets.UTF_8);
        if (!configs.isEmpty()) {
          PodmanPlan podman =
              PodmanPlan.hermeticBuild(
                  new PodmanPlan.Settings(
                      image,
                      sourceDir,
                      containerfile,
                      Optional.empty(),
                      configs,
                      outDir.resolve("hermeto.env"),
                      spelling(sourceDir.resolve(containerfile)),
                      hermeto.image,
                      Duration.ofHours(2)));
          Files.writeString(staging.resolve("build.sh"), podman.toScript(), StandardCharsets.UTF_8);
        }
      }
      Files.writeString(
          staging.resolve("plan.md"),
          summary(
              targets, filesByTarget, diff, audit, buildDeps, configs, failures, indexDescription),
          StandardCharsets.UTF_8);
      publish(staging, outDir);
    } catch (IOException | UncheckedIOException e) {
      TempDirs.deleteTree(staging);
      throw new CliException("cannot write " + output + ": " + e.getMessage(), ExitCodes.USAGE);
    }

    PrintWriter out = spec.commandLine().getOut();
    if (!quiet) {
      out.println("wrote " + output + "/plan.md and the files it lists");
      if (failures.isEmpty()) {
        out.println("no findings: every pin installs on every target");
      } else {
        out.println(failures.size() + " finding(s):");
        failures.forEach(f -> out.println("  " + f));
      }
      out.flush();
    }
    boolean indexFailure =
        audit.hasIndexFailures() || !buildDeps.errors(Problem.Kind.INDEX_FAILURE).isEmpty();
    return indexFailure ? ExitCodes.INDEX : failures.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static boolean isArchitecture(String label) {
    try {
      return io.pyhermetic.requirement.MarkerEnvironment.machine(label).equals(label);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String label(Path file, Map<String, RequirementsFile> taken) {
    String label = Labels.fromFileName(file);
    String candidate = label;
    for (int i = 2; taken.containsKey(candidate); i++) {
      candidate = label + "-" + i;
    }
    return candidate;
  }

  private Optional<PipBinaryFilters> hermetoFilter(Target target) {
    return Optional.of(binaryFilter(target));
  }

  private PipBinaryFilters binaryFilter(Target target) {
    Version python = Version.parse(target.pythonVersion());
    try {
      return PipBinaryFilters.defaults()
          .withPackages(binaryPackages)
          .withArch(target.arch())
          .withPyVersion(python.major() * 100 + python.minor());
    } catch (IllegalArgumentException e) {
      throw new CliException("--binary-packages: " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** The files Hermeto reads for {@code arch}: the split file in {@code dir}, or the inputs. */
  private List<Path> requirementsFor(String arch, Map<String, List<Path>> filesByTarget, Path dir) {
    return universal != null
        ? List.of(dir.resolve("requirements-" + arch + ".txt"))
        : filesByTarget.get(arch);
  }

  private String hermetoJson(
      String arch, Target target, List<Path> requirements, Path sourceDir, Path buildFileDir) {
    List<String> relative = new ArrayList<>();
    for (Path f : requirements) {
      relative.add(relativeTo(sourceDir, f.toAbsolutePath().normalize()));
    }
    PipInput pip =
        PipInput.root()
            .withRequirementsFiles(relative)
            .withRequirementsBuildFiles(
                List.of(relativeTo(sourceDir, buildFileDir.resolve("requirements-build.txt"))))
            .withBinary(binaryFilter(target));
    return HermetoInput.of(pip).toJson();
  }

  private static String relativeTo(Path base, Path file) {
    return base.relativize(file).toString().replace('\\', '/');
  }

  private static PodmanPlan.ArchSpelling spelling(Path containerfile) {
    try {
      return Files.isRegularFile(containerfile)
          ? PodmanPlan.ArchSpelling.expectedBy(Files.readString(containerfile))
          : PodmanPlan.ArchSpelling.PLATFORM;
    } catch (IOException e) {
      return PodmanPlan.ArchSpelling.PLATFORM;
    }
  }

  // ---- plan.md ----

  private String summary(
      Map<String, Target> targets,
      Map<String, List<Path>> filesByTarget,
      Optional<RequirementsDiff> diff,
      AuditReport audit,
      BuildDepsResult buildDeps,
      Map<String, String> configs,
      List<String> failures,
      String indexDescription) {
    Target first = targets.values().iterator().next();
    StringBuilder md = new StringBuilder("# Hermetic build plan\n\n");
    md.append("Targets ")
        .append(String.join(", ", targets.keySet()))
        .append(" with CPython ")
        .append(first.pythonVersion())
        .append(" and ")
        .append(first.libc().name().toLowerCase(java.util.Locale.ROOT))
        .append(' ')
        .append(first.libcVersion())
        .append("; index ")
        .append(Redaction.redact(indexDescription))
        .append(".\n\n");
    md.append(
        failures.isEmpty()
            ? "**Ready**: every pin installs offline on every target.\n\n"
            : "**" + failures.size() + " finding(s)** — see *What will fail* below.\n\n");

    md.append("## Per architecture\n\n| |");
    targets.keySet().forEach(a -> md.append(' ').append(a).append(" |"));
    md.append("\n|---|");
    targets.keySet().forEach(a -> md.append("---|"));
    md.append('\n');
    row(
        md,
        "requirements",
        targets,
        a ->
            filesByTarget.get(a).stream()
                .map(p -> "`" + p + "`")
                .collect(Collectors.joining(", ")));
    row(md, "pins", targets, a -> String.valueOf(countPins(audit, a)));
    row(md, "only here", targets, a -> listOrDash(onlyIn(diff, a, filesByTarget)));
    row(md, "wheel", targets, a -> String.valueOf(countRoute(audit, a, Route.WHEEL)));
    row(md, "built from source", targets, a -> listOrDash(names(audit, a, Route.SDIST)));
    row(md, "not installable", targets, a -> listOrDash(pins(audit.notInstallable(a))));
    md.append('\n');

    md.append("## Without sdist\n\n");
    if (audit.withoutSdist().isEmpty()) {
      md.append("Every pin has an sdist.\n\n");
    } else {
      md.append("Wheels only; their build dependencies cannot be derived")
          .append(buildDepsInputs.skipMissingSdist ? " (skipped with --skip-missing-sdist)" : "")
          .append(": ")
          .append(pins(audit.withoutSdist()))
          .append(".\n\n");
    }

    md.append("## Build dependencies\n\n");
    if (buildDeps.isSuccess()) {
      long built =
          buildDeps.packages().stream()
              .filter(p -> p.status() == PackageOutcome.Status.RESOLVED)
              .count();
      md.append("`requirements-build.txt`: ")
          .append(buildDeps.entries().size())
          .append(" pins for the build environments of ")
          .append(built)
          .append(" packages: ")
          .append(
              buildDeps.entries().stream()
                  .map(OutputEntry::toString)
                  .collect(Collectors.joining(", ")))
          .append(".");
      if (!buildDeps.skipped().isEmpty()) {
        md.append(" Skipped without sdist: ")
            .append(
                buildDeps.skipped().stream().map(Problem::pkg).collect(Collectors.joining(", ")))
            .append('.');
      }
      md.append("\n\n");
    } else {
      md.append(
              "Not resolved, so no `requirements-build.txt`, Hermeto inputs or `build.sh` were written")
          .append(" (details in `build-deps.json`).\n\n");
    }

    md.append("## What will fail\n\n");
    if (failures.isEmpty()) {
      md.append("Nothing found.\n\n");
    } else {
      failures.forEach(f -> md.append("- ").append(f.replace("|", "\\|")).append('\n'));
      md.append('\n');
    }

    md.append("## Next steps\n\n");
    if (configs.isEmpty()) {
      md.append("Fix the findings above and plan again.\n\n");
    } else {
      int step = 1;
      for (String arch : configs.keySet()) {
        md.append(step++)
            .append(". Fetch for ")
            .append(arch)
            .append(": `pyhermetic prefetch ")
            .append(output)
            .append("/hermeto-")
            .append(arch)
            .append(".json -o ")
            .append(PodmanPlan.outputDir(arch))
            .append("`.\n");
      }
      md.append(step)
          .append(". Build: `pyhermetic build --plan ")
          .append(output)
          .append(" --prefetched .`: one `--network none` build per architecture into the")
          .append(" manifest list `")
          .append(image)
          .append("`. Without the fetch steps, `pyhermetic build --plan ")
          .append(output)
          .append("` (or `build.sh`, to review first) fetches with Hermeto's own container.\n\n");
    }

    md.append("## Files\n\n");
    if (universal != null) {
      targets
          .keySet()
          .forEach(
              a ->
                  md.append("- `requirements-")
                      .append(a)
                      .append(".txt`: the universal file's pins for ")
                      .append(a)
                      .append(", what Hermeto reads\n"));
    }
    md.append("- `check.txt`: pip's and Hermeto's findings per line\n");
    md.append("- `diff.md`: the per-architecture comparison\n");
    md.append("- `audit.json`, `audit.md`: what installs how on each target\n");
    md.append("- `build-deps.json`: each package's build requirements and environment\n");
    if (buildDeps.isSuccess()) {
      md.append("- `requirements-build.txt`: the build dependencies, hash-pinned\n");
    }
    configs
        .keySet()
        .forEach(
            a ->
                md.append("- `hermeto-")
                    .append(a)
                    .append(".json`: Hermeto's input for ")
                    .append(a)
                    .append('\n'));
    if (buildDeps.isSuccess()) {
      md.append("- `hermeto.env`: `PIP_FIND_LINKS` and `PIP_NO_INDEX` for the build\n");
    }
    if (!configs.isEmpty()) {
      md.append("- `build.sh`: the podman commands\n");
    }
    return md.toString();
  }

  private static void row(
      StringBuilder md,
      String what,
      Map<String, Target> targets,
      java.util.function.Function<String, String> cell) {
    md.append("| ").append(what).append(" |");
    targets
        .keySet()
        .forEach(a -> md.append(' ').append(cell.apply(a).replace("|", "\\|")).append(" |"));
    md.append('\n');
  }

  private static long countPins(AuditReport audit, String arch) {
    return audit.packages().stream().filter(p -> p.targets().containsKey(arch)).count();
  }

  private static long countRoute(AuditReport audit, String arch, Route route) {
    return audit.packages().stream()
        .map(p -> p.targets().get(arch))
        .filter(r -> r != null && r.route() == route)
        .count();
  }

  private static List<String> names(AuditReport audit, String arch, Route route) {
    List<String> out = new ArrayList<>();
    for (PackageAudit p : audit.packages()) {
      TargetResult r = p.targets().get(arch);
      if (r != null && r.route() == route) {
        out.add(p.name() + " " + p.version());
      }
    }
    return out;
  }

  private static List<String> onlyIn(
      Optional<RequirementsDiff> compared, String arch, Map<String, List<Path>> filesByTarget) {
    List<String> out = new ArrayList<>();
    if (compared.isEmpty()) {
      return out;
    }
    RequirementsDiff diff = compared.get();
    for (PackageDiff p : diff.packages()) {
      List<String> present = new ArrayList<>();
      p.versions().forEach((label, version) -> version.ifPresent(v -> present.add(label)));
      if (present.size() == 1
          && TargetOptions.canonicalArch(present.get(0)).equals(arch)
          && diff.labels().size() > 1) {
        out.add(p.name() + " " + p.versions().get(present.get(0)).get());
      }
    }
    return out;
  }

  private static String listOrDash(List<String> items) {
    return items.isEmpty() ? "-" : String.join(", ", items);
  }

  private static String listOrDash(String items) {
    return items.isEmpty() ? "-" : items;
  }

  private static String pins(List<PackageAudit> packages) {
    return packages.stream()
        .map(p -> p.version().isEmpty() ? p.name() : p.name() + " " + p.version())
        .collect(Collectors.joining(", "));
  }

  private void progress(String message) {
    if (!quiet && System.console() != null) {
      spec.commandLine().getErr().println(message);
      spec.commandLine().getErr().flush();
    }
  }

  // ---- the output directory: staged beside it, then swapped in whole ----

  private void checkOutput(Path outDir) {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new CliException("-o " + output + ": exists and is not a directory", ExitCodes.USAGE);
    }
    if (Files.isDirectory(outDir) && !force && !Files.exists(outDir.resolve("plan.md"))) {
      try (Stream<Path> entries = Files.list(outDir)) {
        if (entries.findAny().isPresent()) {
          throw new CliException(
              "-o "
                  + output
                  + ": holds files that are not a plan; choose another directory or"
                  + " give --force",
              ExitCodes.USAGE);
        }
      } catch (IOException e) {
        throw new CliException("cannot read " + output + ": " + e.getMessage(), ExitCodes.USAGE);
      }
    }
  }

  private static Path stage(Path outDir) {
    try {
      Path parent = outDir.getParent();
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + outDir.getFileName() + ".plan-");
    } catch (IOException e) {
      throw new CliException(
          "cannot create a directory beside " + outDir + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** Moves the staged plan into place; a previous plan is kept until the new one is there. */
  private static void publish(Path staging, Path outDir) throws IOException {
    Path old = null;
    if (Files.exists(outDir)) {
      old =
          outDir.resolveSibling(
              "." + outDir.getFileName() + ".old-" + ProcessHandle.current().pid());
      TempDirs.deleteTree(old);
      move(outDir, old);
    }
    try {
      move(staging, outDir);
    } catch (IOException e) {
      if (old != null) {
        move(old, outDir);
      }
      throw e;
    }
    if (old != null) {
      TempDirs.deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static String relativePath(Path from, Path to) {
    return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString();
  }

  private static boolean isInside(Path dir, Path parent) {
    return dir.toAbsolutePath().normalize().startsWith(parent.toAbsolutePath().normalize());
  }
}
