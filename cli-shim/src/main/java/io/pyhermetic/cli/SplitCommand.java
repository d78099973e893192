package io.pyhermetic.cli;

import io.pyhermetic.diff.RequirementsSplit;
import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.lockfile.LockFiles;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.LockSelection;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.MarkerEnvironment;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic split}: per-target files from one marker-annotated requirements file. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate each entry's environment marker for CPython on Linux of each target and write"
            + " DIR/requirements-<arch>.txt with the entries that apply. Markers are dropped"
            + " (Hermeto ignores them) unless --keep-markers. From a lock file (pylock.toml,"
            + " uv.lock), each file holds what the lock installs on that target, hash-pinned.")
final class SplitCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      description = "A requirements file with environment markers, or a lock file.")
  Path file;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "ARCH",
      description = "x86_64, aarch64, ppc64le or s390x (amd64 and arm64 too); repeatable.")
  List<String> targets;

  @Option(
      names = "--python",
      defaultValue = "3.12",
      paramLabel = "VERSION",
      description = "Python version of the targets (default: ${DEFAULT-VALUE}).")
  String python;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Directory for the files.")
  Path directory;

  @Option(names = "--keep-markers", description = "Keep each entry's marker in the output.")
  boolean keepMarkers;

  @Option(
      names = "--extra",
      paramLabel = "NAME",
      description = "For a lock file: an extra to install (repeatable).")
  List<String> extras;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description =
          "For a lock file: a dependency group to install (repeatable; default: the lock's default"
              + " groups, dev for uv.lock).")
  List<String> groups;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (String target : targets) {
      try {
        MarkerEnvironment.forTarget(target, python);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), ExitCodes.USAGE);
      }
    }
    if (LockFiles.isLockFile(file)) {
      return splitLock();
    }
    if (extras != null || groups != null) {
      throw new CliException(
          "--extra and --group select from a lock file (pylock.toml, uv.lock), not from " + file,
          ExitCodes.USAGE);
    }
    RequirementsFile input = Inputs.parse(new RequirementsFileParser(), file);
    RequirementsSplit.Result result = RequirementsSplit.split(input, targets, python, keepMarkers);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!result.isOk()) {
      return ExitCodes.nothingWritten(err, result.problems());
    }
    return writeFiles(result.files(), out);
  }

  /** One pip-compile-style, hash-pinned file per target from what the lock installs there. */
  private Integer splitLock() {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (String arch : targets) {
      Target target;
      try {
        target = Target.linux(TargetOptions.canonicalArch(arch), python);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), ExitCodes.USAGE);
      }
      SelectionRequest request =
          SelectionRequest.of(target).withExtras(extras == null ? Set.of() : Set.copyOf(extras));
      if (groups != null) {
        request = request.withGroups(Set.copyOf(groups));
      }
      LockSelection selection = Inputs.select(file, request);
      List<String> header =
          List.of(
              "# "
                  + target.arch()
                  + ", CPython "
                  + python
                  + ": what "
                  + file.getFileName()
                  + " installs there");
      texts.put(target.arch(), LockRequirements.write(selection, header));
    }
    return writeFiles(texts, spec.commandLine().getOut());
  }

  /** Writes each target's text to DIR/requirements-ARCH.txt, atomically, saying what it wrote. */
  private Integer writeFiles(Map<String, String> texts, PrintWriter out) {
    try {
      for (Map.Entry<String, String> f : texts.entrySet()) {
        Path target = directory.resolve("requirements-" + f.getKey() + ".txt");
        AtomicFiles.write(target, f.getValue().getBytes(StandardCharsets.UTF_8));
        long entries = Inputs.parse(new RequirementsFileParser(), target).allEntries().size();
        out.println("wrote " + target + ": " + entries + " entries");
      }
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    return ExitCodes.OK;
  }
}
