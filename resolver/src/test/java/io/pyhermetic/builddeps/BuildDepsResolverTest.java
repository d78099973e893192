package io.pyhermetic.builddeps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.error.Location;
import io.pyhermetic.error.Problem;
import io.pyhermetic.error.Severity;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.platform.Target;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.Distributions.Format;
import io.pyhermetic.version.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end resolution against a directory index of generated wheels and sdists. */
class BuildDepsResolverTest {

  @TempDir Path dir;
  @TempDir Path work;

  private Path index() throws Exception {
    Path index = dir.resolve("index");
    Files.createDirectories(index);
    return index;
  }

  /** A release with a py3 wheel and/or an sdist whose top directory holds {@code files}. */
  private void release(
      String name,
      String version,
      List<String> requiresDist,
      String requiresPython,
      boolean wheel,
      Format sdist,
      Map<String, String> files)
      throws Exception {
    String metadata = Distributions.metadata(name, version, requiresPython, requiresDist);
    if (wheel) {
      Distributions.wheel(index(), name, version, "py3-none-any", metadata);
    }
    if (sdist != null) {
      Distributions.sdist(index(), name, version, sdist, metadata, files);
    }
  }

  private static Map<String, String> pyproject(String... requires) {
    StringBuilder list = new StringBuilder();
    for (String r : requires) {
      list.append(list.length() == 0 ? "" : ", ").append('"').append(r).append('"');
    }
    return Map.of("pyproject.toml", "[build-system]\nrequires = [" + list + "]\n");
  }

  /** Backends and their runtime dependencies, as on a real index. */
  private void backends() throws Exception {
    release("flit-core", "3.12.0", List.of(), ">=3.6", true, Format.TAR_GZ, pyproject());
    release(
        "hatchling",
        "1.26.3",
        List.of("packaging>=21.3", "pluggy>=1.0.0"),
        ">=3.8",
        true,
        Format.TAR_GZ,
        pyproject("packaging>=21.3", "pluggy>=1.0.0"));
    release(
        "hatchling",
        "1.28.0",
        List.of("packaging>=24.2", "pluggy>=1.0.0", "tomli>=1.2.2; python_version < \"3.11\""),
        ">=3.9",
        true,
        Format.TAR_GZ,
        pyproject("packaging>=24.2", "pluggy>=1.0.0"));
    release("packaging", "24.2", List.of(), ">=3.8", true, Format.TAR_GZ, pyproject("flit-core"));
    release("packaging", "25.0", List.of(), ">=3.8", true, Format.TAR_GZ, pyproject("flit-core"));
    release(
        "pluggy",
        "1.6.0",
        List.of(),
        ">=3.9",
        true,
        Format.TAR_GZ,
        Map.of(
            "setup.cfg", "[options]\nsetup_requires =\n    setuptools-scm\n",
            "setup.py", "from setuptools import setup\nsetup()\n"));
    release(
        "setuptools-scm",
        "8.3.1",
        List.of("packaging>=20", "setuptools"),
        ">=3.8",
        true,
        Format.ZIP,
        Map.of(
            "setup.py",
            "from setuptools import setup\nsetup(setup_requires=['setuptools>=61'])\n"));
    release("setuptools", "80.9.0", List.of(), ">=3.9", true, Format.TAR_GZ, pyproject());
    release("tomli", "2.2.1", List.of(), ">=3.8", true, Format.TAR_GZ, pyproject("flit-core"));
  }

  private static List<Entry> entries(String requirements) {
    return RequirementsFile.parse(requirements, "requirements.txt").entries();
  }

  private BuildDepsResult resolve(String requirements, BuildDepsOptions.Builder options)
      throws Exception {
    return new BuildDepsResolver(
            new LocalIndex(index()), options.workDirectory(work).concurrency(4).build())
        .resolve(entries(requirements));
  }

  private BuildDepsResult resolve(String requirements) throws Exception {
    return resolve(requirements, BuildDepsOptions.builder());
  }

  private static List<String> pins(BuildDepsResult result) {
    return result.entries().stream().map(OutputEntry::toString).toList();
  }

