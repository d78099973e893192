package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
