package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pyhermetic audit} over a directory index and over an index shaped after the corpus. */
class AuditCommandTest {

  @TempDir Path temp;
  private Path links;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void buildIndex() throws IOException {
    links = Files.createDirectory(temp.resolve("links"));
    String pure = Distributions.metadata("purelib", "1.0", ">=3.8", List.of());
    Distributions.wheel(links, "purelib", "1.0", "py3-none-any", pure);
    Distributions.sdist(
        links, "purelib", "1.0", Distributions.Format.TAR_GZ, pure, Map.of("setup.py", ""));
    Distributions.wheel(
        links,
        "nvlib",
        "12.0",
        "py3-none-manylinux_2_17_x86_64",
        Distributions.metadata("nvlib", "12.0", null, List.of()));
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void printsATableOfRoutesAndASummary() throws IOException {
    Path file = write("requirements.txt", "purelib==1.0\nnvlib==12.0\n");
    int code =
        run(
            "audit",
            file.toString(),
            "--target",
            "x86_64",
            "--target",
            "aarch64",
            "--find-links",
            links.toString());
    assertThat(code).isEqualTo(1);
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).isEqualTo("package  version  sdist  x86_64  aarch64");
    assertThat(lines[1]).isEqualTo("purelib  1.0      yes    wheel   wheel");
    assertThat(lines[2]).isEqualTo("nvlib    12.0     no     wheel   none");
    assertThat(out.toString())
        .contains("problems:\n  " + file + ":2: nvlib 12.0 [aarch64]: no wheel for")
        .contains("without sdist (1): nvlib 12.0\n")
        .contains("not installable on aarch64 (1): nvlib 12.0\n")
        .contains("not installable on x86_64 (0)\n")
        .doesNotContain("\u001b[");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void perArchitectureFilesAreAuditedForTheirOwnTarget() throws IOException {
    Path x86 = write("requirements-x86_64.txt", "purelib==1.0\nnvlib==12.0\n");
    Path arm = write("requirements-aarch64.txt", "purelib==1.0\n");
    String[] args = {
      "audit",
      x86.toString(),
      arm.toString(),
      "--target",
      "x86_64,aarch64",
      "--find-links",
      links.toString(),
      "--format",
      "json"
    };
    assertThat(run(args)).isZero();
    JsonNode root = json();
    assertThat(root.path("packages")).hasSize(2);
    assertThat(root.path("packages").get(1).path("targets").has("aarch64")).isFalse();
    assertThat(root.path("summary").path("ok").asInt()).isEqualTo(2);
    // --every-target checks the x86_64 file on aarch64 too
    String[] every = java.util.Arrays.copyOf(args, args.length + 1);
    every[args.length] = "--every-target";
    assertThat(run(every)).isEqualTo(1);
    assertThat(json().path("summary").path("not_installable").path("aarch64").get(0).asText())
        .isEqualTo("nvlib");
  }

  @Test
  void jsonCarriesTheDocumentedKeys() throws IOException {
    Path file = write("requirements.txt", "purelib==1.0\nmissing==2.0\n");
    assertThat(
            run(
                "audit",
                file.toString(),
                "--target",
                "x86_64",
                "--find-links",
                links.toString(),
                "--format",
                "json"))
        .isEqualTo(1);
    JsonNode root = json();
    assertThat(root.path("python").asText()).isEqualTo("3.12");
    assertThat(root.path("targets").get(0).asText()).isEqualTo("x86_64");
    JsonNode purelib = root.path("packages").get(0);
    assertThat(purelib.path("name").asText()).isEqualTo("purelib");
    assertThat(purelib.path("version").asText()).isEqualTo("1.0");
    assertThat(purelib.path("sdist").asText()).isEqualTo("purelib-1.0.tar.gz");
    assertThat(purelib.path("yanked").asBoolean()).isFalse();
    assertThat(purelib.path("hashes").has("stale")).isTrue();
    JsonNode x86 = purelib.path("targets").path("x86_64");
    assertThat(x86.path("install").asText()).isEqualTo("wheel");
    assertThat(x86.path("file").asText()).isEqualTo("purelib-1.0-py3-none-any.whl");
    assertThat(x86.path("hermeto_ready").asBoolean()).isTrue();
    JsonNode missing = root.path("packages").get(1);
    assertThat(missing.path("error").asText()).contains("no release missing==2.0");
    assertThat(missing.path("targets").path("x86_64").path("install").asText()).isEqualTo("none");
    assertThat(root.path("summary").path("errors").get(0).asText()).isEqualTo("missing");
  }

  @Test
  void markdownAndCsvRenderTheSameRows() throws IOException {
    Path file = write("requirements.txt", "purelib==1.0\nnvlib==12.0\n");
    String[] base = {
      "audit", file.toString(), "--target", "aarch64", "--find-links", links.toString()
    };
    run(concat(base, "--format", "markdown"));
    assertThat(out.toString())
        .startsWith("| package | version | sdist | aarch64 |\n|---|---|---|---|\n")
        .contains("| `nvlib` | 12.0 | **no** | **none** |\n")
        .contains("- not installable on aarch64 (1): nvlib 12.0\n");
    run(concat(base, "--format", "csv", "--only-problems"));
    String[] rows = out.toString().split("\r\n");
    assertThat(rows[0])
        .isEqualTo(
            "name,version,file,line,sdist,has_sdist,yanked,stale_hashes,error,aarch64_install,"
                + "aarch64_file,aarch64_hermeto_ready,aarch64_problems,aarch64_requirements_file,"
                + "aarch64_line");
    assertThat(rows).hasSize(2);
    assertThat(rows[1]).startsWith("nvlib,12.0,").contains(",no,false,").contains(",none,,false,");
  }

  @Test
  void auditsTheCorpusAgainstAnIndexShapedAfterIt() throws IOException {
    Path x86 = write("requirements-x86_64.txt", CorpusIndex.read("requirements-x86_64.txt"));
    Path arm = write("requirements-aarch64.txt", CorpusIndex.read("requirements-aarch64.txt"));
    try (FixtureServer server = FixtureServer.start(CorpusIndex.garak(), 0)) {
      int code =
          run(
              "audit",
              x86.toString(),
              arm.toString(),
              "--target",
              "x86_64",
              "--target",
              "aarch64",
              "--simple-index",
              server.simpleUrl(),
              "--no-cache",
              "--format",
              "json");
      assertThat(code).as(err.toString()).isZero();
      JsonNode summary = json().path("summary");
      assertThat(summary.path("without_sdist")).hasSize(CorpusIndex.WITHOUT_SDIST.size());
      assertThat(summary.path("pins").asInt()).isEqualTo(CorpusIndex.garak().releaseCount());
    }
  }

  @Test
  void targetsComeFromTheFileNamesAndFindingsCiteEachTargetsLine() throws IOException {
    Path x86 = write("requirements-amd64.txt", "nvlib==12.0\npurelib==1.0\n");
    Path arm = write("requirements-arm64.txt", "purelib==1.0\n# cuda\nnvlib==12.0\n");
    assertThat(run("audit", x86.toString(), arm.toString(), "--find-links", links.toString()))
        .isEqualTo(1);
    assertThat(out.toString().split("\n")[0]).isEqualTo("package  version  sdist  x86_64  aarch64");
    assertThat(out.toString())
        .contains("  " + arm + ":3: nvlib 12.0 [aarch64]: no wheel for")
        .doesNotContain(x86 + ":1: nvlib 12.0 [aarch64]");
    run(
        "audit",
        x86.toString(),
        arm.toString(),
        "--find-links",
        links.toString(),
        "--format",
        "json");
    JsonNode nvlib = json().path("packages").get(0);
    assertThat(json().path("targets").toString()).isEqualTo("[\"x86_64\",\"aarch64\"]");
    assertThat(nvlib.path("targets").path("aarch64").path("requirements_file").asText())
        .isEqualTo(arm.toString());
    assertThat(nvlib.path("targets").path("aarch64").path("line").asInt()).isEqualTo(3);
    assertThat(nvlib.path("targets").path("x86_64").path("line").asInt()).isEqualTo(1);
  }

  @Test
  void aJunkIndexPageEndsWithExitCodeThreeAndUnknownAnswers() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/simple/",
        exchange -> {
          byte[] body = "Down for maintenance".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (var response = exchange.getResponseBody()) {
            response.write(body);
          }
        });
    server.start();
    try {
      Path file =
          write("requirements-x86_64.txt", "purelib==1.0 --hash=sha256:" + "a".repeat(64) + "\n");
      String index = "http://ann:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/simple/";
      int code = run("audit", file.toString(), "--simple-index", index, "--no-cache", "--quiet");
      assertThat(code).isEqualTo(3);
      assertThat(out.toString())
          .contains("purelib  1.0      unknown  unknown")
          .contains("unknown (index failed) (1): purelib 1.0")
          .contains("hash problems (0; 1 unknown)")
          .doesNotContain("stale");
      assertThat(err.toString().split("\n"))
          .containsExactly(
              "pyhermetic audit: purelib: not a simple-index project page (text/plain)"
                  + " (http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + "/simple/purelib/)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableIndexEndsWithExitCodeThree() throws IOException {
    Path file = write("requirements.txt", "purelib==1.0\n");
    int code =
        run(
            "audit",
            file.toString(),
            "--target",
            "x86_64",
            "--index-url", // pip's spelling of --simple-index
            "http://user:s3cret@127.0.0.1:9/simple/",
            "--no-cache",
            "--quiet");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString().split("\n"))
        .singleElement()
        .asString()
        .startsWith("pyhermetic audit: purelib: connection refused")
        .contains("(http://***@127.0.0.1:9/simple/purelib/)")
        .doesNotContain("s3cret")
        .doesNotContain("Exception");
    assertThat(out.toString()).doesNotContain("s3cret");
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(
            new String[] {},
            "requirements.txt is not named after an architecture (requirements-x86_64.txt):"
                + " give --target ARCH"),
        Arguments.of(new String[] {"--target", "sparc"}, "--target sparc"),
        Arguments.of(new String[] {"--target", "x86_64", "--python", "2.7"}, "--python 2.7"),
        Arguments.of(
            new String[] {"--target", "x86_64", "--find-links", "/nonexistent-dir"},
            "--find-links /nonexistent-dir: no such directory"),
        Arguments.of(
            new String[] {"--target", "x86_64", "--index", "http://a", "--find-links", "."},
            "give one of --index, --simple-index and --find-links"),
        Arguments.of(
            new String[] {"--target", "x86_64", "--hermeto-binary", "{\"py_version\": \"3.12\"}"},
            "--hermeto-binary: packages -> 0 -> pip -> binary -> py_version"),
        Arguments.of(
            new String[] {"--target", "x86_64", "--hermeto-binary", "{\"arch\": "},
            "--hermeto-binary: "),
        Arguments.of(
            new String[] {"--target", "x86_64", "--offline", "--no-cache"},
            "--offline needs the cache"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void badOptionsAreUsageErrors(String[] options, String message) throws IOException {
    Path file = write("requirements.txt", "purelib==1.0\n");
    assertThat(run(concat(new String[] {"audit", file.toString()}, options))).isEqualTo(2);
    assertThat(err.toString()).contains(message).doesNotContain("Exception");
  }

  @Test
  void anUnreadableFileIsAUsageError() {
    assertThat(run("audit", temp.resolve("nope.txt").toString(), "--target", "x86_64"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void aHermetoBinaryFilterDecidesReadinessForItsArch() throws IOException {
    Path file = write("requirements.txt", "nvlib==12.0\n");
    // Hermeto set to download sdists only for x86_64: the wheel-only release is not ready
    run(
        "audit",
        file.toString(),
        "--target",
        "x86_64",
        "--find-links",
        links.toString(),
        "--hermeto-binary",
        "{\"packages\": \"purelib\", \"arch\": \"x86_64\"}",
        "--format",
        "json");
    JsonNode x86 = json().path("packages").get(0).path("targets").path("x86_64");
    assertThat(x86.path("hermeto_ready").asBoolean()).isFalse();
    assertThat(x86.path("ok").asBoolean()).isFalse();
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
