package io.pyhermetic.prefetch.internal;

import io.pyhermetic.hermeto.HermetoEnv;
import java.util.List;

/**
 * {@code .build-config.json} as Hermeto's {@code fetch-deps} writes it for pip (pydantic's {@code
 * model_dump_json(indent=2, exclude_none=True)}: two-space indentation, no final newline).
 */
public final class BuildConfig {
  private BuildConfig() {}

  /**
   * The file for a pip fetch without URL or VCS requirements (so without project files).
   *
   * @return the JSON text of {@code .build-config.json}
   */
  public static String pip() {
    List<HermetoEnv.Variable> variables = HermetoEnv.pipVariables();
    StringBuilder out = new StringBuilder("{\n  \"environment_variables\": [\n");
    for (int i = 0; i < variables.size(); i++) {
      HermetoEnv.Variable v = variables.get(i);
      out.append("    {\n      \"name\": ")
          .append(string(v.name()))
          .append(",\n      \"value\": ")
          .append(string(v.value()))
          .append("\n    }")
          .append(i + 1 < variables.size() ? ",\n" : "\n");
    }
    return out.append("  ],\n  \"project_files\": []\n}").toString();
  }

  private static String string(String s) {
    // the pip variables are plain ASCII without quotes or backslashes
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
