package io.pyhermetic.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.reqfile.RequirementsFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementsDiffTest {

  @Test
  void garakDiffersExactlyInTheCudaStackAndTriton() {
    Map<String, RequirementsFile> files = new LinkedHashMap<>();
    files.put("x86_64", Corpus.garak("x86_64"));
    files.put("aarch64", Corpus.garak("aarch64"));
    RequirementsDiff diff = RequirementsDiff.compare(files);
    assertThat(diff.labels()).containsExactly("x86_64", "aarch64");
    assertThat(diff.packages()).hasSize(213);
    assertThat(diff.differences())
        .extracting(PackageDiff::name)
        .containsExactly(
            "nvidia-cublas-cu12",
            "nvidia-cuda-cupti-cu12",
            "nvidia-cuda-nvrtc-cu12",
            "nvidia-cuda-runtime-cu12",
            "nvidia-cudnn-cu12",
            "nvidia-cufft-cu12",
            "nvidia-cufile-cu12",
            "nvidia-curand-cu12",
            "nvidia-cusolver-cu12",
            "nvidia-cusparse-cu12",
            "nvidia-cusparselt-cu12",
            "nvidia-nccl-cu12",
            "nvidia-nvjitlink-cu12",
            "nvidia-nvshmem-cu12",
            "nvidia-nvtx-cu12",
            "triton");
    assertThat(diff.differences())
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(DiffStatus.ONLY));
    assertThat(diff.onlyIn("x86_64")).hasSize(16);
    assertThat(diff.onlyIn("aarch64")).isEmpty();
    assertThat(diff.summary())
        .containsEntry(DiffStatus.ONLY, 16)
        .containsEntry(DiffStatus.SAME, 197);
    PackageDiff triton = diff.differences().get(15);
    assertThat(triton.versions()).containsEntry("aarch64", Optional.empty());
    assertThat(triton.versions().get("x86_64")).isPresent();
  }

  @Test
  void reportsVersionMarkerExtrasAndHashDifferences() {
    Map<String, RequirementsFile> files = new LinkedHashMap<>();
    files.put(
        "a",
        Corpus.PARSER.parse(
            "same==1.0\nver==1.0\nmark==1.0\nextra[x]==1.0\nhash==1.0 --hash=sha256:aa\nonly-a==1\n",
            "a.txt"));
    files.put(
        "b",
        Corpus.PARSER.parse(
            "same==1.0.0\nver==2.0\nmark==1.0 ; os_name == 'posix'\nextra==1.0\nhash==1.0 --hash=sha256:bb\n",
            "b.txt"));
    files.put(
        "c",
        Corpus.PARSER.parse(
            "same==1.0\nver==1.0\nmark==1.0\nextra[x]==1.0\nhash==1.0 --hash=sha256:aa\n",
            "c.txt"));
    RequirementsDiff diff = RequirementsDiff.compare(files);
    Map<String, DiffStatus> status = new LinkedHashMap<>();
    diff.packages().forEach(p -> status.put(p.name(), p.status()));
    assertThat(status)
        .containsEntry("extra", DiffStatus.EXTRAS)
        .containsEntry("hash", DiffStatus.HASHES)
        .containsEntry("mark", DiffStatus.MARKER)
        .containsEntry("only-a", DiffStatus.ONLY)
        .containsEntry("ver", DiffStatus.VERSION);
    // 1.0 and 1.0.0 are different spellings: reported as written
    assertThat(status.get("same")).isEqualTo(DiffStatus.VERSION);
    assertThat(
            diff.packages().stream()
                .filter(p -> p.name().equals("ver"))
                .findFirst()
                .get()
                .versions())
        .containsExactly(
            Map.entry("a", Optional.of("1.0")),
            Map.entry("b", Optional.of("2.0")),
            Map.entry("c", Optional.of("1.0")));
  }

  @Test
  void needsTwoFiles() {
    assertThatThrownBy(() -> RequirementsDiff.compare(Map.of("x", Corpus.garak("x86_64"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "requirements-x86_64.txt, x86_64",
    "requirements-aarch64.txt, aarch64",
    "reqs.arm64.txt, arm64",
    "build-amd64-requirements.txt, amd64",
    "requirements-ppc64le.txt, ppc64le",
    "requirements_s390x.in, s390x",
    "requirements.txt, requirements",
    "lock, lock"
  })
  void labelsComeFromFileNames(String file, String label) {
    assertThat(Labels.fromFileName(Path.of("dir", file))).isEqualTo(label);
  }
}
