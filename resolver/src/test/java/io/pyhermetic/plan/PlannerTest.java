package io.pyhermetic.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.testdata.OfflineSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The plan workflow as a library call, on the offline sample and against failing indexes. */
class PlannerTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path root;
  private Path sample;

  @BeforeEach
  void writeSample() {
    sample = root.resolve("sample");
    OfflineSample.write(sample);
  }

  private PlanRequest.Builder sampleRequest() {
    return PlanRequest.builder()
        .requirementsFile(sample.resolve("requirements-x86_64.txt"))
        .requirementsFile(sample.resolve("requirements-aarch64.txt"))
        .index(IndexLocation.findLinks(sample.resolve("index")))
        .skipMissingSdist(true)
        .sourceDirectory(sample)
        .outputDirectory(sample.resolve("plan"));
  }

  @Test
  void theReadmeExamplePlansTheSampleAndWritesItWhole() {
    // region readme-planner
    PlanRequest request =
        PlanRequest.builder()
            .requirementsFile(sample.resolve("requirements-x86_64.txt")) // targets from file names
            .requirementsFile(sample.resolve("requirements-aarch64.txt"))
            .index(IndexLocation.findLinks(sample.resolve("index")))
            .skipMissingSdist(true)
            .sourceDirectory(sample) // the project Hermeto reads
            .outputDirectory(sample.resolve("plan")) // inside it
            .build();
    PlanResult result = Planner.plan(request); // computes; writes nothing
    result.isOk(); // true: every pin installs on every target
    String config = result.hermetoConfigJson("aarch64"); // as hermeto-aarch64.json
    String build = result.buildRequirementsText(); // as requirements-build.txt
    result.findings(); // what will fail, and why
    result.nextSteps(); // prefetch per architecture, then build
    PlanWriter.write(result); // sample/plan, whole or not at all
    // endregion

    assertThat(result.isOk()).as(result.findings().toString()).isTrue();
    assertThat(result.status()).isEqualTo(PlanResult.Status.READY);
    assertThat(config)
        .isEqualTo(
            "{\"type\": \"pip\", \"path\": \".\", \"requirements_files\":"
                + " [\"requirements-aarch64.txt\"], \"requirements_build_files\":"
                + " [\"plan/requirements-build.txt\"], \"binary\": {\"packages\": \":all:\","
                + " \"arch\": \"aarch64\", \"py_version\": 312}}\n");
    assertThat(build).contains("setuptools==80.9.0").contains("wheel==0.45.1");
    assertThat(result.audit().packages()).hasSize(4);
    assertThat(result.buildDeps().skipped()).hasSize(1);
    for (var file : result.files().entrySet()) {
      assertThat(sample.resolve("plan").resolve(file.getKey()))
          .as(file.getKey())
          .hasContent(file.getValue());
    }
    assertThat(result.nextSteps())
        .hasSize(3)
        .allMatch(step -> step.startsWith("pyhermetic "))
        .anyMatch(step -> step.contains("prefetch") && step.contains("--find-links"));
  }

  @Test
  void computingAPlanWritesNothing() throws IOException {
    Planner.plan(sampleRequest().build());
    try (Stream<Path> files = Files.list(sample)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("plan");
    }
  }

  @Test
  void aFailingIndexGivesNoPlanAndLeavesTheOldOneAsItWas() throws IOException {
    PlanWriter.write(Planner.plan(sampleRequest().build()));
    Path planMd = sample.resolve("plan/plan.md");
    String before = Files.readString(planMd, StandardCharsets.UTF_8);
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

    PlanResult failed =
        Planner.plan(
            sampleRequest()
                .index(
                    IndexLocation.simple(
                        "http://user:secret@localhost:" + wm.getPort() + "/simple/"))
                .indexSettings(IndexSettings.builder().maxTries(2).noNetrc().build())
                .build());

    assertThat(failed.status()).isEqualTo(PlanResult.Status.INDEX_FAILURE);
    assertThat(failed.isOk()).isFalse();
    List<String> messages = new ArrayList<>();
    failed.findings(Finding.Kind.INDEX).forEach(f -> messages.add(f.message()));
    assertThat(messages)
        .isNotEmpty()
        .anyMatch(m -> m.contains("purelib"))
        .anyMatch(m -> m.contains("/simple/"))
        .noneMatch(m -> m.contains("secret"));
    // never a claim that was not checked
    assertThat(failed.planMarkdown())
        .doesNotContain("Every pin has an sdist")
        .doesNotContain("**Ready**")
        .contains("The index failed");
    assertThatThrownBy(() -> PlanWriter.write(failed))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("was not written");
    assertThat(planMd).hasContent(before);
  }

  @Test
  void aSourceWithoutAProjectNameIsWhatHermetoWouldReject() throws IOException {
    Files.delete(sample.resolve("pyproject.toml"));
    PlanResult result = Planner.plan(sampleRequest().build());
    assertThat(result.findings(Finding.Kind.HERMETO))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("Unable to infer package name");
    assertThat(result.status()).isEqualTo(PlanResult.Status.FINDINGS);
  }

  @Test
  void aPlanOutsideTheSourceIsReportedBeforeAnyLookUp() {
    PlanResult result =
        Planner.plan(sampleRequest().outputDirectory(root.resolve("elsewhere")).build());
    assertThat(result.findings(Finding.Kind.HERMETO))
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("path contains .."))
        .anyMatch(m -> m.contains("put the output directory inside it"));
    assertThat(result.configuredArchitectures()).isEmpty();
    assertThatThrownBy(() -> result.hermetoConfigJson("x86_64"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Hermeto would reject");
  }

  @Test
  void aUniversalFileIsComparedAndSplitPerTarget() throws IOException {
    // the x86_64 file with the x86_64-only pin marked as such: one file for both targets
    String x86 = Files.readString(sample.resolve("requirements-x86_64.txt"));
    Path universal = sample.resolve("requirements.txt");
    Files.writeString(
        universal, x86.replace("nvlib==12.0 \\", "nvlib==12.0 ; platform_machine == 'x86_64' \\"));
    PlanResult result =
        Planner.plan(
            PlanRequest.builder()
                .universalFile(universal)
                .target("x86_64")
                .target("aarch64")
                .index(IndexLocation.findLinks(sample.resolve("index")))
                .skipMissingSdist(true)
                .sourceDirectory(sample)
                .outputDirectory(sample.resolve("plan"))
                .build());

    assertThat(result.isOk()).as(result.findings().toString()).isTrue();
    assertThat(result.files().get("diff.md"))
        .contains("| `nvlib` | 12.0 | - | only |")
        .doesNotContain("nothing to compare");
    assertThat(result.planMarkdown()).contains("| only here | nvlib 12.0 | - |");
    assertThat(result.files().get("requirements-aarch64.txt")).doesNotContain("nvlib");
    assertThat(result.hermetoConfigJson("aarch64"))
        .contains("\"requirements_files\": [\"plan/requirements-aarch64.txt\"]");
  }

  @Test
  void theSourceDirectoryIsNeverReplaced() {
    assertThatThrownBy(() -> Planner.plan(sampleRequest().outputDirectory(sample).build()))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("holds the source directory");
  }

  @Test
  void theRequirementsBuildHeaderRecordsTheCommand() {
    PlanResult result = Planner.plan(sampleRequest().python("3.11").build());
    assertThat(result.buildRequirementsText())
        .contains(
            "#    pyhermetic plan "
                + sample.resolve("requirements-x86_64.txt")
                + " "
                + sample.resolve("requirements-aarch64.txt")
                + " -o "
                + sample.resolve("plan")
                + " --source "
                + sample
                + " --python 3.11 --skip-missing-sdist --find-links "
                + sample.resolve("index")
                + "\n");
  }
}
