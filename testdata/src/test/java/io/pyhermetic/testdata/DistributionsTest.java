package io.pyhermetic.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionsTest {

  @TempDir Path temp;

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void wheelsHoldTheirMetadataAndAreReproducible() throws Exception {
    String metadata = Distributions.metadata("Demo.Pkg", "1.0", ">=3.9", List.of("six>=1.0"));
    Path a = Distributions.wheel(temp.resolve("a"), "Demo.Pkg", "1.0", "py3-none-any", metadata);
    Path b = Distributions.wheel(temp.resolve("b"), "Demo.Pkg", "1.0", "py3-none-any", metadata);
    assertThat(a.getFileName()).hasToString("demo_pkg-1.0-py3-none-any.whl");
    assertThat(sha256(a)).isEqualTo(sha256(b));
    try (ZipFile zip = new ZipFile(a.toFile())) {
      String text =
          new String(
              zip.getInputStream(zip.getEntry("demo_pkg-1.0.dist-info/METADATA")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(text).contains("Requires-Dist: six>=1.0").contains("Requires-Python: >=3.9");
    }
  }

  @Test
  void sdistsHaveATopDirectoryAndAreReproducible() throws Exception {
    Map<String, String> files =
        Map.of("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\n");
    String pkgInfo = Distributions.metadata("native-ext", "2.0", null, List.of());
    Path a =
        Distributions.sdist(
            temp.resolve("a"), "native-ext", "2.0", Distributions.Format.TAR_GZ, pkgInfo, files);
    Path b =
        Distributions.sdist(
            temp.resolve("b"), "native-ext", "2.0", Distributions.Format.TAR_GZ, pkgInfo, files);
    assertThat(a.getFileName()).hasToString("native_ext-2.0.tar.gz");
    assertThat(sha256(a)).isEqualTo(sha256(b));
    try (InputStream in = Files.newInputStream(a);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry first = tar.getNextEntry();
      assertThat(first.getName()).isEqualTo("native_ext-2.0/PKG-INFO");
      assertThat(tar.getNextEntry().getName()).isEqualTo("native_ext-2.0/pyproject.toml");
    }
    assertThat(Distributions.sdist(temp, "x", "1", Distributions.Format.ZIP, pkgInfo, Map.of()))
        .hasFileName("x-1.zip");
    assertThat(Distributions.sdist(temp, "x", "1", Distributions.Format.TAR_BZ2, pkgInfo, Map.of()))
        .hasFileName("x-1.tar.bz2");
  }
}
