package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        // the forms the transport's own test does not cover (see HttpTransportTest)
        "Sunday, 01-Jun-25 12:01:00 GMT | PT1M",
        "Sunday, 01-Jun-25 11:00:00 GMT | PT0S",
        "'  Sun, 01 Jun 2025 12:00:09 GMT ' | PT9S",
        "86400                         | PT24H",
        "86401                         | PT24H",
        "1.5                           | none",
        "12 s                          | none",
      })
  void readsSecondsAndBothHttpDateForms(String header, String expected) {
    Instant now = Instant.parse("2025-06-01T12:00:00Z");
    assertThat(RetryAfter.parse(header, now))
        .isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
  }
}
