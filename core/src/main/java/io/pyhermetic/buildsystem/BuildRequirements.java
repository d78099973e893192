package io.pyhermetic.buildsystem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.pyhermetic.error.Location;
import io.pyhermetic.requirement.InvalidRequirementException;
import io.pyhermetic.requirement.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What building one sdist needs, from its top-level files: {@code [build-system] requires} of
 * {@code pyproject.toml}, then {@code [options] setup_requires} of {@code setup.cfg}, then {@code
 * setup_requires=} of {@code setup.py} (a literal list, never executed), concatenated as
 * pybuild-deps does. A project without a {@code [build-system]} table gets pip's default for legacy
 * projects, {@code setuptools>=40.8.0} (pip 23.1 and later no longer add {@code wheel}).
 *
 * @param requirements every requirement, in the order found
 * @param backend the {@code build-backend} of {@code pyproject.toml}, if declared
 * @param legacyDefault whether the requirements are pip's default (no {@code [build-system]})
 * @param origins where each requirement was declared, parallel to {@code requirements}
 */
public record BuildRequirements(
    List<Requirement> requirements,
    Optional<String> backend,
    boolean legacyDefault,
    List<Origin> origins) {

  // a mapper is costly to build and thread-safe once built
  static final TomlMapper TOML = new TomlMapper();

  /** pip's build requirements for a project without {@code [build-system]}. */
  public static final String LEGACY_DEFAULT = "setuptools>=40.8.0";

  /** Where a build requirement comes from. */
  public enum Origin {
    /** {@code [build-system] requires} of {@code pyproject.toml}. */
    PYPROJECT_TOML("pyproject.toml"),
    /** {@code [options] setup_requires} of {@code setup.cfg}. */
    SETUP_CFG("setup.cfg"),
    /** The {@code setup_requires=} argument of {@code setup.py}'s {@code setup(…)} call. */
    SETUP_PY("setup.py"),
    /** pip's default for a project without {@code [build-system]}. */
    PIP_DEFAULT("pip default");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    /**
     * The file name, or {@code pip default}.
     *
     * @return the label printed in reports
     */
    public String label() {
      return label;
    }
  }

  /**
   * Copies the lists, so the value stays immutable, and checks there is one origin per requirement.
   *
   * @param requirements every requirement, in the order found
   * @param backend the {@code build-backend} of {@code pyproject.toml}, if declared
   * @param legacyDefault whether the requirements are pip's default (no {@code [build-system]})
   * @param origins where each requirement was declared, parallel to {@code requirements}
   */
  public BuildRequirements {
    requirements = List.copyOf(requirements);
    origins = List.copyOf(origins);
    if (origins.size() != requirements.size()) {
      throw new IllegalArgumentException("one origin per requirement");
    }
  }

  /**
   * Requirements without recorded origins: each is attributed to {@code pyproject.toml}.
   *
   * @param requirements the declared build requirements
   * @param backend the build backend, when one is declared
   * @param legacyDefault whether pip's legacy default applies (no {@code [build-system]} table)
   */
  public BuildRequirements(
      List<Requirement> requirements, Optional<String> backend, boolean legacyDefault) {
    this(
        requirements,
        backend,
        legacyDefault,
        java.util.Collections.nCopies(requirements.size(), Origin.PYPROJECT_TOML));
  }

  /**
   * Where {@code requirements().get(index)} was declared.
   *
   * @param index the requirement's position in {@link #requirements()}
   * @return the file that declared it
   */
  public Origin origin(int index) {
    return origins.get(index);
  }

  /**
   * Reads the declarations; absent files are empty.
   *
   * @param sdist the sdist's name, used in locations ({@code name-1.0.tar.gz/pyproject.toml})
   * @param pyproject the text of {@code pyproject.toml}, when the sdist has one
   * @param setupCfg the text of {@code setup.cfg}, when the sdist has one
   * @param setupPy the text of {@code setup.py}, when the sdist has one
   * @return the build requirements with where each was declared
   * @throws BuildSystemException for invalid TOML, a {@code [build-system]} table without {@code
   *     requires}, or a requirement that does not parse, located in its file
   */
  public static BuildRequirements read(
      String sdist,
      Optional<byte[]> pyproject,
      Optional<byte[]> setupCfg,
      Optional<byte[]> setupPy) {
    List<Requirement> requirements = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    Optional<String> backend = Optional.empty();
    boolean declared = false;
    if (pyproject.isPresent()) {
      String source = sdist + "/pyproject.toml";
      String text = decode(pyproject.get());
      JsonNode root = readToml(text, source);
      JsonNode buildSystem = root.get("build-system");
      if (buildSystem != null) {
        declared = true;
        JsonNode requires = buildSystem.get("requires");
        if (requires == null || !requires.isArray()) {
          throw new BuildSystemException(
              text,
              new Location(source, lineOf(text, "[build-system]"), 1),
              "the [build-system] table has no 'requires' list (pip refuses such a project)");
        }
        for (JsonNode r : requires) {
          requirements.add(parse(r.asText(), source, text));
          origins.add(Origin.PYPROJECT_TOML);
        }
        if (buildSystem.hasNonNull("build-backend")) {
          backend = Optional.of(buildSystem.get("build-backend").asText());
        }
      }
    }
    if (setupCfg.isPresent()) {
      String source = sdist + "/setup.cfg";
      String text = decode(setupCfg.get());
      for (String line : SetupCfg.setupRequires(text)) {
        for (Requirement r : setupCfgItem(line, source, text)) {
          requirements.add(r);
          origins.add(Origin.SETUP_CFG);
        }
      }
    }
    if (setupPy.isPresent()) {
      String source = sdist + "/setup.py";
      String text = decode(setupPy.get());
      for (String r : SetupPy.setupRequires(text, source)) {
        requirements.add(parse(r, source, text));
        origins.add(Origin.SETUP_PY);
      }
    }
    if (!declared) {
      requirements.add(0, Requirement.parse(LEGACY_DEFAULT));
      origins.add(0, Origin.PIP_DEFAULT);
      return new BuildRequirements(requirements, backend, true, origins);
    }
    return new BuildRequirements(requirements, backend, false, origins);
  }

  /** Parses TOML, or fails located where the TOML parser stopped. */
  static JsonNode readToml(String text, String source) {
    try {
      return TOML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new BuildSystemException(
          text,
          new Location(
              source,
              at == null ? 1 : Math.max(1, at.getLineNr()),
              at == null ? 1 : Math.max(1, at.getColumnNr())),
          "invalid TOML: " + e.getOriginalMessage());
    }
  }

  /** setuptools' rule: a line that is one requirement stays whole, else it is split on ';'. */
  static List<Requirement> setupCfgItem(String line, String source, String text) {
    if (Requirement.isValid(line)) {
      return List.of(Requirement.parse(line));
    }
    List<Requirement> out = new ArrayList<>();
    for (String part : line.split(";")) {
      if (!part.isBlank()) {
        out.add(parse(part.strip(), source, text));
      }
    }
    return out;
  }

  static Requirement parse(String requirement, String source, String text) {
    return parse(requirement, source, text, "build requirement");
  }

  /** Parses {@code requirement}, or fails located at its line as an invalid {@code what}. */
  static Requirement parse(String requirement, String source, String text, String what) {
    try {
      return Requirement.parse(requirement);
    } catch (InvalidRequirementException e) {
      int line = lineOf(text, requirement);
      throw new BuildSystemException(
          text,
          new Location(source, line, 1),
          "invalid " + what + " " + requirement + ": " + e.reason().lines().findFirst().orElse(""));
    }
  }

  /** utf-8-sig, as pybuild-deps reads these files (msal 1.24.1 has a BOM). */
  static String decode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    if (at < 0) {
      return 1;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
