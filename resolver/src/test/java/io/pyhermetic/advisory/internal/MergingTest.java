package io.pyhermetic.advisory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.version.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergingTest {
  static Vulnerability fixedIn(String id, String... versions) {
    return new Vulnerability(
        id,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of("pypi"),
        Arrays.asList(versions),
        Optional.empty(),
        List.of());
  }

  /** pin; each finding's fix versions (space-separated, findings split by |); the fix or "-". */
  @ParameterizedTest
  @CsvSource({
    "1.26.5, 1.26.17 2.0.6 | 1.26.18 2.0.7, 1.26.18",
    "1.26.5, 1.26.17 2.0.6 | 2.5.0, 2.5.0",
    "2.0.1, 1.26.17 2.0.6 | 1.26.18 2.0.7, 2.0.7",
    "2.25.1, 2.31.0 | 2.32.0, 2.32.0",
    "2.11.2, 2.11.3 | , -",
    "1.0, 1.0.1, 1.0.1",
    "3.0, 2.11.3, -",
    "1.26.5, 2.0.6 | 1.26.18 2.0.7, 2.0.7",
  })
  void smallestVersionFixingAll(String pin, String fixes, String expected) {
    List<Vulnerability> findings =
        Arrays.stream(fixes.split("\\|", -1))
            .map(String::strip)
            .map(f -> fixedIn("X", f.isEmpty() ? new String[0] : f.split(" +")))
            .toList();
    Optional<Version> fix = Merging.fixVersion(Version.parse(pin), findings);
    assertThat(fix.map(Version::toString).orElse("-")).isEqualTo(expected);
  }
}
