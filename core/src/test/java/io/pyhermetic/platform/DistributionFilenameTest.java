package io.pyhermetic.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionFilenameTest {

  @Test
  void parsesWheels() {
    DistributionFilename f =
        DistributionFilename.parse(
            "some_PACKAGE-1.0-1000abc-py2.py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    assertThat(f.isWheel()).isTrue();
    assertThat(f.name().canonical()).isEqualTo("some-package");
    assertThat(f.version()).isEqualTo(Version.parse("1.0"));
    assertThat(f.build())
        .contains(new DistributionFilename.BuildTag(BigInteger.valueOf(1000), "abc"));
    assertThat(f.tags()).hasSize(4).contains(new WheelTag("PY3", "none", "manylinux2014_x86_64"));
  }

  @Test
  void parsesSdists() {
    DistributionFilename f = DistributionFilename.parse("foo_bar-2.0.tar.gz");
    assertThat(f.isSdist()).isTrue();
    assertThat(f.name().canonical()).isEqualTo("foo-bar");
    assertThat(f.tags()).isEmpty();
    assertThat(DistributionFilename.parse("legacy-1.0.tar.bz2").version())
        .isEqualTo(Version.parse("1.0"));
    assertThat(DistributionFilename.parseSdist("foo-1.0-1.tar.gz", ProjectName.of("foo")).version())
        .isEqualTo(Version.parse("1.0.post1"));
    assertThat(
            DistributionFilename.parseSdist(
                    "21cmFAST-3.0.0.dev0.tar.gz", ProjectName.of("21cmfast"))
                .version())
        .isEqualTo(Version.parse("3.0.0.dev0"));
    assertThat(
            DistributionFilename.parseSdist("foo-bar-1.0.zip", ProjectName.of("foo-bar"))
                .name()
                .canonical())
        .isEqualTo("foo-bar");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "foo-1.0.whl                          | wheel name has 4 or 5",
        "foo__bar-1.0-py3-none-any.whl        | invalid project name",
        "foobar-1.x-py3-none-any.whl          | invalid version '1.x'",
        "foo-1.0-abc-py3-none-any.whl         | invalid build number 'abc'",
        "foo-1.0-200-py3-none-any-junk.whl    | wheel name has 4 or 5",
        "foo-1.0.exe                          | not a wheel (.whl) or source archive",
        "foo1.0.tar.gz                        | no '-' between name and version",
        "foo-1.x.tar.gz                       | invalid version '1.x'",
      })
  void rejectsBadNames(String filename, String reason) {
    assertThatThrownBy(() -> DistributionFilename.parse(filename))
        .isInstanceOfSatisfying(
            InvalidFilenameException.class, e -> assertThat(e.reason()).contains(reason));
    assertThat(DistributionFilename.tryParse(filename)).isEmpty();
  }

  @Test
  void sdistOfAnotherProjectIsRejected() {
    assertThatThrownBy(
            () -> DistributionFilename.parseSdist("foo-1.0.tar.gz", ProjectName.of("bar")))
        .isInstanceOf(InvalidFilenameException.class)
        .hasMessageContaining("not a file of project bar");
  }
}
