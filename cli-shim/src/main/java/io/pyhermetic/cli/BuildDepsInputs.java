package io.pyhermetic.cli;

import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The build-dependency options {@code build-deps} and {@code plan} share. */
final class BuildDepsInputs {

  @Option(
      names = "--skip-missing-sdist",
      description = "Leave packages without an sdist out of the build dependencies, listing them.")
  boolean skipMissingSdist;

  @Option(
      names = {"-c", "--constraint"},
      paramLabel = "FILE",
      description = "Constraints for every build environment, such as setuptools<82 (repeatable).")
  List<Path> constraintFiles;

  /** The requirements of the constraint files; a line that names no project is a usage error. */
  List<Requirement> constraints(RequirementsFileParser parser) {
    List<Requirement> constraints = new ArrayList<>();
    if (constraintFiles == null) {
      return constraints;
    }
    for (Path file : constraintFiles) {
      for (Entry e : Inputs.parse(parser, file).allEntries()) {
        constraints.add(
            e.requirement()
                .orElseThrow(
                    () ->
                        new CliException(
                            e.location()
                                + ": a constraint names a project and versions, not "
                                + e.requirementText().strip(),
                            ExitCodes.USAGE)));
      }
    }
    return constraints;
  }
}
