package io.pyhermetic.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PodmanVersionTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4.9.0         | 4.9.0 | true",
        "4.9.3         | 4.9.3 | true",
        "5.2.0-dev     | 5.2.0 | true",
        "v5.0.0-rc1    | 5.0.0 | true",
        "' 4.9.4-rhel ' | 4.9.4 | true",
        "4.10          | 4.10.0 | true",
        "4.8.2         | 4.8.2 | false",
        "3.4.4         | 3.4.4 | false",
        "4.8.99~rc9    | 4.8.99 | false",
      })
  void readsWhatPodmanVersionPrints(String printed, String version, boolean farmBuild) {
    PodmanVersion parsed = PodmanVersion.tryParse(printed).orElseThrow();
    assertThat(parsed).hasToString(version);
    assertThat(parsed.isAtLeast(PodmanVersion.FARM_BUILD)).isEqualTo(farmBuild);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "podman", "4", "4.x", "Error: unknown flag", "99999999.1.0"})
  void anythingElseIsNoVersion(String printed) {
    assertThat(PodmanVersion.tryParse(printed)).isEqualTo(Optional.empty());
  }

  @Test
  void ordersByNumberNotByText() {
    assertThat(new PodmanVersion(4, 10, 0)).isGreaterThan(new PodmanVersion(4, 9, 3));
    assertThat(new PodmanVersion(5, 0, 0)).isGreaterThan(new PodmanVersion(4, 99, 99));
  }
}
