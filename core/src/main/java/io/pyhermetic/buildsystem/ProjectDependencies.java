package io.pyhermetic.buildsystem;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.error.Location;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a project declares it needs at run time, read from its files without running anything:
 * {@code pyproject.toml} ({@code [project] dependencies}, {@code optional-dependencies}, {@code
 * requires-python}, and PEP 735 {@code [dependency-groups]} with their {@code include-group}
 * entries expanded) or {@code setup.cfg} ({@code [options] install_requires}, {@code
 * [options.extras_require]}, {@code python_requires}).
 *
 * @param name the project's name, when declared
 * @param requiresPython the {@code requires-python} text, when declared
 * @param dependencies the unconditional requirements, in order
 * @param optionalDependencies per extra (canonical name), its requirements
 * @param groups per dependency group (canonical name), its requirements with includes expanded
 */
public record ProjectDependencies(
    Optional<String> name,
    Optional<String> requiresPython,
    List<Requirement> dependencies,
    Map<String, List<Requirement>> optionalDependencies,
    Map<String, List<Requirement>> groups) {

  /**
   * Checks that no component is null and copies the collections.
   *
   * @param name the project's name, when declared
   * @param requiresPython the {@code requires-python} text, when declared
   * @param dependencies the unconditional requirements, in order
   * @param optionalDependencies per extra (canonical name), its requirements
   * @param groups per dependency group (canonical name), its requirements with includes expanded
   */
  public ProjectDependencies {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requiresPython, "requiresPython");
    dependencies = List.copyOf(dependencies);
    optionalDependencies = copy(optionalDependencies);
    groups = copy(groups);
  }

  private static Map<String, List<Requirement>> copy(Map<String, List<Requirement>> map) {
    Map<String, List<Requirement>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads a {@code pyproject.toml}.
   *
   * @param source how the file is named in locations
   * @param bytes the file's content
   * @return the project's name, Python requirement and dependencies
   * @throws BuildSystemException for invalid TOML, a requirement that does not parse, a {@code
   *     dependencies} listed in {@code dynamic} (its value is known only after a build), or a
   *     broken {@code include-group}
   */
  public static ProjectDependencies fromPyproject(String source, byte[] bytes) {
    String text = BuildRequirements.decode(bytes);
    JsonNode root = BuildRequirements.readToml(text, source);
    JsonNode project = root.path("project");
    Set<String> dynamic = new LinkedHashSet<>();
    for (JsonNode d : project.path("dynamic")) {
      dynamic.add(d.asText());
    }
    if (dynamic.contains("dependencies")) {
      throw new BuildSystemException(
          text,
          new Location(source, BuildRequirements.lineOf(text, "dynamic"), 1),
          "[project] dependencies is listed in 'dynamic': the dependencies are known only after a"
              + " build; declare them in [project] dependencies or lock a requirements file");
    }
    List<Requirement> dependencies = requirements(project.path("dependencies"), source, text);
    Map<String, List<Requirement>> extras = new LinkedHashMap<>();
    if (!dynamic.contains("optional-dependencies")) {
      for (Map.Entry<String, JsonNode> e : project.path("optional-dependencies").properties()) {
        extras.put(ProjectName.canonicalize(e.getKey()), requirements(e.getValue(), source, text));
      }
    }
    Map<String, JsonNode> rawGroups = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("dependency-groups").properties()) {
      rawGroups.put(ProjectName.canonicalize(e.getKey()), e.getValue());
    }
    Map<String, List<Requirement>> groups = new LinkedHashMap<>();
    for (String group : rawGroups.keySet()) {
      groups.put(group, group(group, rawGroups, new LinkedHashSet<>(), source, text));
    }
    Optional<String> name = textOf(project.get("name"));
    return new ProjectDependencies(
        name, textOf(project.get("requires-python")), dependencies, extras, groups);
  }

  /**
   * Reads a {@code setup.cfg}.
   *
   * @param source how the file is named in locations
   * @param bytes the file's content
   * @return the project's name, Python requirement and dependencies
   * @throws BuildSystemException for a requirement that does not parse
   */
  public static ProjectDependencies fromSetupCfg(String source, byte[] bytes) {
    String text = BuildRequirements.decode(bytes);
    List<Requirement> dependencies = new ArrayList<>();
    for (String line : SetupCfg.values(text, "options", "install_requires")) {
      dependencies.addAll(BuildRequirements.setupCfgItem(line, source, text));
    }
    Map<String, List<Requirement>> extras = new LinkedHashMap<>();
    for (String extra : SetupCfg.keys(text, "options.extras_require")) {
      List<Requirement> requirements = new ArrayList<>();
      for (String line : SetupCfg.values(text, "options.extras_require", extra)) {
        requirements.addAll(BuildRequirements.setupCfgItem(line, source, text));
      }
      extras.put(ProjectName.canonicalize(extra), requirements);
    }
    Optional<String> name =
        Optional.of(String.join("", SetupCfg.values(text, "metadata", "name")))
            .filter(s -> !s.isBlank());
    Optional<String> python =
        Optional.of(String.join("", SetupCfg.values(text, "options", "python_requires")))
            .filter(s -> !s.isBlank());
    return new ProjectDependencies(name, python, dependencies, extras, Map.of());
  }

  private static List<Requirement> group(
      String group, Map<String, JsonNode> raw, Set<String> visiting, String source, String text) {
    if (!visiting.add(group)) {
      throw new BuildSystemException(
          text,
          new Location(source, BuildRequirements.lineOf(text, "include-group"), 1),
          "dependency group " + group + " includes itself: " + String.join(" -> ", visiting));
    }
    List<Requirement> out = new ArrayList<>();
    for (JsonNode item : raw.get(group)) {
      if (item.isTextual()) {
        out.add(BuildRequirements.parse(item.asText(), source, text, "requirement"));
      } else if (item.isObject() && item.path("include-group").isTextual()) {
        String included = ProjectName.canonicalize(item.path("include-group").asText());
        if (!raw.containsKey(included)) {
          throw new BuildSystemException(
              text,
              new Location(source, BuildRequirements.lineOf(text, "include-group"), 1),
              "dependency group " + group + " includes unknown group " + included);
        }
        out.addAll(group(included, raw, new LinkedHashSet<>(visiting), source, text));
      } else {
        throw new BuildSystemException(
            text,
            new Location(source, BuildRequirements.lineOf(text, "[dependency-groups]"), 1),
            "dependency group "
                + group
                + " holds an entry that is neither a requirement nor an"
                + " include-group table");
      }
    }
    return out;
  }

  private static List<Requirement> requirements(JsonNode list, String source, String text) {
    List<Requirement> out = new ArrayList<>();
    for (JsonNode r : list) {
      out.add(BuildRequirements.parse(r.asText(), source, text, "requirement"));
    }
    return out;
  }

  private static Optional<String> textOf(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText().strip())
        : Optional.empty();
  }
}
