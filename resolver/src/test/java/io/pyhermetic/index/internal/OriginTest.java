package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginTest {

  @ParameterizedTest
  @CsvSource({
    "https://idx.example/a,        https://IDX.example:443/b, true",
    "http://idx.example/a,         http://idx.example:80/b,   true",
    "https://idx.example/a,        http://idx.example/a,      false",
    "https://idx.example/a,        https://idx.example:8443/, false",
    "http://localhost:8080/,       http://127.0.0.1:8080/,    false",
    "/relative/path,               /relative/path,            false",
  })
  void sameOriginIsSchemeHostAndPort(String a, String b, boolean same) {
    assertThat(Origin.same(URI.create(a), URI.create(b))).isEqualTo(same);
  }

  @ParameterizedTest
  @CsvSource({
    "https://Idx.Example/simple/, https://idx.example:443",
    "http://idx.example:3141/,    http://idx.example:3141"
  })
  void fillsInTheDefaultPort(String url, String origin) {
    assertThat(Origin.of(URI.create(url)).orElseThrow()).hasToString(origin);
  }
}
