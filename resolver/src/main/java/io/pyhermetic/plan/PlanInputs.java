package io.pyhermetic.plan;

import io.pyhermetic.diff.Labels;
import io.pyhermetic.error.PyhermeticException;
import io.pyhermetic.lockfile.LockFiles;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.LockSelection;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.reqfile.TextFiles;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.text.Redaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirements of a request, read and sorted per target: a file pip would reject, unknown
 * targets or files that name no architecture end the plan here, before anything is looked up.
 */
record PlanInputs(
    Map<Path, RequirementsFile> parsed,
    Map<String, Target> targets,
    Map<String, List<Path>> filesByTarget,
    List<Requirement> constraints,
    Map<String, String> lockRequirements) {

  static PlanInputs read(PlanRequest request) {
    RequirementsFileParser parser = new RequirementsFileParser();
    List<Path> files;
    if (request.universalFile().isPresent()) {
      if (!request.requirementsFiles().isEmpty()) {
        throw new PlanException(
            "give per-architecture files or a universal file (--universal), not both");
      }
      if (request.targets().isEmpty()) {
        throw new PlanException("a universal file needs the target architectures (--target)");
      }
      files = List.of(request.universalFile().get());
    } else if (request.requirementsFiles().isEmpty()) {
      throw new PlanException(
          "give the per-architecture requirements files (or a universal file and targets)");
    } else {
      files = request.requirementsFiles();
    }
    if (files.stream().anyMatch(LockFiles::isLockFile)) {
      return readLock(request, files, parser);
    }
    Map<Path, RequirementsFile> parsed = new LinkedHashMap<>();
    Map<String, List<Path>> filesByLabel = new LinkedHashMap<>();
    for (Path file : files) {
      parsed.put(file, parse(parser, file));
      filesByLabel
          .computeIfAbsent(
              architecture(file).orElse(Labels.fromFileName(file)), k -> new ArrayList<>())
          .add(file);
    }
    List<String> archs;
    if (request.targets().isEmpty()) {
      List<Path> unnamed = files.stream().filter(f -> architecture(f).isEmpty()).toList();
      if (!unnamed.isEmpty()) {
        throw new PlanException(
            unnamed.get(0)
                + ": name the files after their architecture (requirements-x86_64.txt) or give"
                + " the targets (--target)");
      }
      archs = new ArrayList<>(filesByLabel.keySet());
    } else {
      archs = request.targets();
    }
    Map<String, Target> targets = targets(request, archs);
    boolean perFile =
        request.universalFile().isEmpty() && targets.keySet().containsAll(filesByLabel.keySet());
    Map<String, List<Path>> filesByTarget = new LinkedHashMap<>();
    for (String arch : targets.keySet()) {
      filesByTarget.put(arch, perFile ? filesByLabel.getOrDefault(arch, List.of()) : files);
    }
    return new PlanInputs(parsed, targets, filesByTarget, constraints(parser, request), Map.of());
  }

  /**
   * A lock file selected per target: each target's packages are checked and audited where the lock
   * names them, and become the requirements file Hermeto reads for that target.
   */
  private static PlanInputs readLock(
      PlanRequest request, List<Path> files, RequirementsFileParser parser) {
    if (files.size() != 1) {
      throw new PlanException("give one lock file and nothing else: " + files);
    }
    if (request.targets().isEmpty()) {
      throw new PlanException(files.get(0) + " is a lock file: give the targets (--target)");
    }
    Path lock = files.get(0);
    Map<String, Target> targets = targets(request, request.targets());
    Map<Path, RequirementsFile> parsed = new LinkedHashMap<>();
    Map<String, List<Path>> filesByTarget = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    String name = String.valueOf(lock.getFileName());
    int dot = name.lastIndexOf('.');
    for (Target target : targets.values()) {
      LockSelection selection;
      try {
        selection = LockFiles.select(lock, SelectionRequest.of(target));
        // named after the target, so that diffs and reports label it by architecture
        Path key =
            lock.resolveSibling(name.substring(0, dot) + "-" + target.arch() + name.substring(dot));
        parsed.put(key, LockRequirements.of(selection));
        filesByTarget.put(target.arch(), List.of(key));
        texts.put(
            target.arch(),
            LockRequirements.write(
                selection,
                List.of(
                    "# "
                        + target.arch()
                        + ", CPython "
                        + request.python()
                        + ": what "
                        + name
                        + " installs there")));
      } catch (PyhermeticException e) {
        throw new PlanException(Redaction.redact(e.getMessage()), e);
      }
    }
    return new PlanInputs(parsed, targets, filesByTarget, constraints(parser, request), texts);
  }

  /** Every entry of every input file, in order. */
  List<Entry> allEntries() {
    List<Entry> all = new ArrayList<>();
    parsed.values().forEach(rf -> all.addAll(rf.allEntries()));
    return all;
  }

  /** The entries each target installs from. */
  Map<String, List<Entry>> entriesByTarget() {
    Map<String, List<Entry>> byTarget = new LinkedHashMap<>();
    filesByTarget.forEach(
        (arch, list) -> {
          List<Entry> entries = new ArrayList<>();
          list.forEach(f -> entries.addAll(parsed.get(f).allEntries()));
          byTarget.put(arch, entries);
        });
    return byTarget;
  }

  /** The architecture a file name carries ({@code amd64} and {@code arm64} as pip spells them). */
  static Optional<String> architecture(Path file) {
    return Labels.architectureOf(file);
  }

  private static Map<String, Target> targets(PlanRequest request, List<String> archs) {
    Map<String, Target> targets = new LinkedHashMap<>();
    for (String arch : archs) {
      String canonical = architecture(Path.of("requirements-" + arch + ".txt")).orElse(arch);
      try {
        Target target = Target.linux(canonical, request.python()).withGlibc(request.glibc());
        targets.put(target.arch(), target);
      } catch (IllegalArgumentException e) {
        throw new PlanException(
            "target "
                + arch
                + " with Python "
                + request.python()
                + " and glibc "
                + request.glibc()
                + ": "
                + e.getMessage());
      }
    }
    return targets;
  }

  private static RequirementsFile parse(RequirementsFileParser parser, Path file) {
    TextFiles.unreadable(file)
        .ifPresent(
            why -> {
              throw new PlanException("cannot read " + file + ": " + why);
            });
    try {
      return parser.parse(file);
    } catch (PyhermeticException e) {
      throw new PlanException(Redaction.redact(e.getMessage()).replace('\n', ' '), e);
    }
  }

  private static List<Requirement> constraints(RequirementsFileParser parser, PlanRequest request) {
    List<Requirement> constraints = new ArrayList<>();
    for (Path file : request.constraintFiles()) {
      for (Entry e : parse(parser, file).allEntries()) {
        constraints.add(
            e.requirement()
                .orElseThrow(
                    () ->
                        new PlanException(
                            e.location()
                                + ": a constraint names a project and versions, not "
                                + e.requirementText().strip())));
      }
    }
    return constraints;
  }
}
