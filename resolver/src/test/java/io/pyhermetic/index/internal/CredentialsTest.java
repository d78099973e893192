package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {
  private static final Netrc NETRC =
      Netrc.parse(
          "machine idx.example login ian password machine-pw\n"
              + "machine files.example login fay password files-pw\n"
              + "default login dee password default-pw\n");

  private static Optional<String> auth(Credentials credentials, String url) {
    return credentials.authorization(URI.create(url));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "https://idx.example/simple/pkg/          | ian:machine-pw",
        "https://files.example/f/a.whl            | fay:files-pw",
        // the default entry is for the index's own origin only
        "https://other.example/f/a.whl            | none",
        "https://idx.example:8443/simple/         | ian:machine-pw",
      })
  void netrcMachinesByHostAndTheDefaultForTheIndexOriginOnly(String url, String expected) {
    Credentials credentials =
        Credentials.forIndex(
            "https://idx.example/simple/", Optional.empty(), "__token__", Optional.of(NETRC));
    assertThat(auth(credentials, url)).isEqualTo(Optional.ofNullable(expected).map(e -> basic(e)));
  }

  @Test
  void theDefaultEntryAnswersForAnIndexWithoutAMachineEntry() {
    Credentials credentials =
        Credentials.forIndex(
            "http://mirror.example:3141/root/", Optional.empty(), "__token__", Optional.of(NETRC));
    assertThat(auth(credentials, "http://mirror.example:3141/root/pkg/"))
        .contains(basic("dee:default-pw"));
    assertThat(auth(credentials, "http://mirror.example:8080/root/pkg/")).isEmpty();
    assertThat(auth(credentials, "https://mirror.example:3141/root/pkg/")).isEmpty();
  }

  @Test
  void aTokenGoesToTheIndexOriginOnlyAndBeatsNetrc() {
    Credentials credentials =
        Credentials.forIndex(
            "https://u:p@idx.example/pypi", Optional.of("tok"), "__token__", Optional.of(NETRC));
    assertThat(auth(credentials, "https://idx.example/pypi/pkg/json"))
        .contains(basic("__token__:tok"));
    assertThat(auth(credentials, "https://files.example/f/a.whl")).contains(basic("fay:files-pw"));
    assertThat(auth(credentials, "https://idx.example:8443/pypi/pkg/json"))
        .contains(basic("ian:machine-pw"));
  }

  @Test
  void userInfoIsPercentDecoded() {
    assertThat(Credentials.basic("al%40ice:p%3Aw+d"))
        .isEqualTo(Credentials.basic("al@ice", "p:w+d"));
    assertThat(Credentials.basic("bob")).isEqualTo(Credentials.basic("bob", ""));
  }

  private static String basic(String pair) {
    int colon = pair.indexOf(':');
    return Credentials.basic(pair.substring(0, colon), pair.substring(colon + 1));
  }
}
