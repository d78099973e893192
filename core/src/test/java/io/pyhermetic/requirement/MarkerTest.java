package io.pyhermetic.requirement;

import static io.pyhermetic.testing.Conformance.diff;
import static io.pyhermetic.testing.Conformance.first;
import static io.pyhermetic.testing.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.testdata.Vectors;
import io.pyhermetic.testing.Conformance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerTest {

  static Map<String, String> baseEnvironment() {
    Map<String, String> env = new HashMap<>();
    Vectors.loadJson("marker-base-env.json")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }

  @Test
  void parsesPrintsAndEvaluatesLikePackaging() {
    Map<String, String> base = baseEnvironment();
    Conformance.run(
        "marker.jsonl",
        4000,
        c -> {
          String text = c.cmd().get("marker").asText();
          JsonNode expect = c.hasDeviation() ? c.deviation() : c.expect();
          boolean ok = c.expect().get("ok").asBoolean();
          Marker marker;
          try {
            marker = Marker.parse(text);
          } catch (InvalidMarkerException e) {
            if (ok) {
              return "rejected: " + e.getMessage();
            }
            String error = text(c.expect(), "error");
            return "InvalidMarker".equals(text(c.expect(), "error_type"))
                ? diff("message", error, e.reason())
                : null;
          }
          boolean evaluate = !c.cmd().has("evaluate") || c.cmd().get("evaluate").asBoolean();
          String printed = diff("normalized", text(expect, "normalized"), marker.toString());
          if (!evaluate) {
            return ok ? printed : "accepted";
          }
          Map<String, String> env = new HashMap<>(base);
          if (c.cmd().has("env")) {
            c.cmd()
                .get("env")
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
          }
          try {
            boolean result = marker.evaluate(env);
            if (!ok) {
              return "evaluated to " + result + " instead of failing";
            }
            return first(printed, diff("result", expect.get("result").asBoolean(), result));
          } catch (MarkerEvaluationException e) {
            return ok ? "failed: " + e.getMessage() : null;
          }
        });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "os_name =< 'x'        | 9  | Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
        "os_name notin 'x'     | 9  | Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
        "bogus == '1'          | 1  | Expected a marker variable or quoted string",
        "(os_name == 'a'       | 16 | Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
        "os_name == 'a' xor 1  | 16 | Expected end of marker expression",
        "os_name not 'x'       | 13 | Expected 'in' after 'not'",
        "os_name == '\\x4'     | 17 | Invalid string literal: truncated \\xXX escape",
      })
  void rejectsWithColumnAndReason(String input, int column, String reason) {
    assertThatThrownBy(() -> Marker.parse(input))
        .isInstanceOfSatisfying(
            InvalidMarkerException.class,
            e -> {
              assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
              assertThat(e.reason()).startsWith(reason);
              assertThat(e.input()).isEqualTo(input);
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "|x86_64|true",
        "platform_machine == 'x86_64'|x86_64|true",
        "platform_machine == 'x86_64'|aarch64|false",
        "extra == 'gpu'|x86_64|false",
        "platform_machine ~= 'x86_64'|x86_64|false",
      })
  void appliesInSaysWhetherARequirementHoldsForATargetWithoutExtra(
      String marker, String arch, boolean applies) {
    Optional<Marker> parsed = marker == null ? Optional.empty() : Optional.of(Marker.parse(marker));

    assertThat(Marker.appliesIn(parsed, MarkerEnvironment.forTarget(arch, "3.12")))
        .isEqualTo(applies);
  }

  @Test
  void aMarkerThatCannotBeEvaluatedDoesNotApply() {
    Marker undefined = Marker.parse("platform_machine ~= 'x86_64'");
    MarkerEnvironment x86 = MarkerEnvironment.forTarget("x86_64", "3.12");

    assertThatThrownBy(() -> undefined.evaluate(x86)).isInstanceOf(MarkerEvaluationException.class);
    assertThat(Marker.appliesIn(Optional.of(undefined), x86)).isFalse();
  }

  @Test
  void evaluatesForBuildTargets() {
    Marker cuda = Marker.parse("platform_machine == 'x86_64' and sys_platform == 'linux'");
    assertThat(cuda.evaluate(MarkerEnvironment.forTarget("x86_64", "3.12"))).isTrue();
    assertThat(cuda.evaluate(MarkerEnvironment.forTarget("aarch64", "3.12"))).isFalse();
    Marker modern = Marker.parse("python_full_version >= '3.12.1'");
    assertThat(modern.evaluate(MarkerEnvironment.forTarget("arm64", "3.12"))).isFalse();
    assertThat(modern.evaluate(MarkerEnvironment.forTarget("arm64", "3.12.4"))).isTrue();
    assertThat(MarkerEnvironment.forTarget("amd64", "3.13").asMap())
        .containsEntry("platform_machine", "x86_64")
        .containsEntry("python_version", "3.13")
        .containsEntry("python_full_version", "3.13.0")
        .containsEntry("implementation_name", "cpython")
        .containsEntry("platform_python_implementation", "CPython")
        .containsEntry("os_name", "posix")
        .containsEntry("platform_system", "Linux")
        .containsEntry("sys_platform", "linux");
    assertThatThrownBy(() -> MarkerEnvironment.forTarget("sparc", "3.12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sparc");
  }

  @Test
  void extrasAreNormalizedAtEveryLevel() {
    // Deliberate deviation from packaging 26.2, which normalizes only top-level extra literals.
    Marker nested = Marker.parse("(extra == 'Foo_Bar') and python_version >= '3'");
    assertThat(nested).hasToString("extra == \"foo-bar\" and python_version >= \"3\"");
    assertThat(
            nested.evaluate(MarkerEnvironment.forTarget("x86_64", "3.12").with("extra", "FOO.bar")))
        .isTrue();
  }

  @Test
  void printsAndCombines() {
    Marker m =
        Marker.parse(
            "(os_name=='nt' or os.name == \"posix\") and python_implementation=='CPython'");
    assertThat(m)
        .hasToString(
            "(os_name == \"nt\" or os_name == \"posix\") and platform_python_implementation == \"CPython\"");
    assertThat(m.variables()).containsExactly("os_name", "platform_python_implementation");
    Marker both =
        Marker.parse("os_name == 'a'").and(Marker.parse("os_name == 'b' or os_name == 'c'"));
    assertThat(both).hasToString("os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")");
    assertThat(Marker.parse("os_name == 'a'")).isEqualTo(Marker.parse("os_name=='a'"));
    assertThat(Optional.of(Marker.isValid("os_name ==")).get()).isFalse();
  }

  @Test
  void undefinedComparisonsFail() {
    assertThatThrownBy(
            () -> Marker.parse("os_name ~= 'posix'").evaluate(Map.of("os_name", "posix")))
        .isInstanceOf(MarkerEvaluationException.class)
        .hasMessageContaining("Undefined comparison ~=");
    assertThatThrownBy(() -> Marker.parse("python_version == '3'").evaluate(Map.of()))
        .isInstanceOf(MarkerEvaluationException.class)
        .hasMessageContaining("python_version");
  }

  @Test
  void keepsPackagingQuirks() {
    assertThat(Marker.parse("os_name == 'say \"hi\"'")).hasToString("os_name == \"say \"hi\"\"");
    assertThat(
            Marker.parse("python_version == python_full_version")
                .evaluate(MarkerEnvironment.forTarget("x86_64", "3.12")))
        .isFalse();
    assertThat(
            Marker.parse("'posix' == os_name")
                .evaluate(MarkerEnvironment.forTarget("x86_64", "3.12")))
        .isTrue();
    assertThat(
            Marker.parse("'3.10' < python_version")
                .evaluate(MarkerEnvironment.forTarget("x86_64", "3.12")))
        .isTrue();
    assertThat(
            Marker.parse("platform_release >= '6'")
                .evaluate(Map.of("platform_release", "6.18.44-fc-v782")))
        .isFalse();
    assertThat(Marker.parse("os_name == 'posix'\n")).hasToString("os_name == \"posix\"");
    assertThat(Marker.isValid("os_name == 'posix'\r\n")).isFalse();
  }

  @Test
  void evaluatesLockFileSetsAsPackagingDoes() {
    MarkerEnvironment env = MarkerEnvironment.forTarget("x86_64", "3.12");
    java.util.Set<String> extras = java.util.Set.of("CLI");
    java.util.Set<String> groups = java.util.Set.of("dev");
    assertThat(Marker.parse("'cli' in extras").evaluateInLockFile(env, extras, groups)).isTrue();
    assertThat(
            Marker.parse("'Dev' not in dependency_groups").evaluateInLockFile(env, extras, groups))
        .isFalse();
    assertThat(Marker.parse("'dev' == dependency_groups").evaluateInLockFile(env, extras, groups))
        .isFalse();
    assertThat(Marker.parse("'dev' != dependency_groups").evaluateInLockFile(env, extras, groups))
        .isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Marker.parse("extra == 'cli'").evaluateInLockFile(env, extras, groups))
        .isInstanceOf(MarkerEvaluationException.class);
  }
}
