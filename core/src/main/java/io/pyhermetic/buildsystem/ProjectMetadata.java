package io.pyhermetic.buildsystem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's own name and version as Hermeto reads them for the main package of its SBOM, from the
 * bytes of the project's top-level files, without running anything. The files are consulted in
 * Hermeto's order, and the first one that names the project gives the name and the version:
 *
 * <ol>
 *   <li>{@code pyproject.toml} {@code [project] name} and {@code version} (a version listed in
 *       {@code dynamic} is not resolved);
 *   <li>{@code setup.py}: the {@code name=} and {@code version=} keywords of a module-level {@code
 *       setup(…)} call, as string literals or module-level names bound to string literals;
 *   <li>{@code setup.cfg} {@code [metadata] name} and {@code version}, literal values only: a
 *       {@code file:} or {@code attr:} version is left unresolved (Hermeto resolves both).
 * </ol>
 *
 * <p>A file that cannot be read (invalid TOML, a {@code setup.py} that does not tokenize) names
 * nothing, as in Hermeto, which logs and moves on.
 *
 * @param name the name as written, when a file gives one
 * @param version the version as written, when the file that gives the name gives one
 * @param origin the file that gave the name
 */
public record ProjectMetadata(
    Optional<String> name, Optional<String> version, Optional<BuildRequirements.Origin> origin) {

  /**
   * Checks that no component is null.
   *
   * @param name the name as written, when a file gives one
   * @param version the version as written, when the file that gives the name gives one
   * @param origin the file that gave the name
   */
  public ProjectMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * Nothing named the project.
   *
   * @return metadata with every part empty
   */
  public static ProjectMetadata none() {
    return new ProjectMetadata(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads the files; absent ones are skipped.
   *
   * @param project how the project is called in locations (a directory, say)
   * @param pyproject the text of {@code pyproject.toml}, when the project has one
   * @param setupCfg the text of {@code setup.cfg}, when the project has one
   * @param setupPy the text of {@code setup.py}, when the project has one
   * @return the name and version the first file that gives them declares
   */
  public static ProjectMetadata read(
      String project,
      Optional<byte[]> pyproject,
      Optional<byte[]> setupCfg,
      Optional<byte[]> setupPy) {
    if (pyproject.isPresent()) {
      ProjectMetadata found = fromPyproject(BuildRequirements.decode(pyproject.get()));
      if (found.name().isPresent()) {
        return found;
      }
    }
    if (setupPy.isPresent()) {
      String text = BuildRequirements.decode(setupPy.get());
      String source = project + "/setup.py";
      Optional<String> name = nonBlank(SetupPy.stringKeyword(text, source, "name"));
      if (name.isPresent()) {
        return new ProjectMetadata(
            name,
            nonBlank(SetupPy.stringKeyword(text, source, "version")),
            Optional.of(BuildRequirements.Origin.SETUP_PY));
      }
    }
    if (setupCfg.isPresent()) {
      String text = BuildRequirements.decode(setupCfg.get());
      Optional<String> name = cfgValue(text, "name");
      if (name.isPresent()) {
        Optional<String> version =
            cfgValue(text, "version").filter(v -> !v.startsWith("file:") && !v.startsWith("attr:"));
        return new ProjectMetadata(name, version, Optional.of(BuildRequirements.Origin.SETUP_CFG));
      }
    }
    return none();
  }

  private static ProjectMetadata fromPyproject(String text) {
    JsonNode root;
    try {
      root = BuildRequirements.TOML.readTree(text);
    } catch (JsonProcessingException e) {
      return none();
    }
    JsonNode project = root.path("project");
    Optional<String> name = textOf(project.get("name"));
    if (name.isEmpty()) {
      return none();
    }
    return new ProjectMetadata(
        name, textOf(project.get("version")), Optional.of(BuildRequirements.Origin.PYPROJECT_TOML));
  }

  private static Optional<String> textOf(JsonNode node) {
    return node != null && node.isTextual()
        ? nonBlank(Optional.of(node.asText()))
        : Optional.empty();
  }

  private static Optional<String> cfgValue(String text, String key) {
    List<String> lines = SetupCfg.values(text, "metadata", key);
    return nonBlank(Optional.of(String.join("\n", lines)));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
