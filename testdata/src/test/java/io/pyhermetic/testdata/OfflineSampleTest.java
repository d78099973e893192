package io.pyhermetic.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed offline sample is exactly what the generator writes, so it cannot drift. */
class OfflineSampleTest {

  @TempDir Path temp;

  @Test
  void theCommittedSampleIsTheGeneratedOne() throws IOException {
    Path committed = Path.of("..", "sample").toAbsolutePath().normalize();
    if (Boolean.getBoolean("sample.regenerate")) {
      OfflineSample.write(committed);
    }
    OfflineSample.write(temp);
    assertThat(contents(committed))
        .as("regenerate with sample/regenerate.sh")
        .isEqualTo(contents(temp));
  }

  @Test
  void aSecondRunWritesTheSameBytes() throws IOException {
    OfflineSample.write(temp);
    Map<String, String> first = contents(temp);
    OfflineSample.write(temp);
    assertThat(contents(temp)).isEqualTo(first);
  }

  /** The sha256 of each generated file, by relative path (the script beside them is not one). */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (!name.equals("regenerate.sh") && !isPlanOutput(name)) {
          out.put(name, sha256(p));
        }
      }
    }
    return out;
  }

  /** What the README's commands write into the sample (ignored by git): not the sample itself. */
  private static boolean isPlanOutput(String relative) {
    String top = relative.replace('\\', '/').split("/")[0];
    return top.equals("plan") || top.startsWith("hermeto-output-") || top.startsWith(".");
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
