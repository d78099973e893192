package io.pyhermetic.hermeto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Hermeto {@code fetch-deps} input the way Hermeto does before it fetches anything (its
 * pydantic model and request checks, with its wording and {@code packages -> 0 -> pip -> binary ->
 * py_version} locations), and also that the requirements files exist. Reports every violation at
 * once.
 */
public final class HermetoValidator {

  /** One problem, at a location in the JSON input. */
  public record Violation(String location, String message) {
    @Override
    public String toString() {
      return location + "\n  " + message;
    }
  }

  /** The violations, and the input when there are none. */
  public record Result(Optional<HermetoInput> input, List<Violation> violations) {
    /**
     * Copies the violations, so that the result stays immutable.
     *
     * @param input the input
     * @param violations the violations
     */
    public Result {
      violations = List.copyOf(violations);
    }

    /**
     * Whether the input has no violation.
     *
     * @return whether the input has no violation
     */
    public boolean isOk() {
      return violations.isEmpty();
    }

    /**
     * Hermeto's rendering: {@code N validation error[s] for user input}, then each one.
     *
     * @return the string
     */
    public String report() {
      StringBuilder out =
          new StringBuilder()
              .append(violations.size())
              .append(violations.size() == 1 ? " validation error" : " validation errors")
              .append(" for user input");
      for (Violation v : violations) {
        out.append('\n').append(v);
      }
      return out.toString();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TYPES =
      List.of(
          "bundler", "cargo", "generic", "gomod", "npm", "pip", "pnpm", "rpm", "x-maven", "yarn");
  private static final List<String> FLAGS =
      List.of(
          "cgo-disable",
          "dev-package-managers",
          "force-gomod-tidy",
          "gomod-vendor",
          "gomod-vendor-check");
  private static final Set<String> PIP_KEYS =
      Set.of(
          "type",
          "path",
          "requirements_files",
          "requirements_build_files",
          "allow_binary",
          "binary");

  private HermetoValidator() {}

  /**
   * Validates the JSON text of an input (an object, a list of packages, or a bare type string)
   * against {@code sourceDir}, the project checkout.
   *
   * @param json the json
   * @param sourceDir the source dir
   * @return the result
   */
  public static Result validate(String json, Path sourceDir) {
    return validate(json, sourceDir, Set.of());
  }

  /**
   * As {@link #validate(String, Path)}, counting {@code plannedFiles} (absolute, normalised paths)
   * as present: files a plan will write next to its Hermeto inputs, so the inputs can be checked
   * before anything is written.
   *
   * @param json the json
   * @param sourceDir the source dir
   * @param plannedFiles the planned files
   * @return the result
   */
  public static Result validate(String json, Path sourceDir, Set<Path> plannedFiles) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(plannedFiles, "plannedFiles");
    List<Violation> violations = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      violations.add(
          new Violation("", "Looks like JSON but is not valid JSON: " + e.getOriginalMessage()));
      return new Result(Optional.empty(), violations);
    }
    if (root == null || root.isMissingNode()) {
      violations.add(new Violation("", "empty input"));
      return new Result(Optional.empty(), violations);
    }
    JsonNode packages;
    JsonNode flags = null;
    if (root.isTextual()) {
      packages = JSON.createArrayNode().add(JSON.createObjectNode().put("type", root.asText()));
    } else if (root.isArray()) {
      packages = root;
    } else if (root.isObject() && root.has("packages")) {
      packages = root.get("packages");
      flags = root.get("flags");
      root.fieldNames()
          .forEachRemaining(
              key -> {
                if (!key.equals("packages") && !key.equals("flags")) {
                  violations.add(new Violation(key, "Extra inputs are not permitted"));
                }
              });
    } else if (root.isObject()) {
      packages = JSON.createArrayNode().add(root);
    } else {
      violations.add(
          new Violation("", "Input should be a JSON object, a list of packages or a package type"));
      return new Result(Optional.empty(), violations);
    }
    List<String> flagValues = flags(flags, violations);
    if (!packages.isArray()) {
      violations.add(new Violation("packages", "Input should be a valid list"));
      return new Result(Optional.empty(), violations);
    }
    if (packages.isEmpty()) {
      violations.add(
          new Violation(
              "packages", "Value error, at least one package must be defined, got an empty list"));
    }
    List<PipInput> pips = new ArrayList<>();
    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    for (int i = 0; i < packages.size(); i++) {
      JsonNode p = packages.get(i);
      String at = "packages -> " + i;
      if (!p.isObject() || !p.has("type")) {
        violations.add(new Violation(at, "Unable to extract tag using discriminator 'type'"));
        continue;
      }
      String type = p.get("type").asText();
      if (!TYPES.contains(type) || !p.get("type").isTextual()) {
        violations.add(
            new Violation(
                at,
                "Requested backend type '"
                    + type
                    + "' doesn't match expected ones: 'bundler', 'cargo', 'generic', 'gomod', 'npm', 'pip', 'pnpm', 'rpm', 'x-maven', 'yarn'"));
        continue;
      }
      if (!type.equals("pip")) {
        continue; // other package managers are not ours to check
      }
      PipInput pip = pip(p, at + " -> pip", sourceDir, plannedFiles, violations);
      if (pip == null) {
        continue;
      }
      String key = "pip\u0000" + pip.path();
      JsonNode previous = byPath.putIfAbsent(key, p);
      if (previous != null) {
        if (!previous.equals(p)) {
          violations.add(
              new Violation(
                  "packages",
                  "Value error, conflict by ('pip', PosixPath('"
                      + pip.path()
                      + "')): "
                      + previous
                      + " X "
                      + p));
        }
        continue;
      }
      pips.add(pip);
    }
    if (!violations.isEmpty() || pips.isEmpty()) {
      return new Result(Optional.empty(), violations);
    }
    return new Result(Optional.of(new HermetoInput(pips, flagValues)), violations);
  }

