package io.pyhermetic.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoreRuleTest {
  @ParameterizedTest
  @CsvSource({
    "PYSEC-2023-74, PYSEC-2023-74",
    "GHSA-j8r2-6x86-q33q:2027-01-31, GHSA-j8r2-6x86-q33q:2027-01-31",
    "CVE-2023-32681:code_not_reachable, CVE-2023-32681:code_not_reachable",
    "CVE-2023-32681:2027-01-31:requires_configuration,"
        + " CVE-2023-32681:2027-01-31:requires_configuration",
  })
  void parses(String text, String canonical) {
    assertThat(IgnoreRule.parse(text).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":2027-01-01",
        "X:2027-13-01",
        "X:tomorrow",
        "X:1:2:3",
        "X:code_not_present:2027-01-01"
      })
  void rejects(String text) {
    assertThatThrownBy(() -> IgnoreRule.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'");
  }

  @Test
  void expiresAfterItsLastDay() {
    IgnoreRule rule = IgnoreRule.parse("X:2027-01-31");
    assertThat(rule.isExpired(LocalDate.of(2027, 1, 31))).isFalse();
    assertThat(rule.isExpired(LocalDate.of(2027, 2, 1))).isTrue();
    assertThat(IgnoreRule.parse("X").isExpired(LocalDate.MAX)).isFalse();
  }
}