  @Test
  void twoPackagesNeedingDifferentBackendVersionsGetBoth() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("hatchling>=1.27"));
    release("lib", "2.0", List.of(), null, false, Format.TAR_BZ2, pyproject("hatchling<1.27"));
    BuildDepsResult result = resolve("app==1.0\nlib==2.0\npackaging==24.2\n");

    assertThat(result.errors()).isEmpty();
    assertThat(pins(result))
        .containsExactly(
            "flit-core==3.12.0",
            "hatchling==1.26.3",
            "hatchling==1.28.0",
            "packaging==24.2",
            "pluggy==1.6.0",
            "setuptools==80.9.0",
            "setuptools-scm==8.3.1");
    OutputEntry hatchling = result.entries().get(2);
    assertThat(hatchling.via()).containsExactly("app");
    assertThat(hatchling.hashes()).hasSize(2).allMatch(h -> h.matches("sha256:[0-9a-f]{64}"));
    OutputEntry packaging = result.entries().get(3);
    assertThat(packaging.via()).containsExactly("hatchling", "setuptools-scm");
    assertThat(result.entries().get(5).via()).containsExactly("pluggy", "setuptools-scm");

    PackageOutcome pluggy =
        result.packages().stream()
            .filter(p -> p.name().canonical().equals("pluggy"))
            .findFirst()
            .orElseThrow();
    assertThat(pluggy.buildRequirements())
        .containsExactly(
            new DeclaredRequirement("setuptools>=40.8.0", "pip default"),
            new DeclaredRequirement("setuptools-scm", "setup.cfg"));
    assertThat(pluggy.neededBy()).containsExactly("app", "hatchling", "lib");

    String text =
        BuildDepsOutput.requirementsText(
            result,
            BuildDepsOutput.header(
                "3.12", "pyhermetic build-deps --output-file=requirements-build.txt req.txt"),
            true);
    assertThat(text)
        .startsWith(
            "#\n# This file is autogenerated by pyhermetic with Python 3.12\n"
                + "# by the following command:\n#\n"
                + "#    pyhermetic build-deps --output-file=requirements-build.txt req.txt\n#\n"
                + "flit-core==3.12.0 \\\n    --hash=sha256:")
        .contains("hatchling==1.26.3 \\\n    --hash=sha256:")
        .contains("    # via\n    #   hatchling\n    #   setuptools-scm\n")
        .contains("    # via lib\n")
        .endsWith("    # via\n    #   pluggy\n    #   setuptools-scm\n");
    assertThat(text.substring(text.indexOf("\n# The following packages")))
        .startsWith(
            "\n# The following packages are considered to be unsafe in a requirements file:\n"
                + "setuptools==80.9.0 \\\n");
    assertThat(text.indexOf("setuptools-scm==8.3.1")).isLessThan(text.indexOf("# The following"));
    // same input and index state: the same bytes
    assertThat(
            BuildDepsOutput.requirementsText(
                resolve("app==1.0\nlib==2.0\npackaging==24.2\n"),
                BuildDepsOutput.header(
                    "3.12", "pyhermetic build-deps --output-file=requirements-build.txt req.txt"),
                true))
        .isEqualTo(text);
  }

  @Test
  void inputPinsArePreferredAndOtherwiseTheNewestVersionWins() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("packaging"));
    assertThat(pins(resolve("app==1.0\n"))).contains("packaging==25.0");
    assertThat(pins(resolve("app==1.0\npackaging==24.2\n"))).contains("packaging==24.2");
  }

  @Test
  void aBuildDependencyWhoseNewestVersionNeedsANewerPythonIsSkipped() throws Exception {
    backends();
    release("tool", "1.0", List.of(), ">=3.8", true, Format.TAR_GZ, pyproject());
    release("tool", "2.0", List.of(), ">=3.13", true, Format.TAR_GZ, pyproject());
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("tool"));
    assertThat(pins(resolve("app==1.0\n"))).containsExactly("tool==1.0");
    BuildDepsResult py313 =
        resolve(
            "app==1.0\n",
            BuildDepsOptions.builder().targets(List.of(Target.linux("x86_64", "3.13"))));
    assertThat(pins(py313)).containsExactly("tool==2.0");
  }

  @Test
  void markersAreEvaluatedPerTargetAndTheEnvironmentsMerged() throws Exception {
    backends();
    release("cffi", "2.0.0", List.of(), null, true, Format.TAR_GZ, pyproject());
    release(
        "app",
        "1.0",
        List.of(),
        null,
        false,
        Format.TAR_GZ,
        pyproject(
            "flit-core", "cffi; platform_machine == 'aarch64'", "tomli; python_version < '3.11'"));
    assertThat(pins(resolve("app==1.0\n"))).containsExactly("flit-core==3.12.0");
    BuildDepsResult both =
        resolve(
            "app==1.0\n",
            BuildDepsOptions.builder()
                .targets(List.of(Target.linux("x86_64", "3.12"), Target.linux("aarch64", "3.12"))));
    assertThat(pins(both)).containsExactly("cffi==2.0.0", "flit-core==3.12.0");
  }

  @Test
  void setupPyLiteralAndNoBuildSystem() throws Exception {
    backends();
    release(
        "legacy",
        "1.0",
        List.of(),
        null,
        false,
        Format.ZIP,
        Map.of("setup.py", "import setuptools\nsetuptools.setup(setup_requires=['flit-core'])\n"));
    BuildDepsResult result = resolve("legacy==1.0\n");
    assertThat(pins(result)).containsExactly("flit-core==3.12.0", "setuptools==80.9.0");
    PackageOutcome legacy = result.packages().get(1);
    assertThat(legacy.sdist()).contains("legacy-1.0.zip");
    assertThat(legacy.buildRequirements())
        .extracting(DeclaredRequirement::source)
        .containsExactly("pip default", "setup.py");
  }

  @Test
  void cyclesTerminate() throws Exception {
    release("cyc-a", "1.0", List.of("cyc-b"), null, true, Format.TAR_GZ, pyproject("cyc-b"));
    release("cyc-b", "1.0", List.of("cyc-a"), null, true, Format.TAR_GZ, pyproject("cyc-a"));
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("cyc-a"));
    BuildDepsResult result = resolve("app==1.0\n");
    assertThat(result.errors()).isEmpty();
    assertThat(pins(result)).containsExactly("cyc-a==1.0", "cyc-b==1.0");
    assertThat(result.entries().get(0).via()).containsExactly("app", "cyc-b");
    assertThat(result.packages())
        .extracting(PackageOutcome::pin)
        .containsExactly("app==1.0", "cyc-a==1.0", "cyc-b==1.0");
  }

  @Test
  void aPackageThatBuildsWithItselfIsACycleAndTheOthersResolve() throws Exception {
    backends();
    release(
        "selfish",
        "1.0",
        List.of(),
        null,
        true,
        Format.TAR_GZ,
        pyproject("selfish>=0.9", "flit-core"));
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("flit-core"));
    BuildDepsResult result = resolve("app==1.0\nselfish==1.0\n");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(BuildDepsCode.BUILD_CYCLE);
              assertThat(p.subject()).isEqualTo("selfish==1.0");
              assertThat(p.message())
                  .isEqualTo(
                      "it lists itself among its own build requirements ('selfish>=0.9'"
                          + " (pyproject.toml)), a cycle: it cannot be built from its sdist"
                          + " without a built copy of itself");
            });
    assertThat(pins(result)).containsExactly("flit-core==3.12.0");
  }

  @Test
  void tooManyBuildRequirementsAreOneBoundedProblemNamingEveryFinding() throws Exception {
    backends();
    int count = BuildDepsResolver.MAX_BUILD_REQUIREMENTS + 1;
    String[] requires = new String[count];
    for (int i = 0; i < count; i++) {
      requires[i] = i == count - 1 ? "huge" : "nonexistent-" + i;
    }
    release("huge", "1.0", List.of(), null, true, Format.TAR_GZ, pyproject(requires));
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("flit-core"));
    BuildDepsResult result = resolve("app==1.0\nhuge==1.0\n");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(BuildDepsCode.BAD_BUILD_DECLARATION);
              assertThat(p.message())
                  .startsWith(
                      "its sdist declares "
                          + count
                          + " build requirements, more than the "
                          + BuildDepsResolver.MAX_BUILD_REQUIREMENTS
                          + " read; none of them is resolved; it lists itself");
            });
    assertThat(pins(result)).containsExactly("flit-core==3.12.0");
  }

  @Test
  void missingSdistsFailAllAtOnceOrAreSkipped() throws Exception {
    backends();
    release("wheelonly", "1.0", List.of(), null, true, null, Map.of());
    release("native", "3.0", List.of(), null, true, null, Map.of());
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("native"));
    String input = "app==1.0\nwheelonly==1.0\n";

    BuildDepsResult failing = resolve(input);
    assertThat(failing.errors(BuildDepsCode.MISSING_SDIST))
        .extracting(Problem::subject)
        .containsExactly("native==3.0", "wheelonly==1.0");
    assertThat(failing.errors()).extracting(Problem::severity).containsOnly(Severity.ERROR);
    Path out = dir.resolve("requirements-build.txt");
    Files.writeString(out, "old\n");
    assertThatThrownBy(() -> BuildDepsOutput.writeRequirements(out, failing, List.of(), true))
        .isInstanceOf(BuildDepsException.class)
        .hasMessageContaining("native==3.0")
        .hasMessageContaining("wheelonly==1.0");
    assertThat(Files.readString(out)).isEqualTo("old\n");

    BuildDepsResult skipping = resolve(input, BuildDepsOptions.builder().skipMissingSdist(true));
    assertThat(skipping.isOk()).isTrue();
    assertThat(skipping.skipped())
        .extracting(Problem::subject)
        .containsExactly("native==3.0", "wheelonly==1.0");
    assertThat(skipping.problems()).extracting(Problem::severity).containsOnly(Severity.WARNING);
    BuildDepsOutput.writeRequirements(out, skipping, List.of(), true);
    assertThat(Files.readString(out))
        .startsWith(
            "#\n# Skipped (no sdist on the index; their build requirements are not included):\n"
                + "#    native==3.0\n#    wheelonly==1.0\n#\nnative==3.0 \\\n    --hash=sha256:")
        .endsWith("    # via app\n");
    JsonNode report = new ObjectMapper().readTree(BuildDepsOutput.reportJson(skipping));
    assertThat(report.get("skipped").get(0).get("package").asText()).isEqualTo("native==3.0");
    assertThat(report.get("skipped").get(0).get("reason").asText()).contains("only wheels");
    assertThat(report.get("mode").asText()).isEqualTo("source-only");
    JsonNode app = report.get("packages").get(0);
    assertThat(app.get("name").asText()).isEqualTo("app");
    assertThat(app.get("status").asText()).isEqualTo("resolved");
    assertThat(app.get("build_requirements").get(0).get("source").asText())
        .isEqualTo("pyproject.toml");
    assertThat(app.get("environment").get(0).get("required_by").get(0).asText()).isEqualTo("app");
    assertThat(app.get("error").isNull()).isTrue();
    assertThat(report.get("summary").get("skipped").asInt()).isEqualTo(2);
  }

  static Stream<Arguments> conflicts() {
    return Stream.of(
        Arguments.of(
            "contradictory build requirements",
            pyproject("setuptools>=42", "setuptools<42"),
            List.<String>of(),
            "no version of setuptools satisfies",
            "app==1.0 \u2192 setuptools<42"),
        Arguments.of(
            "user constraint",
            pyproject("setuptools>=75"),
            List.of("setuptools<70"),
            "setuptools<70 (user constraint)",
            "constraint \u2192 setuptools<70"),
        Arguments.of(
            "runtime dependency of the backend",
            pyproject("hatchling>=1.28", "packaging<24"),
            List.<String>of(),
            "no version of",
            "app==1.0 \u2192 packaging<24"),
        Arguments.of(
            "unknown project",
            pyproject("no-such-backend"),
            List.<String>of(),
            "the index has no project no-such-backend",
            "app==1.0 \u2192 no-such-backend"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conflicts")
  void conflictsNameTheChain(
      String label,
      Map<String, String> files,
      List<String> constraints,
      String message,
      String chain)
      throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, files);
    BuildDepsResult result =
        resolve(
            "app==1.0\n",
            BuildDepsOptions.builder()
                .constraints(constraints.stream().map(Requirement::parse).toList()));
    assertThat(result.errors()).hasSize(1);
    Problem problem = result.errors().get(0);
    assertThat(problem.code()).isEqualTo(BuildDepsCode.RESOLUTION_CONFLICT);
    assertThat(problem.subject()).isEqualTo("app==1.0");
    assertThat(problem.message()).contains("x86_64 with Python 3.12").contains(message);
    assertThat(problem.chain()).contains(chain);
  }

  @Test
  void userConstraintsSteerTheChoice() throws Exception {
    backends();
    release("setuptools", "82.0.0", List.of(), ">=3.9", true, Format.TAR_GZ, pyproject());
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("setuptools"));
    assertThat(pins(resolve("app==1.0\n"))).containsExactly("setuptools==82.0.0");
    assertThat(
            pins(
                resolve(
                    "app==1.0\n",
                    BuildDepsOptions.builder()
                        .constraints(List.of(Requirement.parse("setuptools<82"))))))
        .containsExactly("setuptools==80.9.0");
  }

  @Test
  void backtracksWhenTheNewestBackendNeedsAConflictingDependency() throws Exception {
    backends();
    release(
        "app",
        "1.0",
        List.of(),
        null,
        false,
        Format.TAR_GZ,
        pyproject("hatchling", "packaging<24.2"));
    release("packaging", "23.2", List.of(), ">=3.7", true, Format.TAR_GZ, pyproject("flit-core"));
    BuildDepsResult result = resolve("app==1.0\n");
    assertThat(result.errors()).isEmpty();
    assertThat(result.packages().get(0).environment())
        .extracting(ResolvedPin::toString)
        .containsExactly("hatchling==1.26.3", "packaging==23.2", "pluggy==1.6.0");
  }

  @Test
  void invalidTomlIsAPerPackageErrorWithItsLocation() throws Exception {
    backends();
    release(
        "bad",
        "1.0",
        List.of(),
        null,
        false,
        Format.TAR_GZ,
        Map.of("pyproject.toml", "[build-system\n"));
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("flit-core"));
    BuildDepsResult result = resolve("app==1.0\nbad==1.0\n");
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).code()).isEqualTo(BuildDepsCode.BAD_BUILD_DECLARATION);
    assertThat(result.errors().get(0).message()).startsWith("bad-1.0.tar.gz/pyproject.toml:1:");
    assertThat(pins(result)).containsExactly("flit-core==3.12.0");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void hashMismatchesAreErrorsAndNothingOfThePackageIsUsed() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("flit-core"));
    Path sdist = index().resolve("app-1.0.tar.gz");
    String good = sha256(sdist);
    String bad = "0".repeat(64);

    assertThat(resolve("app==1.0 --hash=sha256:" + good + "\n").isOk()).isTrue();

    BuildDepsResult pinned = resolve("app==1.0 --hash=sha256:" + bad + "\n");
    assertThat(pinned.errors())
        .extracting(Problem::code)
        .containsExactly(BuildDepsCode.HASH_MISMATCH);
    assertThat(pinned.errors().get(0).message()).contains("not among the hashes pinned");
    assertThat(pinned.entries()).isEmpty();

    // an index (or mirror) that serves other bytes than its digest announces
    PackageIndex local = new LocalIndex(index());
    BuildDepsResult tampered =
        new BuildDepsResolver(
                local,
                (file, destination) -> {
                  try {
                    Files.writeString(destination, "tampered");
                    return CompletableFuture.completedFuture(sha256(destination));
                  } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                  }
                },
                BuildDepsOptions.builder().workDirectory(work).build())
            .resolve(entries("app==1.0\n"));
    // the index (not the input) is at fault: nothing can be said about the package
    assertThat(tampered.errors())
        .extracting(Problem::code)
        .containsExactly(BuildDepsCode.INDEX_FAILURE);
    assertThat(tampered.errors().get(0).message()).contains("differs from the index's digest");
    assertThat(tampered.entries()).isEmpty();
    try (Stream<Path> left = Files.walk(work)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  /** A directory index that marks some versions yanked, as PEP 592 indexes do. */
  private static PackageIndex yanking(PackageIndex index, String name, Set<String> versions) {
    return new PackageIndex() {
      @Override
      public List<ReleaseFile> files(ProjectName project, Version version) {
        List<ReleaseFile> files = index.files(project, version);
        if (!project.canonical().equals(name) || !versions.contains(version.toString())) {
          return files;
        }
        return files.stream()
            .map(
                f ->
                    new ReleaseFile(
                        f.filename(),
                        f.url(),
                        f.sha256(),
                        f.size(),
                        f.requiresPython(),
                        true,
                        java.util.Optional.of("broken"),
                        f.uploadTime(),
                        f.coreMetadata(),
                        f.coreMetadataSha256()))
            .toList();
      }

      @Override
      public List<Version> versions(ProjectName project) {
        return index.versions(project);
      }

      @Override
      public ReleaseMetadata metadata(ProjectName project, Version version) {
        return index.metadata(project, version);
      }
    };
  }

  @Test
  void packagesFoundDeeperDownloadAtHigherPriority() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("hatchling>=1.27"));
    PackageIndex local = new LocalIndex(index());
    Map<String, Integer> levels = new java.util.concurrent.ConcurrentHashMap<>();
    BuildDepsResult result =
        new BuildDepsResolver(
                local,
                (file, destination) -> {
                  levels.put(file.filename(), RequestPriority.current().level());
                  return local.downloadAsync(file, destination);
                },
                BuildDepsOptions.builder().workDirectory(work).concurrency(4).build())
            .resolve(entries("app==1.0\n"));

    assertThat(result.errors()).isEmpty();
    // the input, a backend it needs, and a backend of that backend's dependencies (the last two
    // fetched ahead of their inspections): each depth's sdists above the one before
    assertThat(levels).containsEntry("app-1.0.tar.gz", 1);
    assertThat(levels.get("hatchling-1.28.0.tar.gz")).isGreaterThan(1);
    assertThat(levels.get("flit_core-3.12.0.tar.gz"))
        .isGreaterThan(levels.get("hatchling-1.28.0.tar.gz"));
  }

  @Test
  void sdistsFetchedAheadAreDownloadedOnceAndOnlyWhenBuilt() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("hatchling>=1.27"));
    PackageIndex local = new LocalIndex(index());
    Map<String, Integer> downloads = new java.util.concurrent.ConcurrentHashMap<>();
    BuildDepsResult result =
        new BuildDepsResolver(
                local,
                (file, destination) -> {
                  downloads.merge(file.filename(), 1, Integer::sum);
                  return local.downloadAsync(file, destination);
                },
                BuildDepsOptions.builder().workDirectory(work).concurrency(4).build())
            .resolve(entries("app==1.0\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(downloads).containsKeys("hatchling-1.28.0.tar.gz", "flit_core-3.12.0.tar.gz");
    assertThat(downloads.values()).allMatch(count -> count == 1);
    // every sdist fetched is one of a package the run inspected
    Set<String> inspected = new java.util.HashSet<>();
    result.packages().forEach(p -> p.sdist().ifPresent(inspected::add));
    assertThat(inspected).containsAll(downloads.keySet());
  }

  @Test
  void progressTellsOfEveryPackageOnce() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("hatchling>=1.27"));
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger last =
        new java.util.concurrent.atomic.AtomicInteger();
    BuildDepsResult result =
        new BuildDepsResolver(
                new LocalIndex(index()),
                BuildDepsOptions.builder().workDirectory(work).concurrency(4).build())
            .withProgress(
                new ProgressListener() {
                  @Override
                  public void progressed(int inspected, int known, String release) {
                    assertThat(inspected).isLessThanOrEqualTo(known);
                    last.accumulateAndGet(inspected, Math::max);
                    told.add(release);
                  }
                })
            .resolve(entries("app==1.0\n"));

    assertThat(result.errors()).isEmpty();
    assertThat(told).doesNotHaveDuplicates().hasSize(result.packages().size()).contains("app 1.0");
    assertThat(last).hasValue(result.packages().size());
  }

  @Test
  void yankedVersionsAreUsedOnlyWhenPinnedExactly() throws Exception {
    backends();
    release("oldtool", "1.0", List.of(), null, true, Format.TAR_GZ, pyproject());
    release("oldtool", "1.1", List.of(), null, true, Format.TAR_GZ, pyproject());
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("oldtool"));
    release("pinner", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("oldtool==1.0"));
    PackageIndex index = yanking(new LocalIndex(index()), "oldtool", Set.of("1.0", "1.1"));
    BuildDepsOptions options = BuildDepsOptions.builder().workDirectory(work).build();

    BuildDepsResult result = new BuildDepsResolver(index, options).resolve(entries("app==1.0\n"));
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).message())
        .contains("no version of oldtool satisfies oldtool")
        .contains("excluded: 1.1 (yanked), 1.0 (yanked)");

    BuildDepsResult pinned =
        new BuildDepsResolver(index, options).resolve(entries("pinner==1.0\n"));
    assertThat(pinned.errors()).isEmpty();
    assertThat(pins(pinned)).containsExactly("oldtool==1.0");
  }

  @Test
  void binaryForBuildsOnlyWhatHasNoWheel() throws Exception {
    backends();
    release("purewheel", "1.0", List.of(), null, true, Format.TAR_GZ, pyproject("hatchling"));
    release("native", "2.0", List.of(), null, false, Format.TAR_GZ, pyproject("flit-core"));
    String input = "purewheel==1.0\nnative==2.0\n";
    BuildDepsResult source = resolve(input);
    assertThat(pins(source)).contains("hatchling==1.28.0", "flit-core==3.12.0");

    BuildDepsResult binary =
        resolve(
            input,
            BuildDepsOptions.builder()
                .binaryFor(
                    List.of(Target.linux("x86_64", "3.12"), Target.linux("aarch64", "3.12"))));
    assertThat(binary.errors()).isEmpty();
    assertThat(pins(binary)).containsExactly("flit-core==3.12.0");
    assertThat(binary.packages())
        .extracting(p -> p.pin() + " " + p.status().label())
        .containsExactly(
            "flit-core==3.12.0 not_needed", "native==2.0 resolved", "purewheel==1.0 not_needed");
  }

  @Test
  void configuredExtraRequirementsJoinTheBackendsEnvironment() throws Exception {
    backends();
    release("ninja", "1.13.0", List.of(), null, true, Format.TAR_GZ, pyproject());
    release(
        "scikit-build-core",
        "0.11.6",
        List.of(),
        null,
        true,
        Format.TAR_GZ,
        pyproject("hatchling"));
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("scikit-build-core"));
    BuildDepsResult result =
        resolve(
            "app==1.0\n",
            BuildDepsOptions.builder()
                .extraRequirements(
                    ProjectName.of("scikit-build-core"), List.of(Requirement.parse("ninja>=1.5"))));
    assertThat(result.packages().get(0).buildRequirements())
        .containsExactly(
            new DeclaredRequirement("scikit-build-core", "pyproject.toml"),
            new DeclaredRequirement("ninja>=1.5", "extra for scikit-build-core"));
    assertThat(pins(result)).contains("ninja==1.13.0", "scikit-build-core==0.11.6");
  }

  @Test
  void unpinnedInputsAreReportedAndInactiveMarkersIgnored() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("flit-core"));
    BuildDepsResult result =
        resolve("app==1.0\nloose>=1\nwinonly==1.0 ; sys_platform == 'win32'\n");
    assertThat(result.errors()).extracting(Problem::code).containsExactly(BuildDepsCode.NOT_PINNED);
    assertThat(result.errors().get(0).message()).startsWith("requirements.txt:2:");
    assertThat(result.errors().get(0).location().map(Location::line)).contains(2);
    assertThat(result.packages()).extracting(PackageOutcome::pin).doesNotContain("winonly==1.0");
  }

  @Test
  void theReportIsWrittenAtomicallyEvenForAFailedRun() throws Exception {
    backends();
    release("app", "1.0", List.of(), null, false, Format.TAR_GZ, pyproject("missing-backend"));
    BuildDepsResult result = resolve("app==1.0\n");
    Path report = dir.resolve("out/report.json");
    BuildDepsOutput.writeReport(report, result);
    JsonNode json = new ObjectMapper().readTree(Files.readString(report, StandardCharsets.UTF_8));
    assertThat(json.get("errors").get(0).get("kind").asText()).isEqualTo("resolution_conflict");
    assertThat(json.get("errors").get(0).get("chain").get(0).asText())
        .isEqualTo("app==1.0 \u2192 missing-backend");
    assertThat(json.get("packages").get(0).get("error").get("package").asText())
        .isEqualTo("app==1.0");
    assertThat(Files.list(report.getParent())).hasSize(1);
  }

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final byte[] SDIST = "the sdist's bytes".getBytes(StandardCharsets.UTF_8);

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** A PEP 691 page for app listing app-1.0.tar.gz with {@code digest}. */
  private static ResponseDefinitionBuilder appPage(String digest) {
    return okForContentType(
        "application/vnd.pypi.simple.v1+json",
        "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"app\", \"files\": [{\"filename\":"
            + " \"app-1.0.tar.gz\", \"url\": \"/files/app-1.0.tar.gz\", \"hashes\": {\"sha256\": \""
            + digest
            + "\"}}]}");
  }

  static Stream<Arguments> indexAndDownloadFailures() throws Exception {
    String good = sha256(SDIST);
    ResponseDefinitionBuilder file = aResponse().withStatus(200).withBody(SDIST);
    String page = "/simple/app/";
    String sdist = "/files/app-1.0.tar.gz";
    return Stream.of(
        Arguments.of(
            "the page answers 503 after the retries",
            aResponse().withStatus(503),
            file,
            BuildDepsCode.INDEX_FAILURE,
            page,
            "HTTP 503 after 2 tries"),
        Arguments.of(
            "the page's connection is reset",
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            file,
            BuildDepsCode.INDEX_FAILURE,
            page,
            "after 2 tries"),
        Arguments.of(
            "the page is a login page",
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><form><input type=password></form></html>"),
            file,
            BuildDepsCode.INDEX_FAILURE,
            page,
            "not a simple-index project page"),
        Arguments.of(
            "the project is not on the index",
            aResponse().withStatus(404),
            file,
            BuildDepsCode.NOT_FOUND,
            page,
            "no project app on the index"),
        Arguments.of(
            "the sdist answers 500 after the retries",
            appPage(good),
            aResponse().withStatus(500),
            BuildDepsCode.INDEX_FAILURE,
            sdist,
            "download failed: HTTP 500 after 2 tries"),
        Arguments.of(
            "the sdist's connection is reset",
            appPage(good),
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            BuildDepsCode.INDEX_FAILURE,
            sdist,
            "download failed: the connection was reset"),
        Arguments.of(
            "the sdist is not the bytes the index lists",
            appPage(sha256("other bytes".getBytes(StandardCharsets.UTF_8))),
            file,
            BuildDepsCode.INDEX_FAILURE,
            sdist,
            "differs from the index's digest"),
        Arguments.of(
            "the sdist the index lists is gone",
            appPage(good),
            aResponse().withStatus(404),
            BuildDepsCode.NOT_FOUND,
            sdist,
            "download failed: HTTP 404"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexAndDownloadFailures")
  void anIndexOrDownloadFailureIsAnIndexFailureNamingTheProjectAndUrl(
      String label,
      ResponseDefinitionBuilder page,
      ResponseDefinitionBuilder file,
      BuildDepsCode kind,
      String path,
      String reason) {
    wm.resetAll();
    wm.stubFor(get("/simple/app/").willReturn(page));
    wm.stubFor(get("/files/app-1.0.tar.gz").willReturn(file));
    String base = wm.baseUrl().replace("//", "//ann:s3cret@") + "/simple/";
    try (SimpleIndex index =
        new SimpleIndex(base, IndexSettings.builder().maxTries(2).noNetrc().build())) {
      BuildDepsResult result =
          new BuildDepsResolver(
                  index, BuildDepsOptions.builder().workDirectory(work).concurrency(2).build())
              .resolve(entries("app==1.0\n"));
      assertThat(result.errors()).hasSize(1);
      Problem problem = result.errors().get(0);
      assertThat(problem.code()).isEqualTo(kind);
      assertThat(problem.subject()).isEqualTo("app==1.0");
      assertThat(problem.message())
          .startsWith("app")
          .contains(reason)
          .contains("localhost:" + wm.getPort() + path)
          .doesNotContain("s3cret")
          .doesNotContain("Exception");
    }
  }
}
