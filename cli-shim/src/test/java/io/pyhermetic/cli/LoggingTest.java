package io.pyhermetic.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the terminal from the loggers, against an index that answers 503 twice before it
 * answers. slf4j-simple is configured once per JVM, so each run is a child JVM started as the
 * {@code pyhermetic} script starts it (through {@code main}).
 */
class LoggingTest {

  @RegisterExtension
  static WireMockExtension index =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PAGE =
      "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"purelib\", \"files\": [{\"filename\":"
          + " \"purelib-1.0-py3-none-any.whl\", \"url\":"
          + " \"/files/purelib-1.0-py3-none-any.whl\", \"hashes\": {\"sha256\": \""
          + "0".repeat(64)
          + "\"}}]}";

  @TempDir Path temp;
  private Path requirements;

  @BeforeEach
  void flakyIndex() throws IOException {
    requirements =
        Files.writeString(
            temp.resolve("requirements.txt"), "purelib==1.0\n", StandardCharsets.UTF_8);
    String scenario = "flaky";
    index.stubFor(
        get(urlPathMatching("/simple/purelib/?"))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("once"));
    index.stubFor(
        get(urlPathMatching("/simple/purelib/?"))
            .inScenario(scenario)
            .whenScenarioStateIs("once")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("twice"));
    index.stubFor(
        get(urlPathMatching("/simple/purelib/?"))
            .inScenario(scenario)
            .whenScenarioStateIs("twice")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/vnd.pypi.simple.v1+json")
                    .withBody(PAGE)));
  }

  /** {@code pyhermetic ARGS} in a child JVM with this test's class path. */
  private ChildRun pyhermetic(String... args) throws Exception {
    return ChildRun.of(temp, java.util.Map.of(), args);
  }

  private String[] audit(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                requirements.toString(),
                "--target",
                "x86_64",
                "--simple-index",
                index.baseUrl() + "/simple/",
                "--no-cache",
                "--no-hermeto",
                "--format",
                "json"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Exactly one JSON document, nothing before or after it. */
  private static JsonNode onlyJson(String text) throws IOException {
    return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
  }

  @Test
  void retriesLeaveNoLoggerLineByDefaultAndStdoutIsOnlyJson() throws Exception {
    ChildRun run = pyhermetic(audit());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(onlyJson(run.out()).path("packages").get(0).path("name").asText())
        .isEqualTo("purelib");
    assertThat(run.err()).isEmpty();
    assertThat(index.getAllServeEvents()).hasSize(3); // it did retry
  }

  @Test
  void verboseShowsEachRetryOnStderrOnly() throws Exception {
    ChildRun run = pyhermetic(audit("--verbose"));
    assertThat(run.code()).as(run.err()).isZero();
    onlyJson(run.out());
    List<String> retries =
        run.err().lines().filter(l -> l.contains("HTTP 503") && l.contains("retry")).toList();
    assertThat(retries).hasSize(2);
    assertThat(retries.get(0)).startsWith("WARN HttpTransport - ").contains("retry 1 of 3");
    // debug lines of pyhermetic too, but not HttpClient's wire log
    assertThat(run.err()).contains("DEBUG HttpTransport - GET ").doesNotContain("http-outgoing");
  }

  @Test
  void verboseIsAcceptedBeforeTheCommandToo() throws Exception {
    String[] args = audit();
    String[] first = new String[args.length + 1];
    first[0] = "--verbose";
    System.arraycopy(args, 0, first, 1, args.length);
    ChildRun run = pyhermetic(first);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("retry 2 of 3");
  }

  @Test
  void quietBuildDepsPrintsNothingWhileRetrying() throws Exception {
    // the only release has no sdist: skipped, and an empty requirements-build.txt is written
    ChildRun run =
        pyhermetic(
            "build-deps",
            requirements.toString(),
            "-o",
            temp.resolve("requirements-build.txt").toString(),
            "--skip-missing-sdist",
            "--simple-index",
            index.baseUrl() + "/simple/",
            "--no-cache",
            "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(temp.resolve("requirements-build.txt")).exists();
  }

  @Test
  void theVerboseFlagIsReadUpToTheEndOfOptions() {
    assertThat(Logging.verbose(new String[] {"check", "--verbose", "x"})).isTrue();
    assertThat(Logging.verbose(new String[] {"check", "--", "--verbose"})).isFalse();
    assertThat(Logging.verbose(new String[] {"check", "x"})).isFalse();
  }
}
