package io.pyhermetic.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsTest {

  @ParameterizedTest
  @CsvSource({
    "requirements-x86_64.txt, x86_64",
    "requirements-aarch64.txt, aarch64",
    "reqs.arm64.txt, aarch64",
    "build-amd64-requirements.txt, x86_64",
    "requirements-ppc64le.txt, ppc64le",
    "requirements_s390x.in, s390x",
    "x86_64.txt, x86_64",
    "arm64, aarch64",
    // the last architecture named wins, as for the label
    "requirements-x86_64-from-aarch64.txt, aarch64"
  })
  void architecturesComeFromFileNamesInPipsSpelling(String file, String arch) {
    assertThat(Labels.architectureOf(Path.of("dir", file))).contains(arch);
  }

  @ParameterizedTest
  @CsvSource({
    "requirements.txt",
    "lock",
    "requirements-i686.txt",
    "requirements-x86_64x.txt",
    "requirementsx86_64.txt",
    "requirements-riscv64.txt"
  })
  void aNameWithoutAKnownArchitectureHasNone(String file) {
    assertThat(Labels.architectureOf(Path.of("dir", file))).isEmpty();
  }
}
