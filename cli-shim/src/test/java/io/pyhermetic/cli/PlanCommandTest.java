package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.testdata.OfflineSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pyhermetic plan} on the offline sample, against golden files (regenerate them with {@code
 * -Dgolden.update=true}).
 */
class PlanCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/plan");
  private static final List<String> GOLDEN_FILES =
      List.of(
          "plan.md",
          "check.txt",
          "diff.md",
          "audit.md",
          "requirements-build.txt",
          "hermeto-x86_64.json",
          "hermeto-aarch64.json",
          "hermeto.env",
          "build.sh");

  @TempDir Path project;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void copySample() {
    OfflineSample.write(project);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String[] plan(String... extra) {
    String[] base = {
      "plan",
      project.resolve("requirements-x86_64.txt").toString(),
      project.resolve("requirements-aarch64.txt").toString(),
      "--find-links",
      project.resolve("index").toString(),
      "-o",
      project.resolve("out").toString()
    };
    if (!List.of(extra).contains("--source")) {
      base = java.util.Arrays.copyOf(base, base.length + 2);
      base[base.length - 2] = "--source";
      base[base.length - 1] = project.toString();
    }
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /** The file with the project's temporary path replaced, so that it compares across runs. */
  private String normalized(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace(project.toString(), "$PROJECT");
  }

  @Test
  void theSamplePlanMatchesTheGoldenFiles() throws IOException {
    assertThat(run(plan("--skip-missing-sdist"))).as(err.toString()).isZero();
    Path outDir = project.resolve("out");
    for (String name : GOLDEN_FILES) {
      String actual = normalized(outDir.resolve(name));
      Path golden = GOLDEN.resolve(name);
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    JsonNode audit = new ObjectMapper().readTree(outDir.resolve("audit.json").toFile());
    assertThat(audit.path("summary").path("without_sdist").get(0).asText()).isEqualTo("nvlib");
    assertThat(out.toString()).contains("no findings");
    // the same input plans the same bytes, replacing the previous plan
    byte[] before = Files.readAllBytes(outDir.resolve("plan.md"));
    assertThat(run(plan("--skip-missing-sdist"))).isZero();
    assertThat(Files.readAllBytes(outDir.resolve("plan.md"))).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(project)) {
      // nothing staged is left beside the plan
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void theLibraryPlansTheSameBytesAsTheCommandLine() throws IOException {
    assertThat(run(plan("--skip-missing-sdist"))).as(err.toString()).isZero();
    io.pyhermetic.plan.PlanResult result =
        io.pyhermetic.plan.Planner.plan(
            io.pyhermetic.plan.PlanRequest.builder()
                .requirementsFile(project.resolve("requirements-x86_64.txt"))
                .requirementsFile(project.resolve("requirements-aarch64.txt"))
                .index(io.pyhermetic.index.IndexLocation.findLinks(project.resolve("index")))
                .skipMissingSdist(true)
                .sourceDirectory(project)
                .outputDirectory(project.resolve("out"))
                .build());
    Path outDir = project.resolve("out");
    assertThat(result.hermetoConfigJson("aarch64"))
        .isEqualTo(Files.readString(outDir.resolve("hermeto-aarch64.json")));
    assertThat(result.buildRequirementsText())
        .isEqualTo(Files.readString(outDir.resolve("requirements-build.txt")));
    try (Stream<Path> written = Files.list(outDir)) {
      assertThat(written.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(result.files().keySet());
    }
    for (var file : result.files().entrySet()) {
      assertThat(outDir.resolve(file.getKey())).as(file.getKey()).hasContent(file.getValue());
    }
  }

  @Test
  void aFailingIndexWritesNothingAndExitsThree() throws IOException {
    assertThat(run(plan("--skip-missing-sdist"))).isZero();
    Path planMd = project.resolve("out/plan.md");
    String before = Files.readString(planMd);
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();
    try {
      String[] args = plan("--skip-missing-sdist", "--no-cache", "--retries", "0");
      int at = List.of(args).indexOf("--find-links");
      args[at] = "--simple-index";
      args[at + 1] = "http://user:secret@127.0.0.1:" + server.getAddress().getPort() + "/simple/";
      assertThat(run(args)).as(err.toString()).isEqualTo(3);
    } finally {
      server.stop(0);
    }
    assertThat(err.toString())
        .contains("purelib")
        .contains("/simple/")
        .contains("nothing was written")
        .doesNotContain("secret")
        .doesNotContain("Exception");
    assertThat(planMd).hasContent(before);
  }

  @Test
  void aPackageWithoutSdistIsAFindingThatNamesTheWayOut() throws IOException {
    assertThat(run(plan())).isEqualTo(1);
    Path outDir = project.resolve("out");
    String plan = Files.readString(outDir.resolve("plan.md"));
    assertThat(plan)
        .contains("**1 finding(s)**")
        .contains("- build dependencies: nvlib==12.0: the index has no sdist")
        .contains("(--skip-missing-sdist leaves it out)");
    assertThat(outDir.resolve("requirements-build.txt")).doesNotExist();
    assertThat(outDir.resolve("hermeto-x86_64.json")).doesNotExist();
    assertThat(outDir.resolve("audit.json")).exists();
  }

  @Test
  void aPinThatInstallsNowhereIsPredicted() throws IOException {
    // the x86_64-only wheel planned for aarch64 too: nothing installs there
    Path universal = project.resolve("requirements.txt");
    Files.copy(project.resolve("requirements-x86_64.txt"), universal);
    int code =
        run(
            "plan",
            "--universal",
            universal.toString(),
            "--target",
            "x86_64",
            "--target",
            "aarch64",
            "--find-links",
            project.resolve("index").toString(),
            "--source",
            project.toString(),
            "-o",
            project.resolve("out").toString(),
            "--skip-missing-sdist");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(Files.readString(project.resolve("out/plan.md")))
        .contains("| not installable | - | nvlib 12.0 |")
        .contains("- 1 pin(s) do not install on aarch64: nvlib 12.0");
    // Hermeto ignores markers: it reads the universal file split per architecture
    assertThat(project.resolve("out/requirements-aarch64.txt")).exists();
    assertThat(Files.readString(project.resolve("out/hermeto-aarch64.json")))
        .contains("\"requirements_files\": [\"out/requirements-aarch64.txt\"]");
  }

  @Test
  void aPlanOutsideTheSourceIsWhatHermetoWouldReject() throws IOException {
    Path elsewhere = Files.createTempDirectory("plan-elsewhere");
    try {
      String[] args = plan("--skip-missing-sdist");
      args[List.of(args).indexOf("-o") + 1] = elsewhere.resolve("out").toString();
      assertThat(run(args)).isEqualTo(1);
      assertThat(Files.readString(elsewhere.resolve("out/plan.md")))
          .contains("Hermeto would reject the input for x86_64")
          .contains("out/requirements-build.txt")
          .doesNotContain(".plan-")
          .contains("put the output directory inside it");
    } finally {
      try (Stream<Path> paths = Files.walk(elsewhere)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(new String[] {"--target", "mips"}, "target mips"),
        Arguments.of(
            new String[] {"--source", "/nonexistent-dir"},
            "--source /nonexistent-dir: no such directory"),
        Arguments.of(
            new String[] {"--constraint", "/nonexistent/c.txt"},
            "cannot read /nonexistent/c.txt: no such file"),
        Arguments.of(new String[] {"--universal", "/"}, "cannot read /: a directory, not a file"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void badOptionsAreUsageErrors(String[] options, String message) {
    assertThat(run(plan(options))).isEqualTo(2);
    assertThat(err.toString()).contains(message).doesNotContain("Exception");
  }

  @Test
  void aBinaryRequirementsFileIsAnUnreadableInput() throws IOException {
    Path binary = project.resolve("requirements-x86_64.txt");
    Files.write(binary, new byte[] {'a', 0, 'b', '\n'});
    assertThat(run(plan("--skip-missing-sdist"))).isEqualTo(2);
    assertThat(err.toString())
        .contains("cannot read " + binary + ": not a text file (it holds binary data)");
    assertThat(project.resolve("out")).doesNotExist();
  }

  @Test
  void aUniversalFileNeedsTargetsAndNoOtherFiles() throws IOException {
    Path universal = project.resolve("requirements.txt");
    Files.copy(project.resolve("requirements-aarch64.txt"), universal);
    String out = project.resolve("out").toString();
    assertThat(run("plan", "--universal", universal.toString(), "-o", out)).isEqualTo(2);
    assertThat(err.toString())
        .contains("a universal file needs the target architectures (--target)");
    assertThat(
            run(
                "plan",
                universal.toString(),
                "--universal",
                universal.toString(),
                "--target",
                "x86_64",
                "-o",
                out))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not both");
    assertThat(run("plan", "-o", out)).isEqualTo(2);
    assertThat(err.toString()).contains("give the per-architecture requirements files");
  }

  @Test
  void filesNotNamedPerArchitectureNeedTargets() throws IOException {
    Path universal = project.resolve("requirements.txt");
    Files.copy(project.resolve("requirements-aarch64.txt"), universal);
    assertThat(run("plan", universal.toString(), "-o", project.resolve("out").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("give the targets (--target)");
  }

  @Test
  void anOutputDirectoryHoldingOtherFilesIsLeftAlone() throws IOException {
    Path outDir = Files.createDirectories(project.resolve("out"));
    Files.writeString(outDir.resolve("notes.txt"), "mine\n");
    assertThat(run(plan("--skip-missing-sdist"))).isEqualTo(2);
    assertThat(err.toString()).contains("holds files that are not a plan");
    assertThat(Files.readString(outDir.resolve("notes.txt"))).isEqualTo("mine\n");
  }
}
