package io.pyhermetic.cli;

import io.pyhermetic.lockfile.LockExport;
import io.pyhermetic.lockfile.LockFileException;
import io.pyhermetic.lockfile.LockFiles;
import io.pyhermetic.lockfile.LockSelection;
import io.pyhermetic.lockfile.Pylock;
import io.pyhermetic.lockfile.PylockFile;
import io.pyhermetic.lockfile.PylockWriter;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.text.Redaction;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic export}: a PEP 751 {@code pylock.toml} from a lock file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a PEP 751 pylock.toml. From a uv.lock (or, with --target, a pylock.toml): one"
            + " package per name and version that the targets install, marked with the"
            + " architectures that install it, with every file's URL, size, upload time and"
            + " hashes. A pylock.toml without --target is validated and rewritten as it is.")
final class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "LOCK", description = "A uv.lock or pylock.toml.")
  Path lock;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The pylock.toml to write.")
  Path output;

  @Option(
      names = "--target",
      paramLabel = "ARCH",
      description =
          "An architecture to export for (repeatable; default for uv.lock: x86_64, aarch64).")
  List<String> targetArchs;

  @Option(names = "--extra", paramLabel = "NAME", description = "An extra to install (repeatable).")
  List<String> extras;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description = "A dependency group to install (repeatable; default: the lock's defaults).")
  List<String> groups;

  @Mixin TargetOptions targetOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LockFiles.Format format =
        LockFiles.formatOf(lock)
            .orElseThrow(
                () ->
                    new CliException(
                        lock + ": export reads a uv.lock or pylock.toml (pylock.<name>.toml)",
                        ExitCodes.USAGE));
    Inputs.requireText(lock);
    Pylock result;
    if (format == LockFiles.Format.PYLOCK && targetArchs == null) {
      if (extras != null || groups != null) {
        throw new CliException("--extra and --group select for --target", ExitCodes.USAGE);
      }
      try {
        result = PylockFile.read(lock).lock();
      } catch (LockFileException e) {
        throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
      }
    } else {
      Map<String, Target> targets =
          targetOptions.targets(
              "--target", targetArchs == null ? List.of("x86_64", "aarch64") : targetArchs);
      List<LockSelection> selections = new ArrayList<>();
      for (Target target : targets.values()) {
        SelectionRequest request =
            SelectionRequest.of(target).withExtras(extras == null ? Set.of() : Set.copyOf(extras));
        if (groups != null) {
          request = request.withGroups(Set.copyOf(groups));
        }
        selections.add(Inputs.select(lock, request));
      }
      result = LockExport.of(selections, "pyhermetic");
    }
    try {
      PylockWriter.write(output, result);
    } catch (UncheckedIOException e) {
      throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
    }
    spec.commandLine()
        .getOut()
        .println("wrote " + output + ": " + result.packages().size() + " packages");
    return ExitCodes.OK;
  }
}
