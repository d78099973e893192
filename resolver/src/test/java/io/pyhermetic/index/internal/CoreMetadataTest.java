package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreMetadataTest {
  @Test
  void headersWithContinuationLinesUntilTheBody() {
    CoreMetadata metadata =
        CoreMetadata.parse(
            "Metadata-Version: 2.1\r\nName: x\r\nRequires-Dist: a;\r\n\tpython_version<'3'\r\n"
                + "requires-dist: b\r\nRequires-Python: \r\n\r\nRequires-Dist: c\r\n");
    assertThat(metadata.all("Requires-Dist")).containsExactly("a; python_version<'3'", "b");
    ReleaseMetadata release =
        metadata.toReleaseMetadata(ProjectName.of("fallback"), Version.parse("1.0"));
    assertThat(release.name().toString()).isEqualTo("x");
    assertThat(release.version()).isEqualTo(Version.parse("1.0"));
    assertThat(release.requiresPython()).isEmpty();
  }

  @Test
  void invalidNameAndVersionFallBack() {
    ReleaseMetadata release =
        CoreMetadata.parse("Name: -bad-\nVersion: not.a.version\n")
            .toReleaseMetadata(ProjectName.of("good"), Version.parse("2"));
    assertThat(release.name().toString()).isEqualTo("good");
    assertThat(release.version()).isEqualTo(Version.parse("2"));
    assertThat(release.requiresDist()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SDIST | 2.2 | | true",
        "SDIST | 2.4 | License | true",
        "SDIST | 2.2 | Requires-Dist | false",
        "SDIST | 2.1 | | false",
        "SDIST | | | false",
        "WHEEL | 2.1 | Requires-Dist | true",
        "CORE_METADATA_FILE | 1.2 | | true",
      })
  void anSdistsRequiresDistIsTrustedFromMetadata22WhenNotDynamic(
      ReleaseMetadata.Source source, String metadataVersion, String dynamic, boolean trusted) {
    String text =
        (metadataVersion == null ? "" : "Metadata-Version: " + metadataVersion + "\n")
            + "Name: x\nRequires-Dist: a\n"
            + (dynamic == null ? "" : "Dynamic: " + dynamic + "\n");
    ReleaseMetadata release =
        CoreMetadata.parse(text).toReleaseMetadata(ProjectName.of("x"), Version.parse("1"), source);
    assertThat(release.requiresDistUnknown().isEmpty()).isEqualTo(trusted);
    assertThat(release.source()).isEqualTo(source);
    assertThat(release.requiresDist()).containsExactly("a");
  }
}
