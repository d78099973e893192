package io.pyhermetic.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.MarkerEvaluationException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.testdata.Gen;
import io.pyhermetic.testdata.Vectors;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, parsers throw only {@link ParseException} (with a location inside the input)
 * and evaluation only {@link MarkerEvaluationException}: never an index, number-format or
 * null-pointer exception.
 */
class ParseExceptionTest {

  private static final int CASES = 150_000;

  /** Characters that matter to the grammars, plus some that do not belong anywhere. */
  private static final String ALPHABET =
      "0123456789.!+-_*~=<>!,;:@[]()'\"\\ \t\n\rvVaAbBcCrRpostdevlhNUux/#$%é\u00a0\u0661\u2003\u0130ſK"
          + "\ud83d\ude00\ud800\u0000";

  private static final MarkerEnvironment TARGET = MarkerEnvironment.forTarget("aarch64", "3.12");

  private record Parser(String name, Consumer<String> parse) {}

  @Test
  void onlyLibraryExceptionsEscape() {
    Gen gen = Gen.seeded("parse-robustness");
    List<String> samples = samples();
    List<Parser> parsers =
        List.of(
            new Parser("Version", s -> roundTrip(Version.parse(s).toString(), Version::parse)),
            new Parser("SpecifierSet", ParseExceptionTest::specifierSet),
            new Parser("Requirement", ParseExceptionTest::requirement),
            new Parser("Marker", ParseExceptionTest::marker),
            new Parser("ProjectName", s -> ProjectName.of(s).canonical()));
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      String input =
          gen.chance(0.3) ? gen.string(ALPHABET, 40) : gen.mutate(gen.pick(samples), ALPHABET);
      Parser parser = parsers.get(i % parsers.size());
      try {
        parser.parse().accept(input);
        parsed++;
      } catch (ParseException e) {
        rejected++;
        assertThat(e.input()).isEqualTo(input);
        assertThat(e.location().column())
            .as("column of %s in %s", e.getMessage(), input)
            .isBetween(1, input.codePointCount(0, input.length()) + 1);
        assertThat(e.getMessage()).startsWith(e.location().toString() + ": ");
      } catch (MarkerEvaluationException e) {
        parsed++;
      } catch (RuntimeException | StackOverflowError e) {
        fail("%s threw %s on %s (seed %d)", parser.name(), e, repr(input), gen.seed(), e);
      }
    }
    // The inputs exercise both outcomes substantially.
    assertThat(parsed).isGreaterThan(CASES / 20);
    assertThat(rejected).isGreaterThan(CASES / 4);
  }

  private static void specifierSet(String s) {
    SpecifierSet set = SpecifierSet.parse(s);
    roundTrip(set.toString(), SpecifierSet::parse);
    set.contains(Version.parse("1.0"), null);
    set.contains("1.0a1", false);
    set.filter(List.of(Version.parse("0.1"), Version.parse("2!1.0rc1")));
  }

  private static void requirement(String s) {
    Requirement r = Requirement.parse(s);
    r.toString();
    r.projectName().canonical();
    r.marker().ifPresent(m -> evaluate(m));
  }

  private static void marker(String s) {
    Marker m = Marker.parse(s);
    m.toString();
    evaluate(m);
  }

  private static void evaluate(Marker m) {
    try {
      m.evaluate(TARGET.with("extra", "Dev_Tools"));
    } catch (MarkerEvaluationException expected) {
      // an undefined comparison is a legitimate outcome
    }
  }

  private static <T> void roundTrip(String text, java.util.function.Function<String, T> parse) {
    parse.apply(text);
  }

  private static List<String> samples() {
    List<String> samples = new ArrayList<>();
    Vectors.load("version-parse.jsonl").forEach(c -> samples.add(c.cmd().get("v").asText()));
    Vectors.load("spec.jsonl").forEach(c -> samples.add(c.cmd().get("spec").asText()));
    Vectors.load("req.jsonl").forEach(c -> samples.add(c.cmd().get("req").asText()));
    Vectors.load("marker.jsonl").forEach(c -> samples.add(c.cmd().get("marker").asText()));
    Vectors.load("name.jsonl").forEach(c -> samples.add(c.cmd().get("name").asText()));
    samples.removeIf(s -> s.length() > 300);
    return samples;
  }

  private static String repr(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp > 0x7e) {
                out.append(String.format("\\u{%x}", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append('"').toString();
  }
}
