package io.pyhermetic.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.testdata.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs every case of a vector file through a check and reports all mismatches at once. */
public final class Conformance {
  private Conformance() {}

  /** A check returns null when the case passes, or a description of the mismatch. */
  public static void run(String file, int minimumCases, Function<Vectors.Case, String> check) {
    List<Vectors.Case> cases = Vectors.load(file);
    assertThat(cases).as("cases in " + file).hasSizeGreaterThanOrEqualTo(minimumCases);
    List<String> failures = new ArrayList<>();
    for (Vectors.Case c : cases) {
      String failure;
      try {
        failure = check.apply(c);
      } catch (RuntimeException | AssertionError e) {
        failure = "threw " + e;
      }
      if (failure != null) {
        failures.add(c + "\n    expected " + c.expect() + "\n    " + failure);
      }
    }
    assertThat(failures)
        .as(
            "%d of %d cases of %s differ; first ones:%n%s",
            failures.size(),
            cases.size(),
            file,
            String.join("\n", failures.subList(0, Math.min(40, failures.size()))))
        .isEmpty();
  }

  /** A JSON string value, or null for JSON null or a missing key. */
  public static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A JSON boolean value, or null for JSON null or a missing key. */
  public static Boolean bool(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asBoolean();
  }

  /** Compares and describes: null when equal. */
  public static String diff(String what, Object expected, Object actual) {
    return java.util.Objects.equals(expected, actual)
        ? null
        : what + ": expected <" + expected + "> but was <" + actual + ">";
  }

  /** The first non-null description. */
  public static String first(String... descriptions) {
    for (String d : descriptions) {
      if (d != null) {
        return d;
      }
    }
    return null;
  }
}