  private static List<String> flags(JsonNode flags, List<Violation> violations) {
    List<String> values = new ArrayList<>();
    if (flags == null) {
      return values;
    }
    if (!flags.isArray()) {
      violations.add(new Violation("flags", "Input should be a valid list"));
      return values;
    }
    for (int i = 0; i < flags.size(); i++) {
      String flag = flags.get(i).asText();
      if (!flags.get(i).isTextual() || !FLAGS.contains(flag)) {
        violations.add(
            new Violation(
                "flags -> " + i,
                "Input should be 'cgo-disable', 'dev-package-managers', 'force-gomod-tidy', 'gomod-vendor' or 'gomod-vendor-check'"));
      } else if (!values.contains(flag)) {
        values.add(flag);
      }
    }
    return values;
  }

  private static PipInput pip(
      JsonNode p, String at, Path sourceDir, Set<Path> plannedFiles, List<Violation> violations) {
    int before = violations.size();
    for (Iterator<String> keys = p.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!PIP_KEYS.contains(key)) {
        violations.add(new Violation(at + " -> " + key, "Extra inputs are not permitted"));
      }
    }
    String path = ".";
    if (p.has("path")) {
      JsonNode value = p.get("path");
      if (!value.isTextual()) {
        violations.add(
            new Violation(at + " -> path", "Input is not a valid path for <class 'pathlib.Path'>"));
      } else {
        path = relativePath(value.asText(), at + " -> path", violations);
      }
    }
    Optional<List<String>> files = fileList(p, "requirements_files", at, violations);
    Optional<List<String>> buildFiles = fileList(p, "requirements_build_files", at, violations);
    Optional<PipBinaryFilters> binary = BinaryInputRules.binary(p, at, violations);
    if (violations.size() > before || path == null) {
      return null;
    }
    // request-level checks: the package directory, then the files Hermeto will open
    Path source = sourceDir.toAbsolutePath().normalize();
    Path dir = source.resolve(path).normalize();
    try {
      if (!dir.toRealPath().startsWith(source.toRealPath())) {
        violations.add(
            new Violation(
                "packages",
                "Value error, package path (a symlink?) leads outside source directory: " + path));
        return null;
      }
    } catch (java.io.IOException e) {
      violations.add(
          new Violation(
              "packages",
              "Value error, package path does not exist (or is not a directory): " + path));
      return null;
    }
    if (!Files.isDirectory(dir)) {
      violations.add(
          new Violation(
              "packages",
              "Value error, package path does not exist (or is not a directory): " + path));
      return null;
    }
    checkExists(dir, files, at + " -> requirements_files", plannedFiles, violations);
    checkExists(dir, buildFiles, at + " -> requirements_build_files", plannedFiles, violations);
    return new PipInput(path, files, buildFiles, binary);
  }

  private static void checkExists(
      Path dir,
      Optional<List<String>> files,
      String at,
      Set<Path> plannedFiles,
      List<Violation> violations) {
    files.ifPresent(
        list -> {
          for (String f : list) {
            Path file = dir.resolve(f).normalize();
            if (!Files.isRegularFile(file) && !plannedFiles.contains(file)) {
              violations.add(new Violation(at, "Required files not found: " + file));
            }
          }
        });
  }

  /** Hermeto's path rules: relative, no {@code ..}; normalized ({@code ./sub/} → {@code sub}). */
  private static String relativePath(String value, String at, List<Violation> violations) {
    Path p;
    try {
      p = Path.of(value);
    } catch (InvalidPathException e) {
      violations.add(new Violation(at, "Input is not a valid path for <class 'pathlib.Path'>"));
      return null;
    }
    if (p.isAbsolute()) {
      violations.add(new Violation(at, "Value error, path must be relative: " + value));
      return null;
    }
    for (Path part : p) {
      if (part.toString().equals("..")) {
        violations.add(new Violation(at, "Value error, path contains ..: " + value));
        return null;
      }
    }
    String normalized = p.normalize().toString();
    return normalized.isEmpty() ? "." : normalized;
  }

  private static Optional<List<String>> fileList(
      JsonNode p, String field, String at, List<Violation> violations) {
    if (!p.has(field)) {
      return Optional.empty();
    }
    String where = at + " -> " + field;
    JsonNode value = p.get(field);
    if (value.isNull()) {
      violations.add(new Violation(where, "Value error, none is not an allowed value"));
      return Optional.empty();
    }
    if (!value.isArray()) {
      violations.add(new Violation(where, "Input should be a valid list"));
      return Optional.empty();
    }
    List<String> files = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        violations.add(
            new Violation(
                where + " -> " + i, "Input is not a valid path for <class 'pathlib.Path'>"));
        continue;
      }
      String path = relativePath(element.asText(), where, violations);
      if (path != null) {
        files.add(path);
      }
    }
    return Optional.of(files);
  }

  static String pythonType(JsonNode v) {
    if (v.isArray()) {
      return "list";
    }
    if (v.isObject()) {
      return "dict";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isIntegralNumber()) {
      return "int";
    }
    if (v.isNumber()) {
      return "float";
    }
    return v.isNull() ? "NoneType" : "str";
  }
}
