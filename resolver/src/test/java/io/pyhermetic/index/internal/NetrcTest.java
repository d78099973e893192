package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetrcTest {
  private static final String FILE =
      String.join(
          "\n",
          "# a comment line",
          "machine idx.example.invalid login alice password s3cret",
          "machine other.example.invalid",
          "  login \"bob smith\"",
          "  account ignored",
          "  password \"p\\\"w d\" # trailing comment",
          "macdef init",
          "machine evil.example.invalid login mallory password nope",
          "",
          "machine IDX.example.invalid user alice2 password later-wins",
          "default login anon password guest",
          "");

  @ParameterizedTest
  @CsvSource({
    "idx.example.invalid,   alice2,    later-wins",
    "other.example.invalid, bob smith, 'p\"w d'",
    "evil.example.invalid,  anon,      guest",
    "unknown.invalid,       anon,      guest",
  })
  void looksUpByHostWithDefaultFallback(String host, String login, String password) {
    assertThat(Netrc.parse(FILE).lookup(host)).contains(new Netrc.Entry(login, password));
  }

  @Test
  void withoutDefaultAnUnknownHostHasNone() {
    assertThat(Netrc.parse("machine a login x password y").lookup("b")).isEmpty();
    assertThat(Netrc.parse("machine a password y").lookup("A")).contains(new Netrc.Entry("", "y"));
    assertThat(Netrc.parse("").lookup("a")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "login x password y",
        "machine",
        "machine a login",
        "machine a login x frobnicate y",
        "macdef",
      })
  void rejectsWhatPythonRejectsWithoutQuotingSecrets(String text) {
    assertThatThrownBy(() -> Netrc.parse(text))
        .isInstanceOf(Netrc.ParseException.class)
        .hasMessageStartingWith("line ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("frobnicate"));
  }

  @Test
  void entriesNeverShowTheirSecrets() {
    assertThat(new Netrc.Entry("alice", "s3cret").toString())
        .doesNotContain("alice")
        .doesNotContain("s3cret");
    assertThat(Optional.of(new Netrc.Entry("a", "b")).toString()).doesNotContain("b]");
  }
}
