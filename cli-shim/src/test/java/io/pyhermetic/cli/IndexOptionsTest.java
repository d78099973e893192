package io.pyhermetic.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.testdata.RawSocketServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The index options every index-reading command shares: URLs, --timeout, --timings, faults. */
class IndexOptionsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "cli-fault-s3cret";

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private int run(List<String> args) {
    return Pyhermetic.run(
        args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path requirements(String text) throws IOException {
    return Files.writeString(temp.resolve("requirements.txt"), text, StandardCharsets.UTF_8);
  }

  private static String page(String name) {
    return "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \""
        + name
        + "\", \"files\": [{\"filename\": \""
        + name
        + "-1.0-py3-none-any.whl\", \"url\": \"/files/"
        + name
        + "-1.0-py3-none-any.whl\", \"hashes\": {}}]}";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--simple-index | http://idx.example:/simple/ | an empty port in the URL",
        "--simple-index | idx.example/simple/         | the URL has no scheme",
        "--index        | ftp://idx.example/pypi      | not an http or https URL",
        "--timeout      | 0                           | --timeout must be between 1 and 3600",
      })
  void aUrlThatDoesNotParseAndABadTimeoutAreUsageErrors(String option, String value, String message)
      throws IOException {
    Path input = requirements("pkg==1.0\n");
    int code =
        run(List.of("audit", input.toString(), "--target", "x86_64", "--no-cache", option, value));
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(message).doesNotContain("Exception");
  }

  @Test
  void timingsPrintEveryRequestWithTheCriticalPath() throws IOException {
    for (String name : List.of("a", "b")) {
      wm.stubFor(
          get("/simple/" + name + "/")
              .willReturn(okForContentType("application/vnd.pypi.simple.v1+json", page(name))));
    }
    Path input = requirements("a==1.0\nb==1.0\n");
    int code =
        run(
            List.of(
                "audit",
                input.toString(),
                "--target",
                "x86_64",
                "--no-cache",
                "--no-hermeto",
                "--simple-index",
                wm.baseUrl().replace("//", "//u:" + SECRET + "@") + "/simple/",
                "--timings"));
    assertThat(code).as(err.toString()).isIn(0, 1);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0))
        .startsWith("requests: 2 (0 from the cache), wall time ")
        .endsWith(", critical path 1 round trips");
    assertThat(lines.get(1)).contains("start", "took", "status", "tries", "bytes", "request");
    assertThat(lines.subList(2, 4))
        .allSatisfy(l -> assertThat(l).contains(" 200 ", "GET http://***@localhost:"))
        .anySatisfy(l -> assertThat(l).endsWith("/simple/a/"))
        .anySatisfy(l -> assertThat(l).endsWith("/simple/b/"));
    assertThat(err.toString()).doesNotContain(SECRET);
  }

  /** A fault for both projects of the input: the index base URL it serves. */
  record Fault(String name, java.util.function.Function<IndexOptionsTest, String> setUp) {
    @Override
    public String toString() {
      return name;
    }
  }

  private String wiremock(ResponseDefinitionBuilder response) {
    wm.resetAll();
    wm.stubFor(get(urlPathMatching("/simple/.*")).willReturn(response));
    return wm.baseUrl() + "/simple/";
  }

  private String raw(RawSocketServer.Behaviour behaviour) {
    RawSocketServer server = RawSocketServer.start(behaviour);
    servers.add(server);
    return server.baseUrl() + "/simple/";
  }

  static Stream<Fault> faults() {
    return Stream.of(
        new Fault("401", t -> t.wiremock(aResponse().withStatus(401))),
        new Fault("403", t -> t.wiremock(aResponse().withStatus(403))),
        new Fault("a server that never answers", t -> t.raw(RawSocketServer.NEVER_ANSWERS)),
        new Fault(
            "reset mid-body",
            t ->
                t.raw(
                    RawSocketServer.resetMidBody(
                        "application/json", "{\"meta\": {}}".getBytes(StandardCharsets.UTF_8), 3))),
        new Fault(
            "a redirect loop",
            t -> t.wiremock(aResponse().withStatus(302).withHeader("Location", "./?again"))));
  }

  static Stream<Arguments> cells() {
    return faults().flatMap(f -> Stream.of("audit", "build-deps").map(c -> Arguments.of(f, c)));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("cells")
  void aFailingIndexExitsThreeWithOneRedactedLinePerProjectAndWritesNothing(
      Fault fault, String command) throws IOException {
    Path input = requirements("a==1.0\nb==1.0\n");
    Path output = Files.writeString(temp.resolve("requirements-build.txt"), "# previous\n");
    String index = fault.setUp().apply(this).replace("://", "://u:" + SECRET + "@");
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                input.toString(),
                "--target",
                "x86_64",
                "--no-cache",
                "--retries",
                "1",
                "--timeout",
                "2",
                "--simple-index",
                index));
    if (command.equals("build-deps")) {
      args.addAll(List.of("-o", output.toString()));
    } else {
      args.add("--no-hermeto");
    }
    int code = run(args);
    assertThat(code).as(err.toString()).isEqualTo(3);
    List<String> failures = err.toString().lines().filter(l -> l.contains("/simple/")).toList();
    assertThat(failures)
        .as(err.toString())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).containsPattern(" a(==1\\.0)?: ").contains("/simple/a/"))
        .anySatisfy(l -> assertThat(l).containsPattern(" b(==1\\.0)?: ").contains("/simple/b/"))
        .allSatisfy(l -> assertThat(l).contains("***@").doesNotContain("Exception"));
    assertThat(out + err.toString()).doesNotContain(SECRET);
    assertThat(Files.readString(output)).isEqualTo("# previous\n");
  }
}
