package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.index.ReleaseFile.Kind;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseFileTest {

  @ParameterizedTest
  @CsvSource({
    "pkg-1.0-py3-none-any.whl, WHEEL",
    "pkg-1.0.tar.gz, SDIST",
    "pkg-1.0.zip, SDIST",
    "pkg-1.0.tar.bz2, SDIST",
    "pkg-1.0.tar.xz, SDIST",
    "pkg-1.0.tgz, SDIST",
    "pkg-1.0.tar, SDIST",
    "pkg-1.0.tbz, SDIST",
    "pkg-1.0.txz, SDIST",
    "pkg-1.0.tlz, SDIST",
    "pkg-1.0.tar.lz, SDIST",
    "pkg-1.0.tar.lzma, SDIST",
    "pkg-1.0.tar.Z, SDIST",
    "pkg-1.0-py2.7.egg, OTHER",
    "pkg-1.0.win32.exe, OTHER",
    "pkg-1.0.tar.gz.asc, OTHER"
  })
  void kindFromSuffix(String filename, Kind kind) {
    assertThat(ReleaseFile.kindOf(filename)).isEqualTo(kind);
  }

  @Test
  void normalizesOptionalValues() {
    ReleaseFile file =
        ReleaseFile.builder("a-1.whl", "https://x/a-1.whl")
            .sha256("ABCD")
            .requiresPython(" ")
            .yankedReason("")
            .coreMetadataSha256("EF")
            .build();
    assertThat(file.sha256()).contains("abcd");
    assertThat(file.requiresPython()).isEmpty();
    assertThat(file.yankedReason()).isEmpty();
    assertThat(file.coreMetadata()).isTrue();
    assertThat(file.coreMetadataSha256()).contains("ef");
    assertThat(file.isWheel()).isTrue();
  }

  @Test
  void bytesAreCheckedAgainstTheListedSha256() {
    ReleaseFile listed = ReleaseFile.builder("a-1.whl", "https://x/a-1.whl").sha256("ABCD").build();
    listed.requireListedSha256("abcd", "a==1", "https://x/a-1.whl");
    ReleaseFile.builder("a-1.whl", "https://x/a-1.whl")
        .build()
        .requireListedSha256("ef01", "a==1", "https://x/a-1.whl");
    assertThatThrownBy(() -> listed.requireListedSha256("ef01", "a==1", "https://x/a-1.whl"))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("a-1.whl sha256 ef01 does not match the index's abcd");
  }

  @Test
  void bulkLookUpReportsEveryFailure() {
    Release ok = Release.of("a", "1.0");
    Release bad1 = Release.of("b", "1.0");
    Release bad2 = Release.of("c", "2.0");
    ReleaseResults<String> results =
        PackageIndex.forAll(
            List.of(ok, bad1, bad2),
            r ->
                r.equals(ok)
                    ? CompletableFuture.completedFuture("fine")
                    : CompletableFuture.failedFuture(
                        new IndexException(r.toString(), "https://u:p@h/x", "broken")));
    assertThat(results.isOk()).isFalse();
    assertThat(results.values()).containsOnlyKeys(ok);
    assertThat(results.failures()).containsOnlyKeys(bad1, bad2);
    assertThat(results.failure(bad2).orElseThrow().getMessage())
        .isEqualTo("c==2.0: broken (https://***@h/x)");
    assertThat(new Release(ProjectName.of("A_b"), Version.parse("1.0")))
        .isEqualTo(Release.of("a-b", "1"));
  }
}
