package io.pyhermetic.hermeto;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HermetoSelectionTest {

  private static final PipBinaryFilters DEFAULTS = PipBinaryFilters.defaults();
  private static final PipBinaryFilters TWO_ARCHES =
      DEFAULTS.withArch("x86_64,aarch64").withPyVersion(312);
  private static final PipBinaryFilters POWER =
      DEFAULTS.withArch("ppc64le,s390x").withPyVersion(312);
  private static final PipBinaryFilters REGEX =
      DEFAULTS.withPlatform("^(any|manylinux.*)$").withPyVersion(312);

  /** The filter table of spec/hermeto.md §3.4, observed with Hermeto's own code. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl, Y, Y, -, Y",
    "numpy-2.1.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl, -, Y, -, Y",
    "numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl, Y, Y, -, -",
    "numpy-2.1.0-cp312-cp312-macosx_14_0_arm64.whl, -, -, -, -",
    "numpy-2.1.0-cp312-cp312-win_amd64.whl, -, -, -, -",
    "numpy-2.1.0-cp311-cp311-manylinux_2_17_x86_64.whl, Y, -, -, -",
    "numpy-2.1.0-cp313-cp313t-manylinux_2_17_x86_64.whl, Y, -, -, -",
    "numpy-2.1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl, -, -, -, -",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl, Y, Y, -, Y",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_17_ppc64le.manylinux2014_ppc64le.whl, -, -, Y, Y",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_17_i686.whl, -, -, -, Y",
    "six-1.16.0-py2.py3-none-any.whl, Y, Y, Y, Y",
    "foo-1.0-py2-none-any.whl, -, -, -, -",
    "bar-1.0-cp312-none-linux_x86_64.whl, Y, Y, -, -",
  })
  void filtersWheelsLikeHermeto(
      String filename, String defaults, String twoArches, String power, String regex) {
    DistributionFilename wheel = DistributionFilename.parse(filename);
    assertThat(HermetoSelection.wheelPasses(DEFAULTS, wheel))
        .as("defaults")
        .isEqualTo(defaults.equals("Y"));
    assertThat(HermetoSelection.wheelPasses(TWO_ARCHES, wheel))
        .as("x86_64,aarch64")
        .isEqualTo(twoArches.equals("Y"));
    assertThat(HermetoSelection.wheelPasses(POWER, wheel))
        .as("ppc64le,s390x")
        .isEqualTo(power.equals("Y"));
    assertThat(HermetoSelection.wheelPasses(REGEX, wheel)).as("regex").isEqualTo(regex.equals("Y"));
  }

  private static final List<HermetoSelection.Candidate> NUMPY =
      List.of(
          new HermetoSelection.Candidate("numpy-2.1.0.tar.gz", Map.of("sha256", "aa"), false),
          new HermetoSelection.Candidate("numpy-2.1.0.zip", Map.of("sha256", "dd"), true),
          new HermetoSelection.Candidate(
              "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl", Map.of("sha256", "bb"), false),
          new HermetoSelection.Candidate(
              "numpy-2.1.0-cp312-cp312-manylinux_2_17_aarch64.whl", Map.of("sha256", "cc"), false),
          new HermetoSelection.Candidate("numpy-2.0.0.tar.gz", Map.of("sha256", "ee"), false));

  private static List<String> select(
      Optional<PipBinaryFilters> binary, Map<String, List<String>> hashes) {
    HermetoSelection.Result r =
        HermetoSelection.select(
            ProjectName.of("numpy"), Version.parse("2.1"), binary, NUMPY, hashes);
    return r.error()
        .map(List::of)
        .orElseGet(() -> r.selected().stream().map(HermetoSelection.Candidate::filename).toList());
  }

  /** The observations of spec/hermeto.md §3.3 and §3.6. */
  @Test
  void choosesFilesLikeHermeto() {
    assertThat(select(Optional.empty(), Map.of())).containsExactly("numpy-2.1.0.tar.gz");
    assertThat(select(Optional.of(DEFAULTS), Map.of()))
        .containsExactly("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "numpy-2.1.0.tar.gz");
    assertThat(select(Optional.of(DEFAULTS.withArch("x86_64,aarch64")), Map.of())).hasSize(3);
    assertThat(select(Optional.of(DEFAULTS.withArch("s390x")), Map.of()))
        .containsExactly("numpy-2.1.0.tar.gz");
    assertThat(select(Optional.of(DEFAULTS.withPackages("NumPy").withArch("s390x")), Map.of()))
        .containsExactly("No wheels found for package numpy==2.1");
    assertThat(select(Optional.of(DEFAULTS.withPackages("pandas")), Map.of()))
        .containsExactly("numpy-2.1.0.tar.gz");
    // pinned hashes are an allow-list: only wheel hashes drop the sdist
    assertThat(select(Optional.of(DEFAULTS), Map.of("sha256", List.of("BB"))))
        .containsExactly("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl");
    assertThat(select(Optional.empty(), Map.of("sha256", List.of("bb"))))
        .containsExactly("No distributions found for package numpy==2.1");
    // a yanked sdist is still downloaded when it is the only one, with a warning
    HermetoSelection.Result yanked =
        HermetoSelection.select(
            ProjectName.of("numpy"),
            Version.parse("2.1.0"),
            Optional.empty(),
            NUMPY,
            Map.of("sha256", List.of("dd")));
    assertThat(yanked.selected())
        .extracting(HermetoSelection.Candidate::filename)
        .containsExactly("numpy-2.1.0.zip");
    assertThat(yanked.warnings())
        .contains("Package numpy==2.1.0 is yanked, use a different version");
  }
}
