package io.pyhermetic.lock;

import io.pyhermetic.buildsystem.ProjectDependencies;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.EntryKind;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.Requirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a lock starts from: a {@code pyproject.toml}, a {@code setup.cfg} or a requirements file
 * ({@code requirements.in} or any other name).
 *
 * @param kind what kind of file
 * @param path the path as given, which names the file in {@code # via} lines
 * @param via what the lock records as requiring the file's requirements: {@code name
 *     (pyproject.toml)} for a project file, {@code -r requirements.in} for a requirements file
 * @param declared the project's declarations (requirements files have only {@code dependencies})
 * @param constraints constraints a requirements file names with {@code -c}
 * @param unsupported entries that cannot be locked from an index (editable, URL), as text with
 *     their location
 */
public record LockInput(
    Kind kind,
    String path,
    String via,
    ProjectDependencies declared,
    List<Requirement> constraints,
    List<String> unsupported) {

  /** The kinds of input. */
  public enum Kind {
    /** A {@code pyproject.toml}. */
    PYPROJECT,
    /** A {@code setup.cfg}. */
    SETUP_CFG,
    /** A requirements file. */
    REQUIREMENTS
  }

  /**
   * Checks that no component is null and copies the lists.
   *
   * @param kind what kind of file
   * @param path the path as given, which names the file in {@code # via} lines
   * @param via what the lock records as requiring the file's requirements: {@code name
   *     (pyproject.toml)} for a project file, {@code -r requirements.in} for a requirements file
   * @param declared the project's declarations (requirements files have only {@code dependencies})
   * @param constraints constraints a requirements file names with {@code -c}
   * @param unsupported entries that cannot be locked from an index (editable, URL), as text with
   *     their location
   */
  public LockInput {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(declared, "declared");
    constraints = List.copyOf(constraints);
    unsupported = List.copyOf(unsupported);
  }

  /**
   * Reads {@code file}: {@code pyproject.toml} and {@code setup.cfg} by name, anything else as a
   * requirements file.
   *
   * @param file the file
   * @return the input
   * @throws io.pyhermetic.error.ParseException located, for a file that does not parse or declares
   *     its dependencies dynamic
   * @throws UncheckedIOException when the file cannot be read
   */
  public static LockInput read(Path file) {
    String name = String.valueOf(file.getFileName());
    String shown = file.toString();
    if (name.equals("pyproject.toml")) {
      ProjectDependencies declared = ProjectDependencies.fromPyproject(shown, bytes(file));
      return new LockInput(
          Kind.PYPROJECT, shown, projectVia(declared, shown), declared, List.of(), List.of());
    }
    if (name.equals("setup.cfg")) {
      ProjectDependencies declared = ProjectDependencies.fromSetupCfg(shown, bytes(file));
      return new LockInput(
          Kind.SETUP_CFG, shown, projectVia(declared, shown), declared, List.of(), List.of());
    }
    return ofRequirements(new RequirementsFileParser().parse(file), shown);
  }

  /**
   * A parsed requirements file, named {@code shown} in {@code # via} lines.
   *
   * @param file the parsed file
   * @param shown the file's name in {@code # via} lines
   * @return the input
   */
  public static LockInput ofRequirements(RequirementsFile file, String shown) {
    List<Requirement> requirements = new ArrayList<>();
    List<Requirement> constraints = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (Entry e : file.allEntries()) {
      Optional<Requirement> r = e.requirement();
      if (e.kind() != EntryKind.REQUIREMENT || r.isEmpty() || r.get().url().isPresent()) {
        unsupported.add(e.location() + ": " + e.text().strip());
      } else if (e.isConstraint()) {
        constraints.add(r.get());
      } else {
        requirements.add(r.get());
      }
    }
    ProjectDependencies declared =
        new ProjectDependencies(
            Optional.empty(), Optional.empty(), requirements, Map.of(), Map.of());
    return new LockInput(
        Kind.REQUIREMENTS, shown, "-r " + shown, declared, constraints, unsupported);
  }

  private static String projectVia(ProjectDependencies declared, String shown) {
    return declared.name().map(n -> n + " (" + shown + ")").orElse("(" + shown + ")");
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
