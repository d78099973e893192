package io.pyhermetic.hermeto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.error.Failures;
import io.pyhermetic.error.PyhermeticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code hermeto generate-env} writes: the environment variables of a fetch (for pip, {@code
 * PIP_FIND_LINKS} and {@code PIP_NO_INDEX}) with {@code ${output_dir}} replaced by where the output
 * will be mounted, as {@code export} lines or as JSON, byte for byte as Hermeto does.
 */
public final class HermetoEnv {

  /** One variable. */
  public record Variable(String name, String value) {
    /**
     * Checks the components.
     *
     * @param name the name
     * @param value the value
     */
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHELL_SAFE = Pattern.compile("[a-zA-Z0-9@%+=:,./_-]+");

  private HermetoEnv() {}

  /**
   * The variables a pip fetch records, unresolved ({@code ${output_dir}} in place).
   *
   * @return the variables a pip fetch records, unresolved
   */
  public static List<Variable> pipVariables() {
    return List.of(
        new Variable("PIP_FIND_LINKS", "${output_dir}/deps/pip"),
        new Variable("PIP_NO_INDEX", "true"));
  }

  /**
   * The variables recorded in {@code outputDir/.build-config.json} by a fetch, sorted by name.
   *
   * @param outputDir the output dir
   * @return the variables recorded in {@code outputDir/.build-config.json} by a fetch, sorted by
   *     name
   * @throws PyhermeticException when the file is missing or unreadable, in Hermeto's words
   */
  public static List<Variable> read(Path outputDir) {
    Path config = outputDir.resolve(".build-config.json");
    if (!Files.isRegularFile(config)) {
      throw new PyhermeticException(
          "No .build-config.json found in "
              + outputDir
              + ". Please use a directory populated by a previous fetch-deps command.");
    }
    try {
      JsonNode root = JSON.readTree(config.toFile());
      List<Variable> variables = new ArrayList<>();
      for (JsonNode v : root.path("environment_variables")) {
        variables.add(new Variable(v.path("name").asText(), v.path("value").asText()));
      }
      return sorted(variables);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PyhermeticException(
          "cannot read "
              + config
              + ": not valid JSON"
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr())
              + ": "
              + Failures.scrub(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new PyhermeticException("cannot read " + config + ": " + Failures.describe(e), e);
    }
  }

  /**
   * The variables with {@code ${output_dir}} (and references to other listed variables) replaced,
   * for output mounted at {@code forOutputDir} (made absolute against the current directory).
   *
   * @param variables the variables
   * @param forOutputDir the for output dir
   * @return the variables with {@code ${output_dir}}
   */
  public static List<Variable> resolve(List<Variable> variables, Path forOutputDir) {
    String dir = forOutputDir.toAbsolutePath().normalize().toString();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("output_dir", dir);
    List<Variable> out = new ArrayList<>();
    for (Variable v : sorted(variables)) {
      String value = v.value();
      for (Map.Entry<String, String> known : values.entrySet()) {
        value = value.replace("${" + known.getKey() + "}", known.getValue());
      }
      values.put(v.name(), value);
      out.add(new Variable(v.name(), value));
    }
    return out;
  }

  /**
   * {@code export NAME=VALUE} lines, both sides quoted only when the shell needs it.
   *
   * @param variables the variables
   * @return {@code export NAME=VALUE} lines, both sides quoted only when the shell needs it
   */
  public static String env(List<Variable> variables) {
    StringBuilder out = new StringBuilder();
    for (Variable v : variables) {
      out.append("export ")
          .append(shellQuote(v.name()))
          .append('=')
          .append(shellQuote(v.value()))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * One line of JSON as Python's {@code json.dumps} writes it, and a newline.
   *
   * @param variables the variables
   * @return one line of JSON as Python's {@code json.dumps} writes it, and a newline
   */
  public static String json(List<Variable> variables) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < variables.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append("{\"name\": ")
          .append(jsonString(variables.get(i).name()))
          .append(", \"value\": ")
          .append(jsonString(variables.get(i).value()))
          .append('}');
    }
    return out.append("]\n").toString();
  }

  /** Python's {@code shlex.quote}. */
  static String shellQuote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    if (SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  private static String jsonString(String s) {
    // json.dumps escapes non-ASCII as \\uXXXX by default
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  private static List<Variable> sorted(List<Variable> variables) {
    List<Variable> copy = new ArrayList<>(variables);
    copy.sort(Comparator.comparing(Variable::name));
    List<Variable> unique = new ArrayList<>();
    for (Variable v : copy) {
      if (!unique.contains(v)) {
        unique.add(v);
      }
    }
    return unique;
  }
}
