package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.testdata.Distributions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pyhermetic prefetch} over a directory of generated distributions. */
class PrefetchCommandTest {
  private static final String X86 = "cp312-cp312-manylinux_2_17_x86_64";
  private static final String ARM = "cp312-cp312-manylinux_2_17_aarch64";

  @TempDir Path temp;
  private Path links;
  private Path source;
  private Path output;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void fixture() throws IOException {
    links = Files.createDirectory(temp.resolve("links"));
    source = Files.createDirectory(temp.resolve("source"));
    output = temp.resolve("hermeto-output-x86_64");
    String meta = Distributions.metadata("nativelib", "2.0", null, List.of());
    Distributions.wheel(links, "nativelib", "2.0", X86, meta);
    Distributions.wheel(links, "nativelib", "2.0", ARM, meta);
    Distributions.sdist(links, "nativelib", "2.0", Distributions.Format.TAR_GZ, meta, Map.of());
    String pure = Distributions.metadata("purelib", "1.0", null, List.of());
    Distributions.wheel(links, "purelib", "1.0", "py3-none-any", pure);
    Distributions.sdist(links, "purelib", "1.0", Distributions.Format.TAR_GZ, pure, Map.of());
    Files.writeString(source.resolve("requirements-x86_64.txt"), "nativelib==2.0\npurelib==1.0\n");
    Files.writeString(source.resolve("requirements-build.txt"), "");
    Files.writeString(
        source.resolve("pyproject.toml"),
        "[project]\nname = \"sample-app\"\nversion = \"0.1.0\"\n");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path config(String json) throws IOException {
    return Files.writeString(temp.resolve("hermeto.json"), json, StandardCharsets.UTF_8);
  }

  /** prefetch CONFIG into the output from the source, then {@code more}. */
  private String[] prefetch(Path config, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "prefetch",
                config.toString(),
                "-o",
                output.toString(),
                "--source",
                source.toString()));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  /** {@link #prefetch} from the fixture's directory index with a download cache of its own. */
  private String[] args(Path config, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--find-links",
                links.toString(),
                "--download-cache",
                temp.resolve("cache").toString()));
    all.addAll(List.of(more));
    return prefetch(config, all.toArray(new String[0]));
  }

  private static final String SEED_X86 =
      "{\"type\": \"pip\", \"path\": \".\", \"requirements_files\": [\"requirements-x86_64.txt\"],"
          + " \"requirements_build_files\": [\"requirements-build.txt\"], \"binary\":"
          + " {\"packages\": \":all:\", \"arch\": \"x86_64\", \"py_version\": 312}}";

  @Test
  void fetchesTheSeedInputAndPrintsASummary() throws IOException {
    int code = run(args(config(SEED_X86)));
    assertThat(code).as(err.toString()).isZero();
    assertThat(output.resolve("deps/pip/nativelib-2.0-" + X86 + ".whl")).exists();
    assertThat(output.resolve("deps/pip/nativelib-2.0-" + ARM + ".whl")).doesNotExist();
    assertThat(output.resolve(".build-config.json")).exists();
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).matches("package +kind +files +bytes +status");
    assertThat(lines[1]).matches("nativelib==2\\.0 +runtime +2 +\\d+ +ok");
    assertThat(lines[2]).matches("purelib==1\\.0 +runtime +2 +\\d+ +ok");
    assertThat(out.toString())
        .contains("4 files, ")
        .contains(": 4 downloaded (")
        .contains("0 reused, 0 failed\n")
        .endsWith("wrote " + output + "\n");
    assertThat(err.toString()).isEmpty();

    // the env file generate-env writes from this output is the seed's hermeto.env
    assertThat(
            run(
                "generate-env",
                output.toString(),
                "--for-output-dir",
                "/tmp/hermeto-output",
                "--format",
                "env"))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "export PIP_FIND_LINKS=/tmp/hermeto-output/deps/pip\nexport PIP_NO_INDEX=true\n");

    // a second run with --force reuses every file from the cache
    assertThat(run(args(config(SEED_X86), "--force", "--format", "json"))).isZero();
    JsonNode summary = json().path("summary");
    assertThat(summary.path("reused").asInt()).isEqualTo(4);
    assertThat(summary.path("downloaded").asInt()).isZero();
  }

  @Test
  void verifiedFilesAreKeptUnderTheCacheDirectoryUnlessNoCache() throws IOException {
    Path config = config(SEED_X86);
    String[] common = {"--find-links", links.toString(), "--force", "--format", "json"};
    Path cacheDir = temp.resolve("index-cache");
    for (int run = 0; run < 2; run++) {
      String[] args = prefetch(config, concat(common, "--cache-dir", cacheDir.toString()));
      assertThat(run(args)).as(err.toString()).isZero();
    }
    assertThat(json().path("summary").path("reused").asInt()).isEqualTo(4);
    assertThat(cacheDir.resolve("files/sha256")).isDirectory();

    for (int run = 0; run < 2; run++) {
      assertThat(run(prefetch(config, concat(common, "--no-cache")))).as(err.toString()).isZero();
      assertThat(json().path("summary").path("downloaded").asInt()).isEqualTo(4);
    }
  }

  @Test
  void writesTheSbomBesideTheDownloads() throws IOException {
    assertThat(run(args(config(SEED_X86), "--format", "json"))).as(err.toString()).isZero();
    Path bom = output.resolve("bom.json");
    assertThat(json().path("sbom").asText()).isEqualTo(bom.toString());
    JsonNode sbom = new ObjectMapper().readTree(bom.toFile());
    assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(sbom.path("specVersion").asText()).isEqualTo("1.6");
    String index = links.toAbsolutePath().normalize().toUri().toString();
    List<String> purls = new ArrayList<>();
    sbom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    // a directory index is not PyPI: its file: URL is the repository_url
    assertThat(purls)
        .containsExactly(
            "pkg:pypi/nativelib@2.0?repository_url=" + index,
            "pkg:pypi/purelib@1.0?repository_url=" + index,
            "pkg:pypi/sample-app@0.1.0");
    assertThat(sbom.path("components").get(0).path("properties").toString())
        .contains("hermeto:missing_hash:in_file")
        .contains("hermeto:pip:package:binary");
    assertThat(sbom.path("annotations").get(0).path("subjects")).hasSize(3);
  }

  @Test
  void aPackageWithoutANameIsAUsageErrorAndNothingIsFetched() throws IOException {
    Files.delete(source.resolve("pyproject.toml"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !Files.exists(temp.resolve(".git")), "the temporary directory is a git checkout");
    int code = run(args(config(SEED_X86)));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unable to infer package name from origin URL");
    assertThat(output).doesNotExist();
  }

  @Test
  void jsonCarriesTheDocumentedKeys() throws IOException {
    String json =
        "{\"type\": \"pip\", \"requirements_files\": [\"requirements-x86_64.txt\"],"
            + " \"binary\": {\"packages\": \"nativelib\", \"arch\": \"aarch64\"}}";
    assertThat(run(args(config(json), "--format", "json"))).isZero();
    JsonNode root = json();
    assertThat(root.path("written").asBoolean()).isTrue();
    assertThat(root.path("index").asText()).isEqualTo(links.toString());
    JsonNode first = root.path("requirements").get(0);
    assertThat(first.path("name").asText()).isEqualTo("nativelib");
    assertThat(first.path("version").asText()).isEqualTo("2.0");
    assertThat(first.path("line").asInt()).isEqualTo(1);
    assertThat(first.path("build").asBoolean()).isFalse();
    assertThat(first.path("files").get(0).asText()).isEqualTo("nativelib-2.0-" + ARM + ".whl");
    assertThat(first.path("problem").isNull()).isTrue();
    JsonNode file = root.path("files").get(0);
    assertThat(file.path("status").asText()).isEqualTo("downloaded");
    assertThat(file.path("sha256").asText()).hasSize(64);
    assertThat(file.path("size").asLong()).isPositive();
    assertThat(root.path("summary").path("files").asInt()).isEqualTo(2);
  }

  @Test
  void aHashMismatchEndsWithExitCodeOneAndNoOutput() throws IOException {
    Files.writeString(
        source.resolve("requirements-x86_64.txt"),
        "nativelib==2.0 --hash=sha256:" + "0".repeat(64) + "\n");
    int code = run(args(config(SEED_X86)));
    assertThat(code).isEqualTo(1);
    assertThat(output).doesNotExist();
    assertThat(out.toString())
        .contains("nativelib==2.0  runtime      0      0  hash-mismatch")
        .contains(
            "requirements-x86_64.txt:1: nativelib==2.0: No distributions found for package"
                + " nativelib==2.0 (the pinned hashes match none of")
        .contains("nothing written to " + output + ": 1 problem\n");
  }

  @Test
  void anUnreachableIndexEndsWithExitCodeThree() throws IOException {
    int code =
        run(
            prefetch(
                config(SEED_X86),
                "--simple-index",
                "http://user:s3cret@127.0.0.1:9/simple/",
                "--no-cache",
                "--quiet",
                "--download-cache",
                temp.resolve("cache").toString()));
    assertThat(code).isEqualTo(3);
    assertThat(output).doesNotExist();
    assertThat(out.toString() + err.toString()).doesNotContain("s3cret");
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(
            "{\"type\": \"pip\", \"binary\": {\"py_version\": \"3.12\"}}",
            List.of(),
            "1 validation error for user input\npackages -> 0 -> pip -> binary -> py_version\n"
                + "  Input should be a valid integer, unable to parse string as an integer"),
        Arguments.of(
            "{\"type\": \"pip\", \"path\": \"../x\", \"binary\": {\"arch\": [\"x86_64\"]}}",
            List.of(),
            "2 validation errors for user input\npackages -> 0 -> pip -> path\n"
                + "  Value error, path contains ..: ../x\n"
                + "packages -> 0 -> pip -> binary -> arch\n"
                + "  Value error, Binary filter must be a string, got list"),
        Arguments.of(
            "{\"type\": \"pip\", \"requirements_files\": [\"nosuch.txt\"]}",
            List.of(),
            "packages -> 0 -> pip -> requirements_files\n  Required files not found: "),
        Arguments.of(
            "{\"packages\": [], \"extra\": 1}",
            List.of(),
            "extra\n  Extra inputs are not permitted"),
        Arguments.of("{\"type\": ", List.of(), "Looks like JSON but is not valid JSON"),
        Arguments.of(
            SEED_X86,
            List.of("--index", "http://localhost:1/"),
            "give one of --index, --simple-index and --find-links"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorsEndWithExitCodeTwo(String json, List<String> more, String message)
      throws IOException {
    int code = run(args(config(json), more.toArray(new String[0])));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("pyhermetic prefetch: ").contains(message);
    assertThat(out.toString()).isEmpty();
    assertThat(output).doesNotExist();
  }

  @Test
  void aNonEmptyOutputNeedsForce() throws IOException {
    Files.createDirectories(output);
    Files.writeString(output.resolve("keep"), "x");
    assertThat(run(args(config(SEED_X86)))).isEqualTo(2);
    assertThat(err.toString()).contains("exists and is not empty");
    assertThat(output.resolve("keep")).exists();
  }

  @Test
  void aMissingConfigOrOutputIsAUsageError() {
    assertThat(run("prefetch", temp.resolve("nosuch.json").toString(), "-o", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("nosuch.json: no such file");
    assertThat(run("prefetch", "hermeto.json")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--output=OUTPUT_DIR'");
  }

  @Test
  void inlineJsonIsAcceptedAsHermetoAcceptsIt() {
    int code =
        run(
            "prefetch",
            "[{\"type\": \"pip\", \"requirements_files\": [\"requirements-x86_64.txt\"]}]",
            "-o",
            output.toString(),
            "--source",
            source.toString(),
            "--find-links",
            links.toString(),
            "--download-cache",
            temp.resolve("cache").toString(),
            "--quiet");
    assertThat(code).as(err.toString()).isZero();
    assertThat(output.resolve("deps/pip/purelib-1.0.tar.gz")).exists();
    assertThat(output.resolve("deps/pip/purelib-1.0-py3-none-any.whl")).doesNotExist();
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void sourceDateEpochFixesTheSbomDate() {
    assertThat(PrefetchCommand.sourceDateEpoch(null)).isEmpty();
    assertThat(PrefetchCommand.sourceDateEpoch(" ")).isEmpty();
    assertThat(PrefetchCommand.sourceDateEpoch("1700000000"))
        .contains(java.time.Instant.parse("2023-11-14T22:13:20Z"));
    for (String bad : List.of("yesterday", "-5", "1.5")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrefetchCommand.sourceDateEpoch(bad))
          .isInstanceOf(CliException.class)
          .hasMessageContaining("SOURCE_DATE_EPOCH must be whole seconds since 1970");
    }
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
