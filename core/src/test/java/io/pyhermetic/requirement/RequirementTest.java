package io.pyhermetic.requirement;

import static io.pyhermetic.testing.Conformance.diff;
import static io.pyhermetic.testing.Conformance.first;
import static io.pyhermetic.testing.Conformance.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.testing.Conformance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

  @Test
  void parsesAndPrintsLikePackaging() {
    Conformance.run(
        "req.jsonl",
        7000,
        c -> {
          String text = c.cmd().get("req").asText();
          JsonNode e = c.expect();
          boolean ok = e.get("ok").asBoolean();
          Requirement r;
          try {
            r = Requirement.parse(text);
          } catch (InvalidRequirementException ex) {
            if (ok) {
              return "rejected: " + ex.getMessage();
            }
            String reason = ex.reason().replaceFirst("\nHint: .*$", "");
            return "InvalidRequirement".equals(text(e, "error_type"))
                ? diff("message", text(e, "error"), reason)
                : null;
          }
          if (!ok) {
            return "accepted as " + r;
          }
          List<String> extras = new ArrayList<>();
          e.get("extras").forEach(x -> extras.add(x.asText()));
          String marker = c.hasDeviation() ? text(c.deviation(), "marker") : text(e, "marker");
          String result = c.hasDeviation() ? text(c.deviation(), "result") : text(e, "result");
          return first(
              diff("str", result, r.toString()),
              diff("name", text(e, "name"), r.name()),
              diff("canonical name", text(e, "name_normalized"), r.projectName().canonical()),
              diff("extras", extras, new ArrayList<>(r.extras())),
              diff("specifier", text(e, "specifier"), r.specifier().toString()),
              diff("url", text(e, "url"), r.url().orElse(null)),
              diff("marker", marker, r.marker().map(Object::toString).orElse(null)),
              // packaging 26.2 prints a value containing " inside double quotes, which does not
              // parse again; everything else must round-trip.
              Requirement.isValid(r.toString())
                  ? diff("reparse", r, Requirement.parse(r.toString()))
                  : null);
        });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "foo=1.0                 | 4  | Expected semicolon (after name with no version specifier) or end",
        "foo==1.0[bar]           | 9  | Expected comma (within version specifier), semicolon (after version specifier) or end",
        "foo[bar,]               | 9  | Expected extra name after comma",
        "foo @ https://x/y.zip; python_version<'3' | 24 | Expected semicolon (after URL and whitespace) or end",
        "-foo                    | 1  | Expected package name at the start of dependency specifier",
        "foo>=1.0.*              | 10 | .* suffix can only be used with `==` or `!=` operators",
        "foo>=1.0+local          | 9  | Local version label can only be used with `==` or `!=` operators",
        "foo (>=1.0              | 11 | Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
        "foo; os_name =< 'x'     | 14 | Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
        "foo===1,>=1.0+x         | 14 | Invalid specifier: '>=1.0+x': local version label",
      })
  void rejectsWithColumnAndReason(String input, int column, String reason) {
    assertThatThrownBy(() -> Requirement.parse(input))
        .isInstanceOfSatisfying(
            InvalidRequirementException.class,
            e -> {
              assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
              assertThat(e.reason()).startsWith(reason);
              assertThat(e.input()).isEqualTo(input);
            });
  }

  @Test
  void singleEqualsGetsPipsHint() {
    assertThatThrownBy(() -> Requirement.parse("my-package=1.0"))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageContaining("Hint: = is not a valid operator. Did you mean == ?");
  }

  @Test
  void exposesTheParts() {
    Requirement r = Requirement.parse("Name.Foo [Extra_One , b] (>=1.0,<2) ; os_name=='nt'");
    assertThat(r).hasToString("Name.Foo[Extra_One,b]<2,>=1.0; os_name == \"nt\"");
    assertThat(r.name()).isEqualTo("Name.Foo");
    assertThat(r.projectName().canonical()).isEqualTo("name-foo");
    assertThat(r.extras()).containsExactly("Extra_One", "b");
    assertThat(r.specifier()).hasToString("<2,>=1.0");
    assertThat(r.url()).isEmpty();
    assertThat(r.marker()).map(Object::toString).contains("os_name == \"nt\"");
    Requirement url =
        Requirement.parse("pkg @ https://example.com/pkg-1.0.tar.gz ; python_version < '3.13'");
    assertThat(url.url()).contains("https://example.com/pkg-1.0.tar.gz");
    assertThat(url)
        .hasToString("pkg @ https://example.com/pkg-1.0.tar.gz ; python_version < \"3.13\"");
    assertThat(Requirement.parse("name_foo>=1.0")).isEqualTo(Requirement.parse("Name.Foo >= 1.0"));
  }
}
