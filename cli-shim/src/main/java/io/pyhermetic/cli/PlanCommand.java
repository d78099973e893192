package io.pyhermetic.cli;

import io.pyhermetic.advisory.AdvisoryOptions;
import io.pyhermetic.error.PyhermeticException;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.plan.Finding;
import io.pyhermetic.plan.PlanRequest;
import io.pyhermetic.plan.PlanResult;
import io.pyhermetic.plan.PlanWriter;
import io.pyhermetic.plan.Planner;
import io.pyhermetic.text.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
            + " lacks sdists, what is built from source where, what will fail and why, and the"
            + " next steps to run. The directory is written whole or not at all; when the index"
            + " fails, nothing is written.")
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

  @Option(
      names = "--no-vulnerabilities",
      description =
          "Do not look up known vulnerabilities (by default looked up where the index is PyPI's"
              + " JSON API or an OSV URL or service is given; plan.md says when they were not).")
  boolean noVulnerabilities;

  @Mixin VulnerabilityOptions vulnerabilityOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PlanResult result;
    try {
      result = Planner.plan(request());
    } catch (PyhermeticException e) {
      throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    indexOptions.printTimings(err);
    if (result.status() == PlanResult.Status.INDEX_FAILURE) {
      for (Finding f : result.findings(Finding.Kind.INDEX)) {
        err.println("pyhermetic plan: " + Redaction.redact(f.message()));
      }
      err.println("pyhermetic plan: the index failed: nothing was written to " + output);
      err.flush();
      return ExitCodes.INDEX;
    }
    try {
      PlanWriter.write(result);
    } catch (PyhermeticException e) {
      throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
    }
    if (!quiet) {
      out.println("wrote " + output + "/plan.md and the files it lists");
      if (result.isOk()) {
        out.println("no findings: every pin installs on every target");
      } else {
        out.println(result.findings().size() + " finding(s):");
        result.findings().forEach(f -> out.println("  " + Redaction.redact(f.message())));
      }
      if (!result.nextSteps().isEmpty()) {
        out.println("next steps (see plan.md):");
        result.nextSteps().forEach(step -> out.println("  " + step));
      }
      out.flush();
    }
    return result.isOk() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private PlanRequest request() {
    // the same words and exit code as every other command for an input that cannot be read
    Inputs.requireDirectory("--source", source);
    if (universal != null) {
      Inputs.requireText(universal);
    }
    if (files != null) {
      files.forEach(Inputs::requireText);
    }
    if (buildDepsInputs.constraintFiles != null) {
      buildDepsInputs.constraintFiles.forEach(Inputs::requireText);
    }
    PlanRequest.Builder request =
        PlanRequest.builder()
            .outputDirectory(output)
            .sourceDirectory(source)
            .python(targetOptions.python)
            .glibc(targetOptions.glibc)
            .index(indexOptions.location())
            .indexSettings(indexOptions.settings())
            .skipMissingSdist(buildDepsInputs.skipMissingSdist)
            .binaryPackages(binaryPackages)
            .image(image)
            .containerfile(containerfile)
            .hermetoImage(hermeto.image)
            .replaceOutput(force)
            .commandName(System.getProperty("pyhermetic.command", "pyhermetic"))
            .progress(ProgressLine.of(spec.commandLine().getErr(), quiet))
            .vulnerabilities(
                AdvisoryOptions.builder()
                    .enabled(!noVulnerabilities)
                    .services(vulnerabilityOptions.parsedServices())
                    .osvUrl(vulnerabilityOptions.osvUrl(false))
                    .ignores(vulnerabilityOptions.ignoreRules())
                    .bestEffort(vulnerabilityOptions.bestEffort)
                    .build());
    if (universal != null) {
      request.universalFile(universal);
    }
    if (files != null) {
      files.forEach(request::requirementsFile);
    }
    if (targetArchs != null) {
      for (String value : targetArchs) {
        for (String arch : value.split(",")) {
          request.target(TargetOptions.canonicalArch(arch.strip()));
        }
      }
    }
    if (buildDepsInputs.constraintFiles != null) {
      buildDepsInputs.constraintFiles.forEach(request::constraintFile);
    }
    return request.build();
  }
}
