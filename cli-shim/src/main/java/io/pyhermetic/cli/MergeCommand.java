package io.pyhermetic.cli;

import io.pyhermetic.diff.RequirementsMerge;
import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.reqfile.RequirementsWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic merge}: the union of per-architecture files as one requirements file. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Write the union of pinned requirements files as one file (the input for build"
            + " dependencies). The same name and version become one entry with the union of"
            + " hashes and # via; different versions of one name are an error listing every"
            + " pin, unless --keep-all-versions. Global options must agree.")
final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pinned requirements files.")
  List<Path> files;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "The file to write.")
  Path output;

  @Option(
      names = "--keep-all-versions",
      description = "Write every version of a name instead of failing.")
  boolean keepAllVersions;

  @Option(
      names = "--mark-targets",
      description =
          "Treat the inputs as per-architecture files (the architecture from each file name)"
              + " and give entries that only some have a platform_machine marker, so that"
              + " 'pyhermetic split' gives the originals back.")
  boolean markTargets;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RequirementsFileParser parser = new RequirementsFileParser();
    List<RequirementsFile> inputs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      inputs.add(Inputs.parse(parser, file));
      names.add(String.valueOf(file.getFileName()));
    }
    RequirementsMerge.Result result;
    if (markTargets) {
      java.util.Map<String, RequirementsFile> byArch = new java.util.LinkedHashMap<>();
      for (int i = 0; i < files.size(); i++) {
        String label = io.pyhermetic.diff.Labels.fromFileName(files.get(i));
        try {
          io.pyhermetic.requirement.MarkerEnvironment.machine(label);
        } catch (IllegalArgumentException e) {
          throw new CliException(
              files.get(i) + ": no architecture in the file name (" + e.getMessage() + ")",
              ExitCodes.USAGE);
        }
        if (byArch.put(label, inputs.get(i)) != null) {
          throw new CliException("two inputs for " + label, ExitCodes.USAGE);
        }
      }
      result = RequirementsMerge.mergeForTargets(byArch, keepAllVersions);
    } else {
      result = RequirementsMerge.merge(inputs, keepAllVersions);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!result.isOk()) {
      return ExitCodes.nothingWritten(err, result.problems());
    }
    String text =
        result.text(
            RequirementsWriter.pipCompileStyle()
                .withHeader(List.of("#", "# the union of " + String.join(", ", names), "#")));
    try {
      AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    out.println(
        "wrote "
            + output
            + ": "
            + result.items().size()
            + " entries from "
            + files.size()
            + " files");
    return ExitCodes.OK;
  }
}
