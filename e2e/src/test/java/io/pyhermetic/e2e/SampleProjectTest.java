package io.pyhermetic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample of the end-to-end build, written without podman or Debian's wheels. */
class SampleProjectTest {
  @TempDir Path temp;
  private Path wheels;

  @BeforeEach
  void setUp() throws IOException {
    wheels = Files.createDirectories(temp.resolve("wheels"));
    Map<String, String> none = Map.of();
    SampleProject.writeWheel(wheels, "setuptools", "9.1", "py3-none-any", none);
    SampleProject.writeWheel(wheels, "setuptools", "66.1.1", "py3-none-any", none);
    SampleProject.writeWheel(wheels, "wheel", "0.38.4", "py3-none-any", none);
    SampleProject.writeWheel(wheels, "pip", "23.0.1", "py3-none-any", none);
  }

  @Test
  void isTheSameByteForByteOnEveryRun() throws IOException {
    SampleProject a = SampleProject.write(temp.resolve("a"), wheels);
    SampleProject b = SampleProject.write(temp.resolve("b"), wheels);
    assertThat(files(a.index())).isEqualTo(files(b.index()));
    assertThat(files(a.project())).isEqualTo(files(b.project()));
    for (Path[] dirs :
        List.of(new Path[] {a.index(), b.index()}, new Path[] {a.project(), b.project()})) {
      for (String name : files(dirs[0])) {
        assertThat(Files.readAllBytes(dirs[0].resolve(name)))
            .as(name)
            .isEqualTo(Files.readAllBytes(dirs[1].resolve(name)));
      }
    }
  }

  @Test
  void pinsEveryFileByItsDigestAndTheStubOnlyForX86() throws IOException {
    SampleProject sample = SampleProject.write(temp.resolve("s"), wheels);
    assertThat(files(sample.index()))
        .containsExactly(
            "hermetic_cuda_stub-12.8.0-py3-none-manylinux2014_x86_64.whl",
            "hermetic_native-0.1.0.tar.gz",
            "hermetic_pure-1.0.0-py3-none-any.whl",
            "setuptools-66.1.1-py3-none-any.whl",
            "wheel-0.38.4-py3-none-any.whl");
    String x86 = Files.readString(sample.project().resolve("requirements-x86_64.txt"));
    String arm = Files.readString(sample.project().resolve("requirements-aarch64.txt"));
    for (String file : files(sample.index())) {
      if (!file.startsWith("setuptools") && !file.startsWith("wheel")) {
        assertThat(x86).contains(SampleProject.sha256Hex(sample.index().resolve(file)));
      }
    }
    assertThat(x86).contains(SampleProject.CUDA_STUB);
    assertThat(arm).contains(SampleProject.PURE, SampleProject.NATIVE);
    assertThat(arm).doesNotContain("cuda");
    assertThat(sample.buildRequirements(true))
        .contains(
            "setuptools==66.1.1 \\\n    --hash=sha256:"
                + SampleProject.sha256Hex(
                    sample.index().resolve("setuptools-66.1.1-py3-none-any.whl")))
        .contains("wheel==0.38.4");
    assertThat(sample.buildRequirements(false))
        .contains("setuptools==66.1.1")
        .doesNotContain("wheel==");
    assertThat(Files.readString(sample.project().resolve("Containerfile.hermeto")))
        .contains("FROM localhost/pyhermetic-e2e-base:${TARGETARCH}")
        .contains("--require-hashes -r /app/requirements-${TARGETARCH}.txt");
  }

  @Test
  void theWheelsRecordEveryFile() throws IOException {
    SampleProject sample = SampleProject.write(temp.resolve("s"), wheels);
    try (java.util.zip.ZipFile zip =
        new java.util.zip.ZipFile(
            sample.index().resolve("hermetic_pure-1.0.0-py3-none-any.whl").toFile())) {
      String record =
          new String(
              zip.getInputStream(zip.getEntry("hermetic_pure-1.0.0.dist-info/RECORD"))
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(record.lines())
          .anySatisfy(l -> assertThat(l).startsWith("hermetic_pure/__init__.py,sha256="))
          .anySatisfy(l -> assertThat(l).startsWith("hermetic_pure-1.0.0.dist-info/WHEEL,sha256="))
          .contains("hermetic_pure-1.0.0.dist-info/RECORD,,");
    }
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
