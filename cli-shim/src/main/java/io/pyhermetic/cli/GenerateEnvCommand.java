package io.pyhermetic.cli;

import io.pyhermetic.error.PyhermeticException;
import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.hermeto.HermetoEnv;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic generate-env}: Hermeto's environment file, without running Hermeto. */
@Command(
    name = "generate-env",
    mixinStandardHelpOptions = true,
    description =
        "Write the environment a hermetic build needs (PIP_FIND_LINKS, PIP_NO_INDEX) exactly as"
            + " 'hermeto generate-env' does: from OUTPUT_DIR/.build-config.json when a fetch wrote"
            + " one, else the variables of a pip fetch.")
final class GenerateEnvCommand implements Callable<Integer> {

  enum Format {
    env,
    json
  }

  @Parameters(paramLabel = "OUTPUT_DIR", description = "The fetch output directory.")
  Path outputDir;

  @Option(
      names = "--for-output-dir",
      paramLabel = "DIR",
      description = "Where the output is mounted in the build (default: OUTPUT_DIR).")
  Path forOutputDir;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "env or json (default: from the -o suffix, else env).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of stdout.")
  Path output;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Inputs.requireDirectory("OUTPUT_DIR", outputDir);
    List<HermetoEnv.Variable> variables;
    if (outputDir.resolve(".build-config.json").toFile().isFile()) {
      try {
        variables = HermetoEnv.read(outputDir);
      } catch (PyhermeticException e) {
        throw new CliException(e.getMessage(), ExitCodes.USAGE);
      }
    } else {
      variables = HermetoEnv.pipVariables();
    }
    variables = HermetoEnv.resolve(variables, forOutputDir != null ? forOutputDir : outputDir);
    Format chosen = format;
    if (chosen == null && output != null) {
      String name = output.getFileName().toString();
      if (name.endsWith(".json")) {
        chosen = Format.json;
      } else if (name.endsWith(".env") || name.endsWith(".sh")) {
        chosen = Format.env;
      } else {
        throw new CliException(
            "Cannot determine envfile format, unsupported suffix: " + name + " (use --format)",
            ExitCodes.USAGE);
      }
    }
    String text = chosen == Format.json ? HermetoEnv.json(variables) : HermetoEnv.env(variables);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(text);
    } else {
      try {
        AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
      } catch (UncheckedIOException e) {
        throw new CliException(e.getMessage(), ExitCodes.USAGE);
      }
      out.println("wrote " + output);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
