package io.pyhermetic.requirement;

import static io.pyhermetic.testing.Conformance.diff;
import static io.pyhermetic.testing.Conformance.first;
import static io.pyhermetic.testing.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNameTest {

  @Test
  void normalizesLikePackaging() {
    Conformance.run(
        "name.jsonl",
        500,
        c -> {
          String name = c.cmd().get("name").asText();
          return first(
              diff("canonical", text(c.expect(), "result"), ProjectName.canonicalize(name)),
              diff("valid", c.expect().get("valid").asBoolean(), ProjectName.isValid(name)),
              diff(
                  "is_normalized",
                  c.expect().get("is_normalized").asBoolean(),
                  ProjectName.isNormalized(name)));
        });
  }

  @Test
  void equalityUsesTheNormalizedForm() {
    ProjectName a = ProjectName.of("Foo.Bar");
    assertThat(a).isEqualTo(ProjectName.of("foo_bar")).isEqualTo(ProjectName.of("FOO--bar"));
    assertThat(a.hashCode()).isEqualTo(ProjectName.of("foo-bar").hashCode());
    assertThat(a).hasToString("Foo.Bar");
    assertThat(a.canonical()).isEqualTo("foo-bar");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-foo    | 1 | must start and end with an ASCII letter or digit",
        "foo-    | 4 | must start and end with an ASCII letter or digit",
        "foo bar | 4 | only ASCII letters, digits",
        "''      | 1 | cannot be empty",
        "naïve   | 3 | only ASCII letters, digits",
      })
  void rejectsInvalidNames(String input, int column, String reason) {
    assertThatThrownBy(() -> ProjectName.of(input))
        .isInstanceOfSatisfying(
            InvalidNameException.class,
            e -> {
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.reason()).contains(reason);
            });
  }
}
