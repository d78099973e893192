package io.pyhermetic.version;

import static io.pyhermetic.testing.Conformance.diff;
import static io.pyhermetic.testing.Conformance.first;
import static io.pyhermetic.testing.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.testdata.Gen;
import io.pyhermetic.testing.Conformance;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

  @Test
  void parsesLikePackaging() {
    Conformance.run(
        "version-parse.jsonl",
        4000,
        c -> {
          String input = c.cmd().get("v").asText();
          Optional<Version> parsed = Version.tryParse(input);
          boolean ok = c.expect().get("ok").asBoolean();
          if (!ok) {
            return parsed.isPresent() ? "accepted as " + parsed.get() : null;
          }
          if (parsed.isEmpty()) {
            return "rejected";
          }
          Version v = parsed.get();
          JsonNode e = c.expect();
          List<BigInteger> release = new ArrayList<>();
          e.get("release").forEach(n -> release.add(n.bigIntegerValue()));
          String pre =
              e.get("pre").isNull() ? null : e.get("pre").get(0).asText() + e.get("pre").get(1);
          return first(
              diff("str", text(e, "result"), v.toString()),
              diff("epoch", e.get("epoch").bigIntegerValue(), v.epoch()),
              diff("release", release, v.release()),
              diff("pre", pre, v.pre().map(Object::toString).orElse(null)),
              diff("post", text(e, "post"), v.post().map(Object::toString).orElse(null)),
              diff("dev", text(e, "dev"), v.dev().map(Object::toString).orElse(null)),
              diff("local", text(e, "local"), v.local().orElse(null)),
              diff("public", text(e, "public"), v.publicVersion().toString()),
              diff("base_version", text(e, "base_version"), v.baseVersion().toString()),
              diff("is_prerelease", e.get("is_prerelease").asBoolean(), v.isPrerelease()),
              diff("is_postrelease", e.get("is_postrelease").asBoolean(), v.isPostrelease()),
              diff("is_devrelease", e.get("is_devrelease").asBoolean(), v.isDevrelease()),
              diff("reparse", v, Version.parse(v.toString())));
        });
  }

  @Test
  void comparesLikePackaging() {
    Conformance.run(
        "version-cmp.jsonl",
        12000,
        c -> {
          Optional<Version> a = Version.tryParse(c.cmd().get("a").asText());
          Optional<Version> b = Version.tryParse(c.cmd().get("b").asText());
          if (!c.expect().get("ok").asBoolean()) {
            return a.isPresent() && b.isPresent() ? "both parsed" : null;
          }
          if (a.isEmpty() || b.isEmpty()) {
            return "did not parse";
          }
          int expected = c.expect().get("result").asInt();
          int actual = Integer.signum(a.get().compareTo(b.get()));
          return first(
              diff("cmp", expected, actual),
              diff("reverse cmp", -expected, Integer.signum(b.get().compareTo(a.get()))),
              diff("equals", expected == 0, a.get().equals(b.get())),
              expected == 0 ? diff("hashCode", a.get().hashCode(), b.get().hashCode()) : null);
        });
  }

  @Test
  void sortsLikePackaging() {
    Conformance.run(
        "version-sort.jsonl",
        300,
        c -> {
          if (!c.expect().get("ok").asBoolean()) {
            List<String> all = new ArrayList<>();
            c.cmd().get("versions").forEach(n -> all.add(n.asText()));
            return all.stream().allMatch(Version::isValid) ? "all versions parsed" : null;
          }
          List<String> inputs = new ArrayList<>();
          c.cmd().get("versions").forEach(n -> inputs.add(n.asText()));
          List<String> sorted = new ArrayList<>(inputs);
          sorted.sort((x, y) -> Version.parse(x).compareTo(Version.parse(y)));
          List<String> expected = new ArrayList<>();
          c.expect().get("result").forEach(n -> expected.add(n.asText()));
          List<String> normalized = new ArrayList<>();
          sorted.forEach(s -> normalized.add(Version.parse(s).toString()));
          List<String> expectedNormalized = new ArrayList<>();
          c.expect().get("normalized").forEach(n -> expectedNormalized.add(n.asText()));
          return first(
              diff("order", expected, sorted), diff("normalized", expectedNormalized, normalized));
        });
  }

  @Test
  void canonicalizesLikePackaging() {
    Conformance.run(
        "canon.jsonl",
        500,
        c -> {
          String v = c.cmd().get("v").asText();
          boolean strip =
              !c.cmd().has("strip_trailing_zero") || c.cmd().get("strip_trailing_zero").asBoolean();
          return diff("canonical", text(c.expect(), "result"), Version.canonicalize(v, strip));
        });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0-beta_weird | 10 | unexpected character 'w'",
        "''             | 1  | empty string",
        "1..0           | 3  | empty release number",
        "1.0+           | 5  | expected a local version label after '+'",
        "1.0+abc+1      | 8  | unexpected character '+'",
        "v              | 2  | expected a release number",
        "1.0 a1         | 4  | unexpected character ' '",
        "'1.0\u0661'    | 4  | unexpected character",
        "1!             | 3  | expected a release number",
      })
  void rejectsWithColumnAndReason(String input, int column, String reason) {
    assertThatThrownBy(() -> Version.parse(input))
        .isInstanceOfSatisfying(
            InvalidVersionException.class,
            e -> {
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.input()).isEqualTo(input);
              assertThat(e.reason()).startsWith("Invalid version: ").contains(reason);
              assertThat(e.getMessage()).startsWith("<string>:1:" + column + ": Invalid version");
            });
  }

  private static BigInteger big(String n) {
    return new BigInteger(n);
  }

  @Test
  void equalityFollowsPep440() {
    assertThat(Version.parse("1.0"))
        .isEqualTo(Version.parse("1.0.0"))
        .isEqualTo(Version.parse("v1"));
    assertThat(Version.parse("1.0").hashCode()).isEqualTo(Version.parse("1.0.0.0").hashCode());
    assertThat(Version.parse("1.0+ABC")).isEqualTo(Version.parse("1.0+abc"));
    assertThat(Version.parse("1.0-1")).isEqualTo(Version.parse("1.0.post1"));
    assertThat(Version.parse("1.0")).isNotEqualTo(Version.parse("1.0+0"));
    assertThat(Version.parse("1.0.0").toString()).isEqualTo("1.0.0");
  }

  @Test
  void handlesLongReleasesAndBigNumbers() {
    assertThat(Version.parse("2026.1.14.14").release())
        .containsExactly(big("2026"), big("1"), big("14"), big("14"));
    assertThat(Version.parse("20240101120000").release()).containsExactly(big("20240101120000"));
    assertThat(Version.parse("1.2.3.4.5.6.7.8.9.10").release()).hasSize(10);
    assertThat(Version.parse(" 1.0\n").toString()).isEqualTo("1.0");
    assertThat(Version.parse("\u00a01.0\u2003").toString()).isEqualTo("1.0");
    assertThat(Version.parse("9223372036854775807").release())
        .containsExactly(big("9223372036854775807"));
    Version huge =
        Version.parse("1.99999999999999999999999999999.0rc123456789012345678901234567890");
    assertThat(huge)
        .hasToString("1.99999999999999999999999999999.0rc123456789012345678901234567890");
    assertThat(huge).isGreaterThan(Version.parse("1.99999999999999999999999999998.5"));
    assertThat(huge)
        .isEqualTo(
            Version.parse("1.099999999999999999999999999999rc123456789012345678901234567890"));
    assertThat(huge.hashCode())
        .isEqualTo(
            Version.parse("1.099999999999999999999999999999.0.0rc0123456789012345678901234567890")
                .hashCode());
    assertThatThrownBy(() -> Version.parse("1." + "9".repeat(4301)))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("more than 4300 digits");
  }

  @Test
  void accessorsAndDerivedVersions() {
    Version v = Version.parse("1!2.0.3rc4.post5.dev6+Ubuntu-1");
    assertThat(v.epoch()).isEqualTo(BigInteger.ONE);
    assertThat(v.pre()).contains(new Version.Pre("rc", big("4")));
    assertThat(v.post()).contains(big("5"));
    assertThat(v.dev()).contains(big("6"));
    assertThat(v.major()).isEqualTo(2);
    assertThat(v.minor()).isZero();
    assertThat(v.micro()).isEqualTo(3);
    assertThat(v.local()).contains("ubuntu.1");
    assertThat(v.publicVersion()).hasToString("1!2.0.3rc4.post5.dev6");
    assertThat(v.baseVersion()).hasToString("1!2.0.3");
    assertThat(v.isPrerelease()).isTrue();
    assertThat(v.isPostrelease()).isTrue();
    assertThat(v.isDevrelease()).isTrue();
    assertThat(Version.of(3, 12)).isEqualTo(Version.parse("3.12.0"));
    assertThat(Version.parse("1.0.0").canonical(true)).isEqualTo("1");
    assertThat(Version.parse("0.0").canonical(true)).isEqualTo("0");
  }

  @Test
  void orderIsATotalOrderOnRandomVersions() {
    Gen gen = Gen.seeded("version-order");
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      versions.add(Version.parse(VersionSamples.random(gen)));
    }
    for (Version a : versions) {
      for (Version b : versions) {
        int ab = Integer.signum(a.compareTo(b));
        assertThat(Integer.signum(b.compareTo(a)))
            .as("%s vs %s (seed %d)", a, b, gen.seed())
            .isEqualTo(-ab);
        if (ab == 0) {
          assertThat(a).isEqualTo(b);
          assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
      }
      assertThat(Version.parse(a.toString())).isEqualTo(a);
      assertThat(Version.parse(a.toString()).toString()).isEqualTo(a.toString());
    }
  }

  @Test
  void fastSortMatchesCollectionsSort() {
    Gen gen = Gen.seeded("version-sort");
    for (int round = 0; round < 30; round++) {
      int size = round < 5 ? 10 + round : 200 + gen.nextInt(3000);
      List<Version> versions = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String text = VersionSamples.random(gen);
        if (gen.chance(0.05)) {
          text =
              gen.pick(
                  "70000.1",
                  "1.2000.3",
                  "1.2.1023",
                  "1.2.3.0.0",
                  "1.2.3.0.1",
                  "1!0.1",
                  "99999999999999999999999.1",
                  "1.0rc99",
                  "1.0a15",
                  "1.0a16");
        }
        versions.add(Version.parse(text));
      }
      if (round % 5 == 1) {
        versions.sort(null); // presorted: merges of runs already in order
      } else if (round % 5 == 2) {
        versions.sort(Collections.reverseOrder());
      } else if (round % 5 == 4) {
        versions.clear(); // exact keys only: local labels ordered by their packed part keys
        for (int i = 0; i < size; i++) {
          StringBuilder label = new StringBuilder();
          int parts = gen.nextInt(4);
          for (int p = 0; p < parts; p++) {
            label
                .append(p == 0 ? "+" : gen.pick(".", "-", "_"))
                .append(
                    gen.pick(
                        "abcdefghi",
                        "abcdefghij",
                        "abcdefghijk",
                        "abcdefghij0",
                        "ubuntu",
                        "Ubuntu",
                        "7",
                        "007",
                        "1234567890123",
                        "12345678901234",
                        "12345678901235",
                        "99999999999999999999999"));
          }
          versions.add(Version.parse(gen.nextInt(3) + "." + gen.nextInt(3) + label));
        }
      } else if (round % 5 == 3) {
        for (int i = 0; i < size / 2; i++) {
          versions.add(Version.parse(edgeVersion(gen)));
        }
        size = versions.size();
      }
      List<Version> expected = new ArrayList<>(versions);
      expected.sort(null);
      List<Version> actual = new ArrayList<>(versions);
      Version.sort(actual);
      for (int i = 0; i < size; i++) {
        // identity, not equality: the sort must be stable like Collections.sort
        assertThat(actual.get(i))
            .as("index %d, round %d, seed %d", i, round, gen.seed())
            .isSameAs(expected.get(i));
      }
    }
  }

  /** Numbers around the bit widths of the comparison key, and past a long. */
  private static final String[] EDGE_NUMBERS = {
    "0",
    "1",
    "2",
    "14",
    "15",
    "16",
    "4094",
    "4095",
    "4096",
    "16382",
    "16383",
    "16384",
    "32766",
    "32767",
    "32768",
    "65534",
    "65535",
    "65536",
    "131070",
    "131071",
    "131072",
    "67108862",
    "67108863",
    "67108864",
    "9223372036854775806",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999"
  };

  private static String edgeVersion(Gen gen) {
    StringBuilder v = new StringBuilder();
    if (gen.chance(0.2)) {
      v.append(gen.pick(EDGE_NUMBERS)).append('!');
    }
    int parts = 1 + gen.nextInt(6);
    for (int i = 0; i < parts; i++) {
      v.append(i > 0 ? "." : "")
          .append(gen.chance(0.5) ? gen.pick("0", "1") : gen.pick(EDGE_NUMBERS));
    }
    if (gen.chance(0.4)) {
      v.append(gen.pick("a", "b", "rc")).append(gen.pick(EDGE_NUMBERS));
    }
    if (gen.chance(0.4)) {
      v.append(".post").append(gen.pick(EDGE_NUMBERS));
    }
    if (gen.chance(0.4)) {
      v.append(".dev").append(gen.pick(EDGE_NUMBERS));
    }
    if (gen.chance(0.4)) {
      v.append('+');
      int labels = 1 + gen.nextInt(4);
      for (int i = 0; i < labels; i++) {
        v.append(i > 0 ? gen.pick(".", "-", "_") : "")
            .append(gen.pick("0", "00", "007", "7", "10", "abc", "ABC", "abd", "a", "1a", "Z9"))
            .append(gen.chance(0.1) ? gen.pick(EDGE_NUMBERS) : "");
      }
    }
    return v.toString();
  }

  /** packaging's {@code _cmpkey} order, spelled out on the public accessors. */
  private static int referenceCompare(Version a, Version b) {
    int c = a.epoch().compareTo(b.epoch());
    if (c != 0) {
      return c;
    }
    List<BigInteger> ra = a.release();
    List<BigInteger> rb = b.release();
    for (int i = 0; i < Math.max(ra.size(), rb.size()); i++) {
      c =
          (i < ra.size() ? ra.get(i) : BigInteger.ZERO)
              .compareTo(i < rb.size() ? rb.get(i) : BigInteger.ZERO);
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(preRank(a), preRank(b));
    if (c != 0) {
      return c;
    }
    c =
        a.pre()
            .map(Version.Pre::number)
            .orElse(BigInteger.ZERO)
            .compareTo(b.pre().map(Version.Pre::number).orElse(BigInteger.ZERO));
    if (c != 0) {
      return c;
    }
    BigInteger none = BigInteger.valueOf(-1);
    c = a.post().orElse(none).compareTo(b.post().orElse(none));
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(a.dev().isEmpty(), b.dev().isEmpty());
    if (c == 0 && a.dev().isPresent()) {
      c = a.dev().get().compareTo(b.dev().get());
    }
    if (c != 0) {
      return c;
    }
    if (a.local().isEmpty() || b.local().isEmpty()) {
      return Boolean.compare(a.local().isPresent(), b.local().isPresent());
    }
    String[] la = a.local().get().split("\\.");
    String[] lb = b.local().get().split("\\.");
    for (int i = 0; i < Math.min(la.length, lb.length); i++) {
      boolean na = la[i].chars().allMatch(Character::isDigit);
      boolean nb = lb[i].chars().allMatch(Character::isDigit);
      if (na != nb) {
        return na ? 1 : -1;
      }
      c = na ? new BigInteger(la[i]).compareTo(new BigInteger(lb[i])) : la[i].compareTo(lb[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(la.length, lb.length);
  }

  private static int preRank(Version v) {
    if (v.pre().isPresent()) {
      return List.of("a", "b", "rc").indexOf(v.pre().get().label());
    }
    return v.post().isEmpty() && v.dev().isPresent() ? -1 : 3;
  }

  @Test
  void comparisonKeyAgreesWithTheFullOrderAtEveryFieldWidth() {
    Gen gen = Gen.seeded("version-key-edges");
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      versions.add(Version.parse(edgeVersion(gen)));
    }
    for (Version a : versions) {
      for (Version b : versions) {
        int expected = Integer.signum(referenceCompare(a, b));
        assertThat(Integer.signum(a.compareTo(b)))
            .as("%s vs %s (seed %d)", a, b, gen.seed())
            .isEqualTo(expected);
        if (expected == 0) {
          assertThat(a.hashCode()).as("hash of %s and %s", a, b).isEqualTo(b.hashCode());
        }
      }
    }
    List<Version> expected = new ArrayList<>(versions);
    expected.sort(VersionTest::referenceCompare);
    List<Version> actual = new ArrayList<>(versions);
    Version.sort(actual);
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i)).as("index %d", i).isSameAs(expected.get(i));
    }
  }

  @Test
  void localLabelsAreNormalizedAndOrderedByPart() {
    assertThat(Version.parse("1.0+Ubuntu-007_A.00").local()).contains("ubuntu.7.a.0");
    assertThat(Version.parse("1.0+ubuntu.7.a.0").local()).contains("ubuntu.7.a.0");
    assertThat(Version.parse("1.0+UBUNTU-007")).isEqualTo(Version.parse("1.0+ubuntu.7"));
    assertThat(Version.parse("1.0+UBUNTU-007").hashCode())
        .isEqualTo(Version.parse("1.0+ubuntu.7").hashCode());
    List<String> ascending =
        List.of(
            "1.0",
            "1.0+a",
            "1.0+a.b",
            "1.0+a.0",
            "1.0+a.9",
            "1.0+a.10",
            "1.0+a.99999999999999999999999",
            "1.0+abc",
            "1.0+b",
            "1.0+z9",
            "1.0+0",
            "1.0+2",
            "1.0+10",
            "1.0+10.a",
            "1.0+10.1",
            "1.0.post0");
    for (int i = 0; i + 1 < ascending.size(); i++) {
      assertThat(Version.parse(ascending.get(i)))
          .as("%s < %s", ascending.get(i), ascending.get(i + 1))
          .isLessThan(Version.parse(ascending.get(i + 1)));
    }
    assertThatThrownBy(() -> Version.parse("1.0+a." + "9".repeat(4301)))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("more than 4300 digits");
  }
}
