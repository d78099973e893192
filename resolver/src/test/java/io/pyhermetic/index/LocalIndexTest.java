package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIndexTest {
  @TempDir Path dir;
  private LocalIndex index;

  private static final String WHEEL_METADATA =
      "Metadata-Version: 2.1\nName: tiny-pkg\nVersion: 1.0\nRequires-Python: >=3.9\n"
          + "Requires-Dist: six>=1.0\nRequires-Dist: attrs;\n  extra == \"x\"\n\nbody\n";
  private static final String SDIST_PKG_INFO =
      "Metadata-Version: 1.2\nName: tiny.pkg\nVersion: 0.9\nRequires-Dist: legacy\n";

  @BeforeEach
  void setUp() throws IOException {
    zip(
        dir.resolve("tiny_pkg-1.0-py3-none-any.whl"),
        "tiny_pkg/__init__.py",
        "",
        "tiny_pkg-1.0.dist-info/METADATA",
        WHEEL_METADATA);
    tarGz(
        dir.resolve("tiny_pkg-1.0.tar.gz"),
        "tiny_pkg-1.0/PKG-INFO",
        "Name: tiny-pkg\nVersion: 1.0\n");
    tarGz(
        dir.resolve("Tiny.Pkg-0.9.tar.gz"),
        "Tiny.Pkg-0.9/tiny.egg-info/PKG-INFO",
        "Name: wrong\n",
        "Tiny.Pkg-0.9/PKG-INFO",
        SDIST_PKG_INFO);
    zip(dir.resolve("tiny-pkg-0.8.zip"), "tiny-pkg-0.8/PKG-INFO", "Name: tiny-pkg\nVersion: 0.8\n");
    Files.writeString(dir.resolve("tiny_pkg-0.7.tar.gz"), "not an archive");
    Files.writeString(dir.resolve("other-1.0.tar.gz"), "x");
    Files.createDirectory(dir.resolve("tiny_pkg-2.0.tar.gz"));
    index = new LocalIndex(dir);
  }

  private static void zip(Path path, String... namesAndContents) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry(namesAndContents[i]));
        out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  private static void tarGz(Path path, String... namesAndContents) throws IOException {
    try (OutputStream file = Files.newOutputStream(path);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(namesAndContents[i]);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
  }

  @Test
  void filesWithComputedHashes() throws Exception {
    List<ReleaseFile> files = index.files(ProjectName.of("Tiny-Pkg"), Version.parse("1.0.0"));
    assertThat(files)
        .extracting(ReleaseFile::filename)
        .containsExactly("tiny_pkg-1.0-py3-none-any.whl", "tiny_pkg-1.0.tar.gz");
    Path wheel = dir.resolve("tiny_pkg-1.0-py3-none-any.whl");
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wheel)));
    assertThat(files.get(0).sha256()).contains(expected);
    assertThat(files.get(0).size()).hasValue(Files.size(wheel));
    assertThat(files.get(0).url()).isEqualTo(wheel.toUri().toString());
    assertThat(files.get(1).isSdist()).isTrue();
    assertThatThrownBy(() -> index.files(ProjectName.of("tiny-pkg"), Version.parse("5")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("tiny-pkg==5: no release 5 of tiny-pkg in the directory");
  }

  @Test
  void eachFilePublishesItsOwnRequiresPython() {
    List<ReleaseFile> files = index.files(ProjectName.of("tiny-pkg"), Version.parse("1.0"));
    assertThat(files)
        .extracting(ReleaseFile::filename, ReleaseFile::requiresPython)
        .containsExactlyInAnyOrder(
            tuple("tiny_pkg-1.0-py3-none-any.whl", Optional.of(">=3.9")),
            tuple("tiny_pkg-1.0.tar.gz", Optional.empty()));
  }

  @Test
  void versions() {
    assertThat(index.versions(ProjectName.of("tiny_pkg")))
        .extracting(Version::toString)
        .containsExactly("0.7", "0.8", "0.9", "1.0");
    assertThatThrownBy(() -> index.versions(ProjectName.of("absent")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("absent: no project absent in the directory");
  }

  @Test
  void metadataFromWheelThenSdists() {
    ReleaseMetadata wheel = index.metadata(ProjectName.of("tiny-pkg"), Version.parse("1.0"));
    assertThat(wheel.requiresDist()).containsExactly("six>=1.0", "attrs; extra == \"x\"");
    assertThat(wheel.requiresPython()).contains(">=3.9");

    ReleaseMetadata tarGz = index.metadata(ProjectName.of("tiny-pkg"), Version.parse("0.9"));
    assertThat(tarGz.name().toString()).isEqualTo("tiny.pkg");
    assertThat(tarGz.requiresDist()).containsExactly("legacy");

    ReleaseMetadata zip = index.metadata(ProjectName.of("tiny-pkg"), Version.parse("0.8"));
    assertThat(zip.requiresDist()).isEmpty();
    assertThat(zip.requiresPython()).isEmpty();
  }

  @Test
  void unreadableArchiveIsAClearError() {
    assertThatThrownBy(() -> index.metadata(ProjectName.of("tiny-pkg"), Version.parse("0.7")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("tiny-pkg==0.7: no readable metadata (tiny_pkg-0.7.tar.gz: ")
        .hasMessageContaining(dir.toString());
    assertThatThrownBy(() -> index.metadata(ProjectName.of("tiny-pkg"), Version.parse("3")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void bulkAndAsyncWork() {
    ReleaseResults<ReleaseMetadata> results =
        index.metadataForAll(List.of(Release.of("tiny-pkg", "1.0"), Release.of("tiny-pkg", "0.7")));
    assertThat(results.values()).containsOnlyKeys(Release.of("tiny-pkg", "1.0"));
    assertThat(results.failures()).containsOnlyKeys(Release.of("tiny-pkg", "0.7"));
    assertThat(index.filesAsync(ProjectName.of("tiny-pkg"), Version.parse("0.8")).join())
        .hasSize(1);
  }

  @Test
  void downloadCopiesWithTheDigest(@TempDir Path out) throws Exception {
    ReleaseFile wheel = index.files(ProjectName.of("tiny-pkg"), Version.parse("1.0")).get(0);
    Path target = out.resolve(wheel.filename());
    assertThat(index.download(wheel, target)).isEqualTo(wheel.sha256().orElseThrow());
    assertThat(Files.readAllBytes(target))
        .isEqualTo(Files.readAllBytes(dir.resolve(wheel.filename())));
    ReleaseFile missing =
        ReleaseFile.builder("gone-1.0.tar.gz", dir.resolve("gone-1.0.tar.gz").toUri().toString())
            .build();
    assertThatThrownBy(() -> index.downloadAsync(missing, out.resolve("gone")).join())
        .hasCauseInstanceOf(IndexException.class)
        .hasMessageContaining("gone-1.0.tar.gz: cannot copy");
    assertThat(out.resolve("gone")).doesNotExist();
  }

  @Test
  void eachArchiveIsReadOnceWhileUnchanged() throws Exception {
    Path wheel = dir.resolve("tiny_pkg-1.0-py3-none-any.whl");
    ReleaseFile first = index.files(ProjectName.of("tiny-pkg"), Version.parse("1.0")).get(0);
    // same size and time, different bytes: only a re-read could notice
    byte[] garbage = new byte[(int) Files.size(wheel)];
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(wheel);
    Files.write(wheel, garbage);
    Files.setLastModifiedTime(wheel, time);
    assertThat(index.metadata(ProjectName.of("tiny-pkg"), Version.parse("1.0")).requiresPython())
        .contains(">=3.9");
    assertThat(index.files(ProjectName.of("tiny-pkg"), Version.parse("1.0")).get(0))
        .isEqualTo(first);
    // a changed file is read again
    Files.setLastModifiedTime(wheel, java.nio.file.attribute.FileTime.fromMillis(0));
    assertThat(index.files(ProjectName.of("tiny-pkg"), Version.parse("1.0")).get(0).sha256())
        .isNotEqualTo(first.sha256());
  }
}
