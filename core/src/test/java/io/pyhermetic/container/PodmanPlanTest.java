package io.pyhermetic.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodmanPlanTest {

  private static PodmanPlan plan(PodmanPlan.ArchSpelling spelling) {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("x86_64", "{\"type\": \"pip\", \"binary\": {\"arch\": \"x86_64\"}}");
    configs.put("aarch64", "{\"type\": \"pip\", \"binary\": {\"arch\": \"aarch64\"}}");
    return PodmanPlan.hermeticBuild(
        new PodmanPlan.Settings(
            "llama-stack-garak",
            Path.of("/src/app"),
            "Containerfile.hermeto",
            Optional.of("Containerfile.base"),
            configs,
            Path.of("/src/app/hermeto.env"),
            spelling,
            PodmanPlan.HERMETO_IMAGE,
            Duration.ofHours(2),
            Optional.empty()));
  }

  @Test
  void buildsEachArchitectureWithoutNetworkIntoOneManifest() {
    PodmanPlan plan = plan(PodmanPlan.ArchSpelling.MACHINE);
    assertThat(plan.commands())
        .extracting(Command::label)
        .containsExactly("x86_64", "aarch64", "x86_64", "aarch64", "manifest", "x86_64", "aarch64");
    assertThat(plan.commands().get(0).argv())
        .containsExactly(
            "podman",
            "run",
            "--rm",
            "-v",
            "/src/app:/src/app:z",
            "-w",
            "/src/app",
            "hermeto",
            "fetch-deps",
            "--output",
            "./hermeto-output-x86_64",
            "{\"type\": \"pip\", \"binary\": {\"arch\": \"x86_64\"}}");
    assertThat(plan.commands().get(3).argv())
        .containsExactly(
            "podman",
            "build",
            "-f",
            "Containerfile.base",
            "--platform",
            "linux/arm64",
            "--tag",
            "llama-stack-garak-base-aarch64:latest",
            "/src/app");
    assertThat(plan.commands().get(4).argv())
        .containsExactly("podman", "manifest", "create", "llama-stack-garak");
    assertThat(plan.commands().get(6).argv())
        .containsExactly(
            "podman",
            "build",
            "-f",
            "Containerfile.hermeto",
            "--platform",
            "linux/arm64",
            "--build-arg",
            "TARGETARCH=aarch64",
            "--volume",
            "/src/app/hermeto-output-aarch64:/tmp/hermeto-output:Z",
            "--volume",
            "/src/app/hermeto.env:/tmp/hermeto.env:Z",
            "--network",
            "none",
            "--manifest",
            "llama-stack-garak",
            "--tag",
            "llama-stack-garak-aarch64",
            "/src/app");
    assertThat(plan(PodmanPlan.ArchSpelling.PLATFORM).commands().get(6).argv())
        .contains("TARGETARCH=arm64");
  }

  @Test
  void prefetchedOutputsAreMountedWithoutAFetchStep() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("x86_64", "{}");
    configs.put("aarch64", "{}");
    PodmanPlan plan =
        PodmanPlan.hermeticBuild(
            new PodmanPlan.Settings(
                "app",
                Path.of("/src/app"),
                "Containerfile",
                Optional.empty(),
                configs,
                Path.of("/plan/hermeto.env"),
                PodmanPlan.ArchSpelling.MACHINE,
                PodmanPlan.HERMETO_IMAGE,
                Duration.ofMinutes(5),
                Optional.of(Path.of("/fetched/../prefetched"))));
    assertThat(plan.commands())
        .extracting(Command::label)
        .containsExactly("manifest", "x86_64", "aarch64");
    assertThat(plan.commands())
        .noneSatisfy(c -> assertThat(c.argv()).contains(PodmanPlan.HERMETO_IMAGE));
    assertThat(plan.commands().get(2).argv())
        .containsSequence("--volume", "/prefetched/hermeto-output-aarch64:/tmp/hermeto-output:Z")
        .containsSequence("--volume", "/plan/hermeto.env:/tmp/hermeto.env:Z")
        .containsSequence("--network", "none")
        .endsWith("/src/app");
  }

  @Test
  void printsAShellScriptWithQuotedArguments() {
    String script = plan(PodmanPlan.ArchSpelling.MACHINE).only("aarch64").toScript();
    assertThat(script)
        .startsWith(
            "#!/bin/sh\nset -eu\npodman run --rm -v /src/app:/src/app:z -w /src/app hermeto fetch-deps --output ./hermeto-output-aarch64 '{\"type\": \"pip\", \"binary\": {\"arch\": \"aarch64\"}}'\n")
        .contains("podman manifest create llama-stack-garak\n")
        .doesNotContain("x86_64");
    assertThat(
            Command.of("x", List.of("echo", "it's", "https://u:p@h/x"), Duration.ofSeconds(1))
                .toShellString())
        .isEqualTo("echo 'it'\"'\"'s' 'https://***@h/x'");
  }

  @Test
  void detectsTheSpellingAContainerfileExpects() {
    assertThat(PodmanPlan.ArchSpelling.expectedBy("RUN if [ \"$TARGETARCH\" = \"x86_64\" ]; then"))
        .isEqualTo(PodmanPlan.ArchSpelling.MACHINE);
    assertThat(PodmanPlan.ArchSpelling.expectedBy("RUN if [ \"$TARGETARCH\" = \"amd64\" ]; then"))
        .isEqualTo(PodmanPlan.ArchSpelling.PLATFORM);
    assertThat(PodmanPlan.platform("x86_64")).isEqualTo("linux/amd64");
  }
}
