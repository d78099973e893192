package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build runner against a fake podman that records its arguments. */
class BuildCommandTest {

  @TempDir Path temp;
  private Path planDir;
  private Path context;
  private Path bin;
  private Path log;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void setUp() throws IOException {
    planDir = Files.createDirectories(temp.resolve("plan"));
    context = Files.createDirectories(temp.resolve("src"));
    bin = Files.createDirectories(temp.resolve("bin"));
    log = temp.resolve("podman.log");
    Files.writeString(planDir.resolve("hermeto-x86_64.json"), "{\"type\": \"pip\"}\n");
    Files.writeString(planDir.resolve("hermeto-aarch64.json"), "{\"type\": \"pip\"}\n");
    Files.writeString(planDir.resolve("hermeto.env"), "export PIP_NO_INDEX=true\n");
    Files.writeString(
        context.resolve("Containerfile.hermeto"),
        "RUN if [ \"$TARGETARCH\" = \"aarch64\" ]; then :; fi\n");
    System.setProperty("pyhermetic.path", bin.toString());
  }

  @AfterEach
  void tearDown() {
    System.clearProperty("pyhermetic.path");
  }

  /** Whether the fake has a manifest list already: its answer to {@code manifest exists}. */
  private int manifestExists = 1;

  private void fakePodman(String body) throws IOException {
    Path podman = bin.resolve("podman");
    Files.writeString(
        podman,
        "#!/bin/sh\nif [ \"$1\" = manifest ] && [ \"$2\" = exists ]; then exit "
            + manifestExists
            + "; fi\necho \"$@\" >> '"
            + log
            + "'\n"
            + body
            + "\n");
    Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** {@code build} of the test plan on the farm {@code arm-and-x86}, plus {@code more}. */
  private int runFarm(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--farm",
                "arm-and-x86",
                "--image",
                REGISTRY_IMAGE));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void runsEveryStepWithTheArchitectureOnItsOutput() throws IOException {
    fakePodman(
        "echo building \"$1\"; head -c 100000 /dev/zero | tr '\\0' x >&2; echo >&2; echo done >&2");
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--image",
                "app"))
        .isZero();
    List<String> calls = Files.readAllLines(log);
    assertThat(calls).hasSize(5);
    assertThat(calls.get(0))
        .startsWith(
            "run --rm -v "
                + context
                + ":"
                + context
                + ":z -w "
                + context
                + " hermeto fetch-deps --output ./hermeto-output-aarch64");
    assertThat(calls.get(2)).isEqualTo("manifest create app");
    assertThat(calls.get(4))
        .isEqualTo(
            "build -f Containerfile.hermeto --platform linux/amd64 --build-arg TARGETARCH=x86_64 --volume "
                + context
                + "/hermeto-output-x86_64:/tmp/hermeto-output:Z --volume "
                + planDir.toAbsolutePath()
                + "/hermeto.env:/tmp/hermeto.env:Z"
                + " --network none --manifest app --tag app-x86_64 "
                + context);
    assertThat(out.toString())
        .contains("[aarch64] building run")
        .contains("[x86_64] building build")
        .endsWith("built app for aarch64, x86_64\n");
    assertThat(err.toString()).contains("[manifest] done");
  }

  @Test
  void aFailingStepStopsTheBuildWithExitFour() throws IOException {
    fakePodman("echo 'Error: no space left' >&2; exit 125");
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--arch",
                "aarch64"))
        .isEqualTo(4);
    assertThat(err.toString())
        .contains("failed with exit code 125: podman run --rm")
        .contains("Error: no space left");
    assertThat(Files.readAllLines(log)).hasSize(1);
  }

  @Test
  void aFailedBuildLeavesNoManifestList() throws IOException {
    // the fetch and manifest steps succeed, the image build fails
    fakePodman("if [ \"$1\" = build ]; then echo 'Error: base image not found' >&2; exit 125; fi");
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--arch",
                "aarch64"))
        .isEqualTo(4);
    assertThat(err.toString()).contains("Error: base image not found");
    List<String> calls = Files.readAllLines(log);
    assertThat(calls.get(calls.size() - 2)).startsWith("build ");
    assertThat(calls.get(calls.size() - 1)).isEqualTo("manifest rm hermetic-build");
    assertThat(out.toString()).doesNotContain("built ");
  }

  @Test
  void anEarlierManifestListIsReplaced() throws IOException {
    manifestExists = 0;
    fakePodman("exit 0");
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--image",
                "app"))
        .isZero();
    List<String> calls = Files.readAllLines(log);
    assertThat(calls.get(0)).isEqualTo("manifest rm app");
    assertThat(calls).contains("manifest create app");
    assertThat(out.toString()).contains("$ podman manifest rm app");
  }

  @Test
  void missingPodmanIsAClearError() {
    assertThat(run("build", "--plan", planDir.toString(), "--context", context.toString()))
        .isEqualTo(4);
    assertThat(err.toString()).contains("podman not found on PATH");
  }

  @Test
  void dryRunPrintsTheCommandsAndRunsNothing() throws IOException {
    fakePodman("exit 1");
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--dry-run",
                "--arch",
                "arm64"))
        .isZero();
    assertThat(out.toString().lines().toList())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).startsWith("podman "))
        .anySatisfy(l -> assertThat(l).contains("'{\"type\": \"pip\"}'"));
    assertThat(log).doesNotExist();
  }

  @Test
  void hermetosImageIsTheOneNamed() {
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--dry-run",
                "--hermeto-image",
                "mirror.example.invalid/hermeto:0.40"))
        .isZero();
    assertThat(out.toString().lines().toList())
        .filteredOn(l -> l.contains("fetch-deps"))
        .hasSize(2)
        .allSatisfy(
            l -> assertThat(l).contains(" mirror.example.invalid/hermeto:0.40 fetch-deps "));
  }

  @Test
  void prefetchedOutputsSkipHermetosFetch() throws IOException {
    fakePodman("exit 0");
    Path fetched = temp.resolve("fetched");
    Files.createDirectories(fetched.resolve("hermeto-output-aarch64/deps/pip"));
    Files.writeString(fetched.resolve("hermeto-output-aarch64/.build-config.json"), "{}");
    String[] args = {
      "build",
      "--plan",
      planDir.toString(),
      "--context",
      context.toString(),
      "--prefetched",
      fetched.toString(),
      "--image",
      "app"
    };
    assertThat(run(args)).isEqualTo(2);
    assertThat(err.toString())
        .contains("not a prefetched output")
        .contains(fetched.resolve("hermeto-output-x86_64").toString())
        .doesNotContain("hermeto-output-aarch64");
    assertThat(log).doesNotExist();

    Files.createDirectories(fetched.resolve("hermeto-output-x86_64/deps/pip"));
    Files.writeString(fetched.resolve("hermeto-output-x86_64/.build-config.json"), "{}");
    assertThat(run(args)).isZero();
    List<String> calls = Files.readAllLines(log);
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0)).isEqualTo("manifest create app");
    assertThat(calls.get(1))
        .startsWith("build -f Containerfile.hermeto --platform linux/arm64")
        .contains(" --volume " + fetched + "/hermeto-output-aarch64:/tmp/hermeto-output:Z ");
    assertThat(calls).noneSatisfy(c -> assertThat(c).contains("fetch-deps"));
  }

  @Test
  void aPlanWithoutConfigsIsAUsageError() throws IOException {
    assertThat(run("build", "--plan", temp.resolve("nope").toString())).isEqualTo(2);
    Files.delete(planDir.resolve("hermeto.env"));
    assertThat(run("build", "--plan", planDir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no hermeto.env in");
  }

  // --- builds on a podman farm ---

  private static final String REGISTRY_IMAGE = "quay.example.com/team/app:1.0";

  /** A Containerfile that picks its own architecture, as a farm build needs. */
  private void farmContainerfile() throws IOException {
    Files.writeString(
        context.resolve("Containerfile.hermeto"),
        "FROM registry.example.com/python:3.12\n"
            + "RUN --mount=type=bind,source=.,target=/tmp/context \\\n"
            + "    ln -s /tmp/context/hermeto-output-$(uname -m) /tmp/hermeto-output && \\\n"
            + "    . /tmp/context/hermeto.env && pip install -r requirements.txt\n");
  }

  /**
   * A fake podman that answers the farm build's questions (its version, its farms, the manifest
   * list with images of {@code built}, in podman's platform names) and records every call.
   */
  private void fakeFarmPodman(String version, String farms, String built, int buildExit)
      throws IOException {
    List<String> manifests = new ArrayList<>();
    for (String arch : built.split(" ")) {
      if (!arch.isEmpty()) {
        manifests.add(
            "{\"digest\": \"sha256:0\", \"platform\": {\"architecture\": \""
                + arch
                + "\", \"os\": \"linux\"}}");
      }
    }
    Path podman = bin.resolve("podman");
    Files.writeString(
        podman,
        "#!/bin/sh\necho \"$@\" >> '"
            + log
            + "'\ncase \"$1 $2\" in\n"
            + "  'version --format') echo '"
            + version
            + "'; exit 0;;\n"
            + "  'farm list') printf '%s\\n' "
            + farms
            + "; exit 0;;\n"
            + "  'farm build') echo 'Starting build for [{linux arm64 }]' >&2; echo 'Error: boom'"
            + " >&2; exit "
            + buildExit
            + ";;\n"
            + "  'manifest inspect') cat <<'JSON'\n"
            + "{\"schemaVersion\": 2, \"manifests\": ["
            + String.join(", ", manifests)
            + "]}\nJSON\nexit 0;;\n"
            + "esac\n");
    Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What the farm build adds when this machine's architecture is not one of the plan's. */
  private static String localFlag(Set<String> planned) {
    return BuildCommand.localMachine().filter(m -> !planned.contains(m)).isPresent()
        ? " --local=false"
        : "";
  }

  @Test
  void aFarmBuildChecksPodmanFetchesCopiesTheEnvFileBuildsAndChecksTheList() throws IOException {
    farmContainerfile();
    fakeFarmPodman("4.9.3", "other arm-and-x86", "arm64 amd64", 0);
    assertThat(runFarm()).as(err.toString()).isZero();
    String fetch =
        "run --rm -v " + context + ":" + context + ":z -w " + context + " hermeto fetch-deps";
    assertThat(Files.readAllLines(log))
        .containsExactly(
            "version --format {{.Client.Version}}",
            "farm list --format {{.Name}}",
            fetch + " --output ./hermeto-output-aarch64 {\"type\": \"pip\"}",
            fetch + " --output ./hermeto-output-x86_64 {\"type\": \"pip\"}",
            "farm build --farm arm-and-x86"
                + localFlag(Set.of("x86_64", "aarch64"))
                + " -f "
                + context.resolve("Containerfile.hermeto")
                + " --network none --tag "
                + REGISTRY_IMAGE
                + " "
                + context,
            "manifest inspect " + REGISTRY_IMAGE);
    assertThat(context.resolve("hermeto.env"))
        .hasSameTextualContentAs(planDir.resolve("hermeto.env"));
    assertThat(out.toString())
        .contains("$ cp " + planDir.resolve("hermeto.env") + " " + context.resolve("hermeto.env"))
        .endsWith(
            "built " + REGISTRY_IMAGE + " for aarch64, x86_64 on farm arm-and-x86 and pushed it\n");
  }

  @Test
  void aFarmBuildOfPrefetchedFilesInTheContextRunsNoFetch() throws IOException {
    farmContainerfile();
    fakeFarmPodman("5.2.0-dev", "arm-and-x86", "arm64", 0);
    Files.createDirectories(context.resolve("hermeto-output-aarch64/deps/pip"));
    Files.writeString(context.resolve("hermeto-output-aarch64/.build-config.json"), "{}");
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--prefetched",
                context.toString(),
                "--arch",
                "arm64",
                "--farm",
                "arm-and-x86",
                "--image",
                REGISTRY_IMAGE))
        .as(err.toString())
        .isZero();
    List<String> calls = Files.readAllLines(log);
    assertThat(calls).noneMatch(c -> c.contains("fetch-deps"));
    assertThat(calls.get(2))
        .startsWith("farm build --farm arm-and-x86" + localFlag(Set.of("aarch64")) + " -f ");
    assertThat(out.toString()).endsWith("for aarch64 on farm arm-and-x86 and pushed it\n");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "old podman      | 4.8.2     | arm-and-x86 | 0   | arm64 amd64 | podman 4.8.2 has no farm build, which came with podman 4.9.0"
            + "                                      | version --format {{.Client.Version}}",
        "no version      | Error: x  | arm-and-x86 | 0   | arm64 amd64 | cannot tell podman's version from 'Error: x'"
            + "                                      | version --format {{.Client.Version}}",
        "unknown farm    | 4.9.0     | other       | 0   | arm64 amd64 | podman knows no farm named arm-and-x86 (podman farm list shows other;"
            + "                                      | farm list --format {{.Name}}",
        "no farms        | 5.0.0     | ''          | 0   | arm64 amd64 | (podman farm list shows none;"
            + "                                      | farm list --format {{.Name}}",
        "build fails     | 4.9.3     | arm-and-x86 | 125 | arm64 amd64 | failed with exit code 125: podman farm build --farm arm-and-x86"
            + "                                      | farm build",
        "node missing    | 4.9.3     | arm-and-x86 | 0   | amd64       | podman farm build finished, but "
            + REGISTRY_IMAGE
            + " holds x86_64, not the planned aarch64, x86_64: farm arm-and-x86 has no node that builds aarch64 natively"
            + " | manifest inspect",
        "extra node      | 4.9.3     | arm-and-x86 | 0   | arm64 amd64 s390x | s390x was built by a node (or this machine) the plan has no files for"
            + " | manifest inspect",
      })
  void aFarmBuildThatPodmanCannotDoEndsWithExitFourAndNoClaim(
      String name,
      String version,
      String farms,
      int buildExit,
      String built,
      String message,
      String lastCall)
      throws IOException {
    farmContainerfile();
    fakeFarmPodman(version, farms, built, buildExit);
    assertThat(runFarm()).isEqualTo(4);
    assertThat(err.toString()).contains(message);
    List<String> calls = Files.readAllLines(log);
    assertThat(calls.get(calls.size() - 1)).startsWith(lastCall);
    assertThat(out.toString()).doesNotContain("built ");
  }

  @Test
  void aFarmDryRunPrintsTheStepsAndRunsNothing() throws IOException {
    farmContainerfile();
    fakeFarmPodman("4.9.3", "arm-and-x86", "arm64 amd64", 0);
    assertThat(runFarm("--dry-run")).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .startsWith("podman run --rm -v ")
        .endsWith("--output ./hermeto-output-aarch64 '{\"type\": \"pip\"}'");
    assertThat(lines.get(2))
        .isEqualTo("cp " + planDir.resolve("hermeto.env") + " " + context.resolve("hermeto.env"));
    assertThat(lines.get(3))
        .isEqualTo(
            "podman farm build --farm arm-and-x86"
                + localFlag(Set.of("x86_64", "aarch64"))
                + " -f "
                + context.resolve("Containerfile.hermeto")
                + " --network none --tag "
                + REGISTRY_IMAGE
                + " "
                + context);
    assertThat(log).doesNotExist();
    assertThat(context.resolve("hermeto.env")).doesNotExist();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "local image       | arm-and-x86 | hermetic-build | --arch=x86_64             | uname   | must be a full reference such as registry.example.com/team/app:1.0, not 'hermetic-build'",
        "base image        | arm-and-x86 | quay.example.com/a:1 | --base-containerfile=Base | uname   | --base-containerfile cannot be combined with --farm",
        "prefetched apart  | arm-and-x86 | quay.example.com/a:1 | --prefetched=/fetched     | uname   | the prefetched files must be in the build context",
        "TARGETARCH x86_64 | arm-and-x86 | quay.example.com/a:1 | --arch=x86_64             | machine | compares TARGETARCH with x86_64 or aarch64",
        "empty farm name   | ''          | quay.example.com/a:1 | --arch=x86_64             | uname   | '' is not a farm name",
        "dash farm name    | -x          | quay.example.com/a:1 | --arch=x86_64             | uname   | '-x' is not a farm name",
      })
  void aFarmBuildOfWhatAFarmCannotBuildIsAUsageError(
      String name, String farm, String image, String option, String containerfile, String reason)
      throws IOException {
    if (containerfile.equals("uname")) {
      farmContainerfile();
    }
    fakeFarmPodman("4.9.3", "arm-and-x86", "arm64 amd64", 0);
    assertThat(
            run(
                "build",
                "--plan",
                planDir.toString(),
                "--context",
                context.toString(),
                "--farm=" + farm,
                "--image",
                image,
                option))
        .isEqualTo(2);
    assertThat(err.toString()).contains(reason).doesNotContain("Exception");
    assertThat(log).doesNotExist();
  }
}
