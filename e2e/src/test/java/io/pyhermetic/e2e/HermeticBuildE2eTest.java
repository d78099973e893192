package io.pyhermetic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.container.PodmanPlan;
import io.pyhermetic.testdata.FixtureServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end proof: the sample project is planned with {@code pyhermetic plan}, its files
 * prefetched per architecture from a local index, and built with podman for x86_64 and aarch64 with
 * {@code --network none} into one manifest list; each image is then run on its platform. A second
 * build shows that a requirements-build.txt missing {@code wheel} fails offline, as the plan's
 * build dependencies predicted.
 *
 * <p>Needs root, podman (with a runtime that works on this host), aarch64 emulation through
 * binfmt_misc, the base images and Debian's wheels of setuptools and wheel, all of which {@code
 * e2e/setup.sh} provides; without them the tests are skipped with the reason. Logs go to {@code
 * target/e2e/e2e.log}, step times to {@code target/e2e/timings.txt}.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HermeticBuildE2eTest {
  private static final List<String> ARCHES = List.of("x86_64", "aarch64");
  private static final String PYTHON = "3.11";
  private static final String IMAGE = "pyhermetic-e2e-sample";
  private static final String BROKEN_IMAGE = "pyhermetic-e2e-missing-wheel";
  private static final Path DEBIAN_WHEELS = Path.of("/usr/share/python-wheels");
  private static final Duration SHORT = Duration.ofMinutes(2);
  private static final Duration BUILD = Duration.ofMinutes(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work = Path.of("target", "e2e").toAbsolutePath();
  private Steps steps;
  private FixtureServer server;
  private SampleProject sample;
  private long started;

  @BeforeAll
  void prerequisitesAndSample() throws IOException {
    Optional<String> missing = missingPrerequisite();
    Assumptions.assumeTrue(
        missing.isEmpty(),
        () -> "end-to-end build skipped: " + missing.orElse("") + " (run e2e/setup.sh as root)");
    started = System.nanoTime();
    deleteTree(work);
    steps = new Steps(work.resolve("e2e.log"));
    steps.log("work directory " + work);
    sample = SampleProject.write(work.resolve("sample"), DEBIAN_WHEELS);
    server = FixtureServer.start(sample.index(), 0);
    steps.log("index of " + sample.index() + " served at " + server.simpleUrl());
  }

  @AfterAll
  void summary() throws IOException {
    if (server != null) {
      server.close();
    }
    if (steps != null) {
      List<String> lines = new ArrayList<>(steps.timings());
      lines.add(String.format("%7.1f s  total", (System.nanoTime() - started) / 1e9));
      Files.write(work.resolve("timings.txt"), lines, StandardCharsets.UTF_8);
      lines.forEach(l -> steps.log("timing " + l));
    }
  }

  @Test
  @Order(1)
  void buildsBothArchitecturesOfflineIntoOneManifest() throws IOException {
    Path project = sample.project();
    Path plan = project.resolve(SampleProject.PLAN_DIR);
    plan(project);
    assertThat(Files.readString(plan.resolve("requirements-build.txt")))
        .contains("setuptools==" + sample.buildVersion("setuptools"))
        .contains("wheel==" + sample.buildVersion("wheel"));
    // plan.md's next steps, run as printed: a fetch per architecture into the project, then the
    // build from those files
    List<List<String>> next = nextSteps(plan.resolve("plan.md"));
    assertThat(next).hasSize(ARCHES.size() + 1);
    Path fetched = project;
    for (List<String> step : next.subList(0, ARCHES.size())) {
      Steps.Result result = steps.pyhermetic(step.toArray(String[]::new));
      assertThat(result.exitCode()).as(result.all()).isZero();
    }
    assertThat(fileNames(fetched.resolve("hermeto-output-x86_64/deps/pip")))
        .anySatisfy(f -> assertThat(f).startsWith("hermetic_cuda_stub-"))
        .anySatisfy(f -> assertThat(f).startsWith("wheel-"));
    assertThat(fileNames(fetched.resolve("hermeto-output-aarch64/deps/pip")))
        .noneSatisfy(f -> assertThat(f).startsWith("hermetic_cuda_stub-"))
        .anySatisfy(f -> assertThat(f).startsWith("hermetic_native-"));
    // each output's SBOM records the project and what was fetched for its architecture
    for (String arch : ARCHES) {
      JsonNode bom =
          JSON.readTree(fetched.resolve(PodmanPlan.outputDir(arch)).resolve("bom.json").toFile());
      Map<String, JsonNode> byName = new java.util.HashMap<>();
      bom.path("components").forEach(c -> byName.put(c.path("name").asText(), c));
      assertThat(byName).containsKeys("hermetic-sample", "hermetic-native", "setuptools");
      assertThat(byName.containsKey("hermetic-cuda-stub")).isEqualTo(arch.equals("x86_64"));
      assertThat(byName.get("setuptools").path("properties").toString())
          .contains("hermeto:pip:package:build-dependency");
    }
    // the env file of the plan is the one Hermeto's generate-env writes for the fetched output
    Steps.Result env =
        steps.pyhermetic(
            "generate-env",
            fetched.resolve(PodmanPlan.outputDir("x86_64")).toString(),
            "--for-output-dir",
            "/tmp/hermeto-output");
    assertThat(env.exitCode()).as(env.all()).isZero();
    assertThat(env.out()).isEqualTo(Files.readString(plan.resolve("hermeto.env")));
    removeImages(IMAGE);

    List<String> buildStep = next.get(ARCHES.size());
    assertThat(buildStep).contains("--image", IMAGE, "--prefetched", project.toString());
    Steps.Result build = steps.pyhermetic(buildStep.toArray(String[]::new));
    assertThat(build.exitCode()).as(build.all()).isZero();

    Steps.Result manifest = steps.podman(SHORT, "manifest", "inspect", IMAGE);
    assertThat(manifest.exitCode()).isZero();
    List<String> platforms = new ArrayList<>();
    for (JsonNode m : JSON.readTree(manifest.out()).path("manifests")) {
      platforms.add(
          m.path("platform").path("os").asText()
              + "/"
              + m.path("platform").path("architecture").asText());
    }
    assertThat(platforms).containsExactlyInAnyOrder("linux/amd64", "linux/arm64");

    for (String arch : ARCHES) {
      JsonNode inside = inspect(IMAGE + "-" + arch, arch);
      assertThat(inside.path("machine").asText()).isEqualTo(arch);
      assertThat(inside.path("compiled_for").asText()).isEqualTo(arch);
      assertThat(inside.path("sum").asInt()).isEqualTo(5);
      assertThat(inside.path("pure").asText()).isEqualTo("hello from a pure-Python wheel");
      assertThat(inside.path("native_file").asText()).endsWith(".so");
      assertThat(inside.path("cuda_stub").asBoolean())
          .as("the x86_64-only wheel is installed on %s", arch)
          .isEqualTo(arch.equals("x86_64"));
    }
  }

  @Test
  @Order(2)
  void aBuildRequirementsFileWithoutWheelFailsOfflineAsPredicted() throws IOException {
    Path project = work.resolve("missing-wheel/project");
    Path plan = project.resolve(SampleProject.PLAN_DIR);
    Path fetched = work.resolve("missing-wheel/fetched");
    Files.createDirectories(project);
    for (String name :
        List.of(
            "requirements-x86_64.txt",
            "requirements-aarch64.txt",
            "Containerfile.hermeto",
            "pyproject.toml")) {
      Files.copy(sample.project().resolve(name), project.resolve(name));
    }
    plan(project);

    // the prediction: the plan's build dependencies say the native sdist needs wheel
    Path predicted = work.resolve("missing-wheel/requirements-build.predicted.txt");
    Files.copy(plan.resolve("requirements-build.txt"), predicted);
    assertThat(Files.readString(predicted))
        .contains("wheel==" + sample.buildVersion("wheel"))
        .contains("# via hermetic-native");
    List<String> environment = new ArrayList<>();
    for (JsonNode p : JSON.readTree(plan.resolve("build-deps.json").toFile()).path("packages")) {
      if (p.path("name").asText().equals("hermetic-native")) {
        p.path("environment").forEach(e -> environment.add(e.path("name").asText()));
      }
    }
    assertThat(environment).containsExactlyInAnyOrder("setuptools", "wheel");

    // the mistake: a requirements-build.txt without wheel, as when one is edited by hand
    Path edited = plan.resolve("requirements-build.txt");
    Files.writeString(edited, sample.buildRequirements(false));
    steps.log("replaced " + edited + " by one without wheel");
    Steps.Result diff =
        steps.pyhermetic(
            "diff",
            predicted.toString(),
            edited.toString(),
            "--label",
            "plan",
            "--label",
            "edited",
            "--format",
            "json");
    JsonNode wheel = null;
    for (JsonNode p : JSON.readTree(diff.out()).path("packages")) {
      if (p.path("name").asText().equals("wheel")) {
        wheel = p;
      }
    }
    assertThat(wheel).as(diff.all()).isNotNull();
    assertThat(wheel.path("status").asText()).isEqualTo("only");
    assertThat(wheel.path("versions").path("edited").isNull()).isTrue();

    prefetch(project, "aarch64", fetched);
    assertThat(fileNames(fetched.resolve(PodmanPlan.outputDir("aarch64")).resolve("deps/pip")))
        .anySatisfy(f -> assertThat(f).startsWith("setuptools-"))
        .noneSatisfy(f -> assertThat(f).startsWith("wheel-"));
    removeImages(BROKEN_IMAGE);

    Steps.Result build = build(project, fetched, BROKEN_IMAGE, List.of("--arch", "aarch64"));
    assertThat(build.exitCode()).as(build.all()).isEqualTo(4);
    assertThat(build.all())
        .contains("--platform linux/arm64")
        .contains("--network none")
        .containsPattern(
            "No matching distribution found for wheel|satisfies the requirement wheel");
    removeImages(BROKEN_IMAGE);
  }

  /**
   * {@code pyhermetic plan}: check, diff, audit, build dependencies, the Hermeto inputs per
   * architecture, the env file and the podman commands, into the project's plan directory.
   */
  private void plan(Path project) throws IOException {
    Path plan = project.resolve(SampleProject.PLAN_DIR);
    List<String> args = new ArrayList<>(List.of("plan"));
    for (String arch : ARCHES) {
      args.add(project.resolve("requirements-" + arch + ".txt").toString());
    }
    args.addAll(
        List.of(
            "-o",
            plan.toString(),
            "--source",
            project.toString(),
            "--python",
            PYTHON,
            "--skip-missing-sdist",
            "--image",
            IMAGE));
    args.addAll(indexOptions());
    Steps.Result result = steps.pyhermetic(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.all()).isZero();
    steps.log("plan.md:");
    Files.readString(plan.resolve("plan.md")).lines().forEach(l -> steps.log("  > " + l));

    assertThat(Files.readString(plan.resolve("diff.md"))).contains("hermetic-cuda-stub");
    JsonNode packages = JSON.readTree(plan.resolve("audit.json").toFile()).path("packages");
    assertThat(install(packages, "hermetic-native", "x86_64")).isEqualTo("sdist");
    assertThat(install(packages, "hermetic-native", "aarch64")).isEqualTo("sdist");
    assertThat(install(packages, "hermetic-cuda-stub", "x86_64")).isEqualTo("wheel");
    assertThat(install(packages, "hermetic-pure", "aarch64")).isEqualTo("wheel");
    for (String arch : ARCHES) {
      JsonNode config = JSON.readTree(plan.resolve("hermeto-" + arch + ".json").toFile());
      assertThat(config.path("binary").path("arch").asText()).isEqualTo(arch);
      assertThat(config.path("binary").path("py_version").asInt())
          .isEqualTo(Integer.parseInt(PYTHON.replace(".", "")));
    }
  }

  /** The commands of plan.md's next steps, without the program name. */
  private static List<List<String>> nextSteps(Path planMd) throws IOException {
    java.util.regex.Pattern step =
        java.util.regex.Pattern.compile("^\\d+\\. .*?: `pyhermetic ([^`]+)`$");
    List<List<String>> steps = new ArrayList<>();
    for (String line : Files.readAllLines(planMd)) {
      java.util.regex.Matcher m = step.matcher(line);
      if (m.matches()) {
        // the e2e work directory's paths need no shell quoting
        steps.add(List.of(m.group(1).split(" ")));
      }
    }
    return steps;
  }

  private static String install(JsonNode packages, String name, String arch) {
    for (JsonNode p : packages) {
      if (p.path("name").asText().equals(name)) {
        return p.path("targets").path(arch).path("install").asText();
      }
    }
    return "absent";
  }

  /** Hermeto's fetch for one architecture, done by pyhermetic prefetch with the plan's input. */
  private void prefetch(Path project, String arch, Path fetched) {
    Path plan = project.resolve(SampleProject.PLAN_DIR);
    Steps.Result result =
        steps.pyhermetic(
            concat(
                List.of(
                    "prefetch",
                    plan.resolve("hermeto-" + arch + ".json").toString(),
                    "--source",
                    project.toString(),
                    "-o",
                    fetched.resolve(PodmanPlan.outputDir(arch)).toString(),
                    "--download-cache",
                    work.resolve("download-cache").toString(),
                    "--quiet"),
                indexOptions()));
    assertThat(result.exitCode()).as(result.all()).isZero();
  }

  private Steps.Result build(Path project, Path fetched, String image, List<String> more) {
    return steps.pyhermetic(
        concat(
            List.of(
                "build",
                "--plan",
                project.resolve(SampleProject.PLAN_DIR).toString(),
                "--context",
                project.toString(),
                "--prefetched",
                fetched.toString(),
                "--image",
                image,
                "--timeout-minutes",
                String.valueOf(BUILD.toMinutes())),
            more));
  }

  /** Runs the image on its platform and reports, as JSON, what Python sees inside. */
  private JsonNode inspect(String image, String arch) throws IOException {
    String probe =
        "import importlib.util, json, platform, hermetic_native, hermetic_pure\n"
            + "print(json.dumps({'machine': platform.machine(),"
            + " 'compiled_for': hermetic_native.compiled_for(),"
            + " 'sum': hermetic_native.add(2, 3),"
            + " 'pure': hermetic_pure.greet(),"
            + " 'native_file': hermetic_native.__file__,"
            + " 'cuda_stub': importlib.util.find_spec('hermetic_cuda_stub') is not None}))\n";
    Steps.Result arch1 =
        steps.podman(SHORT, "image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", image);
    assertThat(arch1.out().strip()).isEqualTo(PodmanPlan.platform(arch));
    Steps.Result run =
        steps.podman(
            SHORT,
            "run",
            "--rm",
            "--network",
            "none",
            // rootful podman's default nofile and nproc limits are more than some hosts allow
            "--ulimit",
            "nofile=4096:4096",
            "--ulimit",
            "nproc=4096:4096",
            "--platform",
            PodmanPlan.platform(arch),
            image,
            "python",
            "-c",
            probe);
    assertThat(run.exitCode()).as(run.out()).isZero();
    List<String> lines = run.out().strip().lines().toList();
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  /** Removes the manifest list and per-architecture images of an earlier run. */
  private void removeImages(String image) {
    if (steps.podman(SHORT, "manifest", "exists", image).exitCode() == 0) {
      steps.podman(SHORT, "manifest", "rm", image);
    }
    for (String arch : ARCHES) {
      if (steps.podman(SHORT, "image", "exists", image + "-" + arch).exitCode() == 0) {
        steps.podman(SHORT, "rmi", "--force", image + "-" + arch);
      }
    }
  }

  private List<String> indexOptions() {
    return List.of("--simple-index", server.simpleUrl(), "--no-cache");
  }

  @SafeVarargs
  private static String[] concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all.toArray(String[]::new);
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---- prerequisites -------------------------------------------------------------------------

  /** The first missing prerequisite, described, or empty when the build can run here. */
  static Optional<String> missingPrerequisite() {
    if (!System.getProperty("os.name", "").equals("Linux")) {
      return Optional.of("needs Linux");
    }
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      if (!Integer.valueOf(0).equals(uid)) {
        return Optional.of("needs root (uid is " + uid + ")");
      }
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.of("cannot tell the user id: " + e.getMessage());
    }
    if (onPath("podman").isEmpty()) {
      return Optional.of("podman is not on PATH");
    }
    Path aarch64 = Path.of("/proc/sys/fs/binfmt_misc/qemu-aarch64");
    try {
      if (!Files.isRegularFile(aarch64) || !Files.readString(aarch64).startsWith("enabled")) {
        return Optional.of("no enabled aarch64 emulation in " + aarch64);
      }
    } catch (IOException e) {
      return Optional.of("cannot read " + aarch64 + ": " + e.getMessage());
    }
    for (String name : List.of("setuptools-", "wheel-")) {
      try (Stream<Path> s = Files.list(DEBIAN_WHEELS)) {
        if (s.noneMatch(p -> p.getFileName().toString().startsWith(name))) {
          return Optional.of("no " + name + "*.whl in " + DEBIAN_WHEELS);
        }
      } catch (IOException e) {
        return Optional.of("no " + DEBIAN_WHEELS + " (Debian's python3-*-whl packages)");
      }
    }
    Optional<String> runtime = probe("info", "--format", "{{.Host.OCIRuntime.Name}}");
    if (runtime.isEmpty()) {
      return Optional.of("podman info fails");
    }
    Optional<String> cgroups = probe("info", "--format", "{{.Host.CgroupsVersion}}");
    if (runtime.get().equals("crun") && !cgroups.orElse("").equals("v2")) {
      return Optional.of("podman uses crun, which fails with cgroups " + cgroups.orElse("?"));
    }
    for (String arch : ARCHES) {
      String base = SampleProject.BASE_IMAGE + ":" + arch;
      if (probe("image", "exists", base).isEmpty()) {
        return Optional.of("no base image " + base);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Optional.of(Path.of(dir, program));
      }
    }
    return Optional.empty();
  }

  /** Runs podman quietly; its trimmed output when it succeeds. */
  private static Optional<String> probe(String... args) {
    List<String> argv = new ArrayList<>(List.of("podman"));
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? Optional.of(out.strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
