package io.pyhermetic.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.error.Problem;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.testdata.RawSocketServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an index fails, against every operation that reads the index: a retry that succeeds
 * silently, the index's own "not found", or one clear failure per project that names the redacted
 * URL and never the credential. Retries wait for nothing (an immediate sleeper); only the cell of a
 * server that never answers waits, for its one-second timeout.
 */
class FaultMatrixTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "fault-matrix-s3cret";
  private static final String PAGE =
      "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"pkg\", \"files\": [{\"filename\":"
          + " \"pkg-1.0-py3-none-any.whl\", \"url\": \"/files/pkg-1.0-py3-none-any.whl\","
          + " \"hashes\": {}}]}";
  private static final String HTML =
      "<!DOCTYPE html><html><body><a href=\"/files/pkg-1.0-py3-none-any.whl\">"
          + "pkg-1.0-py3-none-any.whl</a></body></html>";
  private static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

  @TempDir Path work;
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  /** What a cell expects: success, the index's "not found", or a failure with these words. */
  record Expect(String kind, String words) {
    static final Expect OK = new Expect("ok", "");
    static final Expect NOT_FOUND = new Expect("not found", "");

    static Expect failure(String words) {
      return new Expect("failure", words);
    }
  }

  /** A fault: sets up the server(s) and returns the index base URL (no credentials in it). */
  record Fault(String name, Function<FaultMatrixTest, String> setUp, Expect expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  private String wiremock(ResponseDefinitionBuilder page) {
    wm.resetAll();
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/simple/pkg/"))
            .willReturn(page));
    return wm.baseUrl() + "/simple/";
  }

  private String thenOk(ResponseDefinitionBuilder first) {
    wm.resetAll();
    wm.stubFor(
        get("/simple/pkg/")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("up"));
    wm.stubFor(
        get("/simple/pkg/")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(okForContentType(JSON_TYPE, PAGE)));
    return wm.baseUrl() + "/simple/";
  }

  private String raw(RawSocketServer.Behaviour behaviour) {
    RawSocketServer server = RawSocketServer.start(behaviour);
    servers.add(server);
    return server.baseUrl() + "/simple/";
  }

  private static String closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/simple/";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<Fault> faults() {
    String inTwoSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    return List.of(
        new Fault("connection refused", t -> closedPort(), Expect.failure("connection refused")),
        new Fault(
            "reset mid-body",
            t -> t.raw(RawSocketServer.resetMidBody(JSON_TYPE, bytes(PAGE), 40)),
            Expect.failure("after 2 tries")),
        new Fault(
            "truncated JSON",
            t -> t.raw(RawSocketServer.truncated(JSON_TYPE, bytes(PAGE), 40)),
            Expect.failure("after 2 tries")),
        new Fault(
            "truncated HTML",
            t -> t.raw(RawSocketServer.truncated("text/html", bytes(HTML), 40)),
            Expect.failure("after 2 tries")),
        new Fault(
            "wrong Content-Type",
            t -> t.wiremock(okForContentType("application/octet-stream", PAGE)),
            Expect.failure("not a simple-index project page (application/octet-stream)")),
        new Fault("404", t -> t.wiremock(aResponse().withStatus(404)), Expect.NOT_FOUND),
        new Fault("410", t -> t.wiremock(aResponse().withStatus(410)), Expect.NOT_FOUND),
        new Fault("401", t -> t.wiremock(aResponse().withStatus(401)), Expect.failure("HTTP 401")),
        new Fault("403", t -> t.wiremock(aResponse().withStatus(403)), Expect.failure("HTTP 403")),
        new Fault(
            "429 with Retry-After in seconds",
            t -> t.thenOk(aResponse().withStatus(429).withHeader("Retry-After", "1")),
            Expect.OK),
        new Fault(
            "429 with Retry-After as an HTTP-date",
            t -> t.thenOk(aResponse().withStatus(429).withHeader("Retry-After", inTwoSeconds)),
            Expect.OK),
        new Fault("503 then success", t -> t.thenOk(aResponse().withStatus(503)), Expect.OK),
        new Fault(
            "a server that never answers",
            t -> t.raw(RawSocketServer.NEVER_ANSWERS),
            Expect.failure("1 s timeout")),
        new Fault(
            "a redirect loop",
            t ->
                t.wiremock(
                    aResponse().withStatus(302).withHeader("Location", "/simple/pkg/?again")),
            Expect.failure("more than 5 redirects")),
        new Fault(
            "a redirect to another host",
            t -> {
              String other = "http://127.0.0.1:" + wm.getPort() + "/mirror/pkg/";
              t.wiremock(aResponse().withStatus(302).withHeader("Location", other));
              wm.stubFor(get("/mirror/pkg/").willReturn(okForContentType(JSON_TYPE, PAGE)));
              return wm.baseUrl() + "/simple/";
            },
            Expect.OK));
  }

  /** The operations that read the index, each reduced to the outcome for {@code pkg==1.0}. */
  enum Operation {
    AUDIT,
    BUILD_DEPS
  }

  static Stream<Arguments> cells() {
    return faults().stream()
        .flatMap(f -> Stream.of(Operation.values()).map(op -> Arguments.of(f, op)));
  }

  /** The outcome for pkg: empty when it was answered, else the failure line. */
  private Outcome run(Operation operation, SimpleIndex index) {
    List<io.pyhermetic.reqfile.Entry> entries =
        RequirementsFile.parse("pkg==1.0\n", "requirements.txt").entries();
    switch (operation) {
      case AUDIT -> {
        Map<String, Target> targets = Map.of("x86_64", Target.linux("x86_64", "3.12"));
        PackageAudit audit =
            new Auditor(index, targets, t -> Optional.empty()).audit(entries).packages().get(0);
        return new Outcome(
            audit.indexFailure(),
            audit.error().orElse(""),
            audit.error().orElse("").matches(".*no (release|project) .*"));
      }
      case BUILD_DEPS -> {
        var result =
            new BuildDepsResolver(index, BuildDepsOptions.builder().workDirectory(work).build())
                .resolve(entries);
        List<Problem> failures = result.errors(BuildDepsCode.INDEX_FAILURE);
        String all = result.errors().stream().map(Problem::message).reduce("", String::concat);
        return new Outcome(
            !failures.isEmpty(),
            failures.isEmpty() ? all : failures.get(0).message(),
            all.matches(".*no (release|project) .*"));
      }
      default -> throw new IllegalStateException();
    }
  }

  record Outcome(boolean indexFailure, String message, boolean notFound) {}

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("cells")
  void eachFaultGivesASilentRetryTheIndexsAnswerOrOneClearRedactedLine(
      Fault fault, Operation operation) {
    String base = fault.setUp().apply(this).replace("://", "://user:" + SECRET + "@");
    IndexSettings settings =
        IndexSettings.builder()
            .maxTries(2)
            .noNetrc()
            // only the server that never answers should meet the timeout
            .timeout(Duration.ofSeconds(fault.name().contains("never") ? 1 : 30))
            .sleeper((delay, task) -> task.run())
            .build();
    Outcome outcome;
    try (SimpleIndex index = new SimpleIndex(base, settings)) {
      outcome = run(operation, index);
    }
    assertThat(outcome.message()).doesNotContain(SECRET).doesNotContain("Exception");
    switch (fault.expect().kind()) {
      case "ok" -> assertThat(outcome.indexFailure()).as(outcome.message()).isFalse();
      case "not found" -> {
        assertThat(outcome.indexFailure()).as(outcome.message()).isFalse();
        assertThat(outcome.notFound()).as(outcome.message()).isTrue();
      }
      default -> {
        assertThat(outcome.indexFailure()).isTrue();
        assertThat(outcome.message())
            .contains(fault.expect().words())
            .contains("/simple/pkg/")
            .doesNotContain("\n");
      }
    }
    if (fault.name().equals("a redirect to another host")) {
      // the credential stays with the origin it was given for
      wm.verify(
          anyRequestedFor(
                  com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/mirror/pkg/"))
              .withoutHeader("Authorization"));
    }
  }
}
