package io.pyhermetic.version;

import static io.pyhermetic.testing.Conformance.bool;
import static io.pyhermetic.testing.Conformance.diff;
import static io.pyhermetic.testing.Conformance.first;
import static io.pyhermetic.testing.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.testing.Conformance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecifierSetTest {

  @Test
  void parsesAndPrintsLikePackaging() {
    Conformance.run(
        "spec.jsonl",
        2000,
        c -> {
          Optional<SpecifierSet> set = SpecifierSet.tryParse(c.cmd().get("spec").asText());
          if (!c.expect().get("ok").asBoolean()) {
            return set.isPresent() ? "accepted as " + set.get() : null;
          }
          if (set.isEmpty()) {
            return "rejected";
          }
          List<String> expected = new ArrayList<>();
          c.expect()
              .get("specifiers")
              .forEach(p -> expected.add(p.get(0).asText() + " " + p.get(1).asText()));
          List<String> actual = new ArrayList<>();
          set.get().forEach(s -> actual.add(s.operator().symbol() + " " + s.version()));
          return first(
              diff("str", text(c.expect(), "result"), set.get().toString()),
              diff("specifiers", expected, actual),
              diff(
                  "prereleases",
                  bool(c.expect(), "prereleases"),
                  set.get().prereleases().orElse(null)),
              diff("reparse", set.get(), SpecifierSet.parse(set.get().toString())));
        });
  }

  @Test
  void containsLikePackaging() {
    Conformance.run(
        "spec-contains.jsonl",
        8000,
        c -> {
          Optional<SpecifierSet> set = SpecifierSet.tryParse(c.cmd().get("spec").asText());
          if (!c.expect().get("ok").asBoolean()) {
            return set.isPresent() ? "accepted " + set.get() : null;
          }
          if (set.isEmpty()) {
            return "rejected the specifier";
          }
          String candidate = c.cmd().get("v").asText();
          Boolean prereleases = bool(c.cmd(), "prereleases");
          boolean expected = c.expect().get("result").asBoolean();
          String direct = diff("contains", expected, set.get().contains(candidate, prereleases));
          if (direct != null || set.get().toString().contains("===")) {
            return direct;
          }
          // Without ===, the parsed Version gives the same answer as the string.
          return Version.tryParse(candidate)
              .map(v -> diff("contains(Version)", expected, set.get().contains(v, prereleases)))
              .orElse(null);
        });
  }

  @Test
  void filtersLikePackaging() {
    Conformance.run(
        "spec-filter.jsonl",
        1000,
        c -> {
          Optional<SpecifierSet> set = SpecifierSet.tryParse(c.cmd().get("spec").asText());
          if (!c.expect().get("ok").asBoolean()) {
            return set.isPresent() ? "accepted " + set.get() : null;
          }
          List<String> versions = new ArrayList<>();
          c.cmd().get("versions").forEach(v -> versions.add(v.asText()));
          List<String> expected = new ArrayList<>();
          c.expect().get("result").forEach(v -> expected.add(v.asText()));
          return diff(
              "filter", expected, set.get().filterStrings(versions, bool(c.cmd(), "prereleases")));
        });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        ">=1.0+local      | 6  | local version label can only be used with == or != operators",
        "~=1              | 3  | ~= needs a version with at least two release numbers",
        ">=1.0.*          | 6  | .* suffix can only be used with == or != operators",
        "==1.0a1.*        | 6  | a .* suffix needs a plain release",
        "=1.0             | 1  | expected an operator",
        ">=1, <2, foo     | 10 | expected an operator",
        "'>=1,<2,>=1.0-beta_weird' | 19 | unexpected character 'w'",
        ">=               | 3  | expected a version after >=",
        "'=== a b'        | 6  | unexpected ' ' in an arbitrary version",
      })
  void rejectsWithColumnAndReason(String input, int column, String reason) {
    assertThatThrownBy(() -> SpecifierSet.parse(input))
        .isInstanceOfSatisfying(
            InvalidSpecifierException.class,
            e -> {
              assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
              assertThat(e.reason()).startsWith("Invalid specifier: ").contains(reason);
            });
  }

  @Test
  void prereleasePolicy() {
    SpecifierSet atLeastOne = SpecifierSet.parse(">=1");
    assertThat(atLeastOne.contains(Version.parse("1.5a1"))).isTrue();
    assertThat(atLeastOne.contains(Version.parse("1.5a1"), false)).isFalse();
    List<Version> versions =
        List.of(
            Version.parse("0.9"),
            Version.parse("1.0a1"),
            Version.parse("1.1"),
            Version.parse("1.2b1"));
    assertThat(atLeastOne.filter(versions)).containsExactly(Version.parse("1.1"));
    assertThat(atLeastOne.filter(versions, true))
        .containsExactly(Version.parse("1.1"), Version.parse("1.2b1"));
    assertThat(atLeastOne.filter(List.of(Version.parse("0.9"), Version.parse("1.2b1"))))
        .containsExactly(Version.parse("1.2b1"));
    assertThat(SpecifierSet.parse(">=1.0a1").filter(versions))
        .containsExactly(Version.parse("1.0a1"), Version.parse("1.1"), Version.parse("1.2b1"));
  }

  @Test
  void operatorsFollowPackagingRules() {
    assertThat(SpecifierSet.parse("==1.0").contains(Version.parse("1.0+local"))).isTrue();
    assertThat(SpecifierSet.parse("==1.0+local").contains(Version.parse("1.0"))).isFalse();
    assertThat(SpecifierSet.parse("==1.0.0.*").contains(Version.parse("1"))).isTrue();
    assertThat(SpecifierSet.parse("~=2.2").contains(Version.parse("2.9"))).isTrue();
    assertThat(SpecifierSet.parse("~=2.2").contains(Version.parse("3.0"))).isFalse();
    assertThat(SpecifierSet.parse("<1.0").contains(Version.parse("1.0a1"))).isFalse();
    assertThat(SpecifierSet.parse(">1.0").contains(Version.parse("1.0.post1"))).isFalse();
    assertThat(SpecifierSet.parse(">1.0").contains(Version.parse("1.0+local"))).isFalse();
    assertThat(SpecifierSet.parse("===1.0").contains("1.0", null)).isTrue();
    assertThat(SpecifierSet.parse("===1.0").contains("1.0.0", null)).isFalse();
    assertThat(SpecifierSet.parse("===foobar").contains("FooBar", null)).isTrue();
    assertThat(SpecifierSet.parse("").contains("not a version", null)).isTrue();
  }

  @Test
  void normalizesAndComparesSets() {
    assertThat(SpecifierSet.parse(">= 1.0, <2 ,!=1.5.*")).hasToString("!=1.5.*,<2,>=1.0");
    assertThat(SpecifierSet.parse("==1.0,==1.0.0")).hasToString("==1.0");
    assertThat(SpecifierSet.parse("~=1.0,~=1.0.0")).hasToString("~=1.0,~=1.0.0");
    assertThat(SpecifierSet.parse(">=1,")).isEqualTo(SpecifierSet.parse(">=1"));
    assertThat(SpecifierSet.parse("")).isEqualTo(SpecifierSet.empty());
    assertThat(SpecifierSet.parse(">=1").and(SpecifierSet.parse("<2"))).hasToString("<2,>=1");
    assertThat(SpecifierSet.parse("==1.0").hashCode())
        .isEqualTo(SpecifierSet.parse("==1.0.0").hashCode());
  }

  @Test
  void compatibleReleaseQuirks() {
    // packaging derives the ~= prefix from the text as written (core/DEVIATIONS.md, "kept").
    assertThat(SpecifierSet.parse("~=v1.0").contains("1.5", null)).isFalse();
    assertThat(SpecifierSet.parse("~=V1.0").contains("1.0", null)).isFalse();
    assertThat(SpecifierSet.parse("~=1.0.c1").contains("1.5", null)).isFalse();
    assertThat(SpecifierSet.parse("~=1.0.c1").contains("1.0.5", null)).isTrue();
    assertThat(SpecifierSet.parse("~=1.0c1").contains("1.5", null)).isFalse();
    assertThat(SpecifierSet.parse("~=1.0rc1").contains("1.5", null)).isTrue();
  }

  @Test
  void singleSpecifierFilters() {
    List<Version> versions =
        List.of(Version.parse("1.0"), Version.parse("2.0b1"), Version.parse("2.1"));
    assertThat(Specifier.parse(">=1.5").filter(versions)).containsExactly(Version.parse("2.1"));
    assertThat(Specifier.parse(">=2.0b1").filter(versions))
        .containsExactly(Version.parse("2.0b1"), Version.parse("2.1"));
    assertThat(
            Specifier.parse(">=2.0")
                .filter(List.of(Version.parse("2.0b1"), Version.parse("2.1b1"))))
        .containsExactly(Version.parse("2.1b1"));
    assertThat(Specifier.parse(">=1.5").filter(versions, false))
        .containsExactly(Version.parse("2.1"));
    assertThat(Specifier.parse("!=2.1").prereleases()).contains(false);
    assertThat(Specifier.parse("===foo").prereleases()).isEmpty();
  }
}
