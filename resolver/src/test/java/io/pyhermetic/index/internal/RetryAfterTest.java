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
        "120                           | PT2M",
        "' 0 '                         | PT0S",
        "Sun, 01 Jun 2025 12:00:30 GMT | PT30S",
        "Sunday, 01-Jun-25 12:01:00 GMT | PT1M",
        "Sun, 01 Jun 2025 11:59:00 GMT | PT0S",
        "Mon, 02 Jun 2025 12:00:00 GMT | PT24H",
        "Sat, 01 Jun 2030 12:00:00 GMT | PT24H",
        "99999999999999999999          | PT24H",
        "-5                            | none",
        "1.5                           | none",
        "soon                          | none",
        "''                            | none",
      })
  void readsSecondsAndHttpDates(String header, String expected) {
    Instant now = Instant.parse("2025-06-01T12:00:00Z");
    assertThat(RetryAfter.parse(header, now))
        .isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
  }
}
