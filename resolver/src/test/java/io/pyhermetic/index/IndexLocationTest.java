package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexLocationTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "https://idx.example.invalid/pypi,       none,                       none, JSON_API, https://idx.example.invalid/pypi",
        "https://idx.example.invalid/pypi/,      none,                       none, JSON_API, https://idx.example.invalid/pypi/",
        "https://idx.example.invalid/simple/,    none,                       none, SIMPLE,   https://idx.example.invalid/simple/",
        "https://idx.example.invalid/root/dev/,  https://pip.example.invalid/s/, none, SIMPLE, https://idx.example.invalid/root/dev/",
        "none, https://pip.example.invalid/s/,  https://uv.example.invalid/s/, SIMPLE, https://pip.example.invalid/s/",
        "none, '',                               https://uv.example.invalid/s/, SIMPLE, https://uv.example.invalid/s/",
        "none, none,                             none, JSON_API, DEFAULT",
        "'  ', none,                             none, JSON_API, DEFAULT",
      })
  void resolvesTheOptionThenPipThenUvThenPypi(
      String option, String pip, String uv, IndexLocation.Kind kind, String location) {
    Map<String, String> env = new java.util.HashMap<>();
    if (pip != null) {
      env.put("PIP_INDEX_URL", pip);
    }
    if (uv != null) {
      env.put("UV_INDEX_URL", uv);
    }
    assertThat(IndexLocation.resolve(Optional.ofNullable(option), env))
        .isEqualTo(
            new IndexLocation(
                kind, location.equals("DEFAULT") ? PypiJsonIndex.DEFAULT_BASE_URL : location));
  }

  @Test
  void toStringRedactsCredentials() {
    assertThat(IndexLocation.simple("https://u:secret@idx.example.invalid/simple/").toString())
        .isEqualTo("simple https://***@idx.example.invalid/simple/");
    assertThat(IndexLocation.findLinks(Path.of("/tmp/deps/pip")).directory())
        .isEqualTo(Path.of("/tmp/deps/pip"));
  }

  @Test
  void opensEachKind(@org.junit.jupiter.api.io.TempDir Path dir) {
    try (CachingIndex local = Indexes.open(IndexLocation.findLinks(dir), IndexSettings.defaults());
        CachingIndex json =
            Indexes.open(
                IndexLocation.jsonApi("http://localhost:1/pypi"), IndexSettings.defaults());
        CachingIndex simple =
            Indexes.open(
                IndexLocation.simple("http://localhost:1/simple/"), IndexSettings.defaults())) {
      assertThat(local.delegate()).isInstanceOf(LocalIndex.class);
      assertThat(json.delegate()).isInstanceOf(PypiJsonIndex.class);
      assertThat(simple.delegate()).isInstanceOf(SimpleIndex.class);
    }
  }
}
