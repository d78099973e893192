package io.pyhermetic.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void redactsUserInfoInTextAndRemovesItFromAUrl() {
    assertThat(Redaction.redact("GET https://u:s3cret@idx.example.invalid/simple/ failed"))
        .isEqualTo("GET https://***@idx.example.invalid/simple/ failed");
    assertThat(Redaction.withoutCredentials("https://__token__:s3cret@idx.example.invalid/simple"))
        .isEqualTo("https://idx.example.invalid/simple");
    assertThat(Redaction.withoutCredentials("https://idx.example.invalid/a@b"))
        .isEqualTo("https://idx.example.invalid/a@b");
    assertThat(Redaction.withoutCredentials("file:///srv/index")).isEqualTo("file:///srv/index");
  }
}
