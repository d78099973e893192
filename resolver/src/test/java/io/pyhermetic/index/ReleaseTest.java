package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseTest {

  @Test
  void tryParseReadsWhatToStringWritesAndComparesNormalizedForms() {
    Release release = Release.of("Foo_Bar", "1.0");

    assertThat(Release.tryParse(release.toString())).contains(release);
    assertThat(Release.tryParse("foo-bar==1.0.0")).contains(release);
    assertThat(Release.tryParse("foo-bar==1.0").orElseThrow().name().canonical())
        .isEqualTo("foo-bar");
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", "foo>=1.0", "==1.0", "foo==", "foo==not a version", "-x==1.0"})
  void tryParseIsEmptyForAnythingButNameAndVersion(String text) {
    assertThat(Release.tryParse(text)).isEmpty();
  }

  @Test
  void tryOfTakesNameAndVersionApart() {
    assertThat(Release.tryOf("Foo_Bar", "1.0.0")).contains(Release.of("foo-bar", "1.0"));
    assertThat(Release.tryOf("-x", "1.0")).isEmpty();
    assertThat(Release.tryOf("foo", "not a version")).isEmpty();
  }
}
