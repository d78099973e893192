package io.pyhermetic.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FarmPlanTest {

  private static final String X86 = "{\"type\": \"pip\", \"binary\": {\"arch\": \"x86_64\"}}";
  private static final String ARM = "{\"type\": \"pip\", \"binary\": {\"arch\": \"aarch64\"}}";

  private static Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("x86_64", X86);
    configs.put("aarch64", ARM);
    return configs;
  }

  private static FarmPlan.Settings settings(
      String image, Optional<Path> prefetched, Optional<String> localMachine) {
    return new FarmPlan.Settings(
        "arm-and-x86",
        image,
        Path.of("/src/app"),
        "Containerfile.hermeto",
        configs(),
        prefetched,
        Path.of("/plan/hermeto.env"),
        PodmanPlan.HERMETO_IMAGE,
        Duration.ofHours(2),
        localMachine);
  }

  private static FarmPlan.Settings settings() {
    return settings("quay.example.com/team/app:1.0", Optional.empty(), Optional.of("x86_64"));
  }

  @Test
  void fetchesIntoTheContextCopiesTheEnvFileAndBuildsOnTheFarm() {
    FarmPlan plan = FarmPlan.farmBuild(settings());
    assertThat(plan.fetches()).extracting(Command::label).containsExactly("x86_64", "aarch64");
    assertThat(plan.fetches().get(1).argv())
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
            "./hermeto-output-aarch64",
            ARM);
    assertThat(plan.envFile())
        .contains(new FileCopy(Path.of("/plan/hermeto.env"), Path.of("/src/app/hermeto.env")));
    assertThat(plan.build().argv())
        .containsExactly(
            "podman",
            "farm",
            "build",
            "--farm",
            "arm-and-x86",
            "-f",
            "/src/app/Containerfile.hermeto",
            "--network",
            "none",
            "--tag",
            "quay.example.com/team/app:1.0",
            "/src/app");
    assertThat(plan.build().workDir()).contains(Path.of("/src/app"));
    assertThat(plan.architectures()).containsExactly("x86_64", "aarch64");
  }

  @Test
  void neverMountsOrPassesArgumentsPerArchitecture() {
    // the nodes get only the context: a --volume would name a path on the node
    assertThat(FarmPlan.farmBuild(settings()).build().argv())
        .doesNotContain("--volume", "-v", "--build-arg", "--platform", "--platforms", "--manifest");
  }

  @Test
  void prefetchedFilesInTheContextLeaveOutTheFetch() {
    FarmPlan plan =
        FarmPlan.farmBuild(
            settings(
                "quay.example.com/team/app:1.0",
                Optional.of(Path.of("/src/./app")),
                Optional.empty()));
    assertThat(plan.fetches()).isEmpty();
    assertThat(plan.toShellLines())
        .containsExactly(
            "cp /plan/hermeto.env /src/app/hermeto.env",
            "podman farm build --farm arm-and-x86 -f /src/app/Containerfile.hermeto --network none"
                + " --tag quay.example.com/team/app:1.0 /src/app");
  }

  @Test
  void anEnvFileInTheContextIsNotCopied() {
    FarmPlan.Settings s = settings();
    FarmPlan plan =
        FarmPlan.farmBuild(
            new FarmPlan.Settings(
                s.farm(),
                s.image(),
                s.context(),
                s.containerfile(),
                s.hermetoConfigs(),
                s.prefetched(),
                Path.of("/src/app/hermeto.env"),
                s.hermetoImage(),
                s.timeout(),
                s.localMachine()));
    assertThat(plan.envFile()).isEmpty();
    assertThat(plan.toShellLines()).hasSize(3).noneMatch(l -> l.startsWith("cp "));
  }

  @ParameterizedTest(name = "[{index}] this machine {0}")
  @CsvSource({"x86_64, false", "aarch64, false", "ppc64le, true", "riscv64, true"})
  void thisMachineBuildsOnlyWhenItsArchitectureIsPlanned(String machine, boolean leftOut) {
    List<String> argv =
        FarmPlan.farmBuild(
                settings("quay.example.com/team/app:1.0", Optional.empty(), Optional.of(machine)))
            .build()
            .argv();
    assertThat(argv.contains("--local=false")).isEqualTo(leftOut);
    // a remote client (not on Linux) has no --local flag at all
    assertThat(
            FarmPlan.farmBuild(
                    settings("quay.example.com/team/app:1.0", Optional.empty(), Optional.empty()))
                .build()
                .argv())
        .noneMatch(a -> a.startsWith("--local"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "farm      | ''                      | quay.example.com/a:1 | /src/app | | not a farm name",
        "dash      | --local                 | quay.example.com/a:1 | /src/app | | not a farm name",
        "image     | f                       | hermetic-build        | /src/app | | must be a full reference",
        "prefetch  | f                       | quay.example.com/a:1 | /fetched | | must be in the build context",
        "targetarch| f                       | quay.example.com/a:1 | /src/app | RUN [ \"$TARGETARCH\" = aarch64 ] | pick the architecture with $(uname -m)",
      })
  void rejectsWhatAFarmCannotBuild(
      String name,
      String farm,
      String image,
      String prefetched,
      String containerfile,
      String reason) {
    FarmPlan.Settings s =
        new FarmPlan.Settings(
            farm,
            image,
            Path.of("/src/app"),
            "Containerfile",
            configs(),
            Optional.of(Path.of(prefetched)),
            Path.of("/plan/hermeto.env"),
            PodmanPlan.HERMETO_IMAGE,
            Duration.ofMinutes(1),
            Optional.empty());
    assertThat(FarmPlan.problems(s, Optional.ofNullable(containerfile)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains(reason);
    if (containerfile == null) {
      assertThatThrownBy(() -> FarmPlan.farmBuild(s))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(reason);
    }
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(
            FarmPlan.problems(
                settings("app", Optional.of(Path.of("/elsewhere")), Optional.empty()),
                Optional.of("ARG TARGETARCH\nRUN test \"$TARGETARCH\" = x86_64")))
        .hasSize(3);
  }

  @Test
  void containerfilesThatPickTheirOwnArchitectureAreFine() {
    for (String text :
        List.of(
            "RUN ln -s \"/tmp/context/hermeto-output-$(uname -m)\" /tmp/hermeto-output",
            "ARG TARGETARCH\nRUN test \"$TARGETARCH\" = arm64 || true",
            "# built for x86_64 and aarch64 by uname -m")) {
      assertThat(FarmPlan.problems(settings(), Optional.of(text))).as(text).isEmpty();
    }
  }

  @Test
  void readsTheArchitecturesOfAManifestList() {
    String list =
        "{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.oci.image.index.v1+json\","
            + " \"manifests\": [{\"digest\": \"sha256:1\", \"platform\": {\"architecture\":"
            + " \"arm64\", \"os\": \"linux\", \"variant\": \"v8\"}}, {\"digest\": \"sha256:2\","
            + " \"platform\": {\"architecture\": \"amd64\", \"os\": \"linux\"}}, {\"digest\":"
            + " \"sha256:3\", \"platform\": {\"architecture\": \"riscv64\", \"os\": \"linux\"}}]}";
    assertThat(FarmPlan.architecturesIn(list)).containsExactly("aarch64", "riscv64", "x86_64");
    assertThat(FarmPlan.architecturesIn("{\"manifests\": []}")).isEmpty();
    assertThatThrownBy(() -> FarmPlan.architecturesIn("Error: no such manifest"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FarmPlan.architecturesIn("{\"layers\": []}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checksTheManifestListHoldsExactlyThePlannedArchitectures() {
    FarmPlan plan = FarmPlan.farmBuild(settings());
    assertThat(plan.checkBuilt(Set.of("aarch64", "x86_64"))).isEmpty();
    assertThat(plan.checkBuilt(Set.of("x86_64")))
        .contains(
            "quay.example.com/team/app:1.0 holds x86_64, not the planned x86_64, aarch64: farm"
                + " arm-and-x86 has no node that builds aarch64 natively");
    assertThat(plan.checkBuilt(Set.of("aarch64", "x86_64", "s390x")).orElseThrow())
        .endsWith(": s390x was built by a node (or this machine) the plan has no files for");
    assertThat(plan.checkBuilt(Set.of()).orElseThrow()).contains("holds no image");
  }
}
