package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import org.junit.jupiter.api.Test;

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
}
