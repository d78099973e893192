package io.pyhermetic.index.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestRecord;
import io.pyhermetic.index.RequestTimeline;
import io.pyhermetic.index.internal.HttpTransport.Response;
import io.pyhermetic.testdata.RawSocketServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tries, redirects, credentials, deadlines and the timeline of one request (through the chain). */
class ExchangeTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension otherPort =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
  private final RequestTimeline timeline = new RequestTimeline();
  private final List<AutoCloseable> closing = new ArrayList<>();

  /** Retries wait on a sleeper that records the delay and runs the retry at once. */
  private HttpTransport transport(TransportOptions options) {
    HttpTransport transport =
        new HttpTransport(
            options
                .withTime(
                    (delay, task) -> {
                      slept.add(delay);
                      task.run();
                    },
                    clock)
                .withListener(timeline));
    closing.add(transport);
    return transport;
  }

  private HttpTransport transport() {
    return transport(TransportOptions.defaults());
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  @Test
  void retriesWaitOnTheSleeperWithTheServersRetryAfter() {
    wm.stubFor(
        get("/r")
            .inScenario("r")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("date"));
    wm.stubFor(
        get("/r")
            .inScenario("r")
            .whenScenarioStateIs("date")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Retry-After", "Sun, 01 Jun 2025 12:00:07 GMT"))
            .willSetStateTo("ok"));
    wm.stubFor(get("/r").inScenario("r").whenScenarioStateIs("ok").willReturn(ok("fine")));
    assertThat(transport().getSync("pkg", wm.baseUrl() + "/r", Map.of()).bodyText())
        .isEqualTo("fine");
    // the backoff's delay is at least what the server asked for, dates read against the clock
    assertThat(slept).hasSize(2);
    assertThat(slept.get(0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(slept.get(1)).isEqualTo(Duration.ofSeconds(7));
    RequestRecord record = timeline.records().get(0);
    assertThat(record.attempts()).isEqualTo(3);
    assertThat(record.status()).isEqualTo(OptionalInt.of(200));
    assertThat(record.bytes()).isEqualTo(4);
  }

  @Test
  void aServerThatNeverAnswersCostsTheTimeoutNotEveryTry() {
    try (RawSocketServer silent = RawSocketServer.start(RawSocketServer.NEVER_ANSWERS)) {
      HttpTransport t = transport(TransportOptions.defaults().withTimeout(Duration.ofMillis(500)));
      assertThatThrownBy(() -> t.getSync("pkg", silent.baseUrl() + "/simple/pkg/", Map.of()))
          .isInstanceOf(IndexException.class)
          .hasMessageStartingWith("pkg: ")
          .hasMessageContaining("0.5 s timeout")
          .hasMessageContaining(silent.baseUrl() + "/simple/pkg/");
      assertThat(silent.connections()).isEqualTo(1);
    }
  }

  @Test
  void aSpentRetryBudgetEndsRetriesForEveryRequest() {
    wm.stubFor(get("/down").willReturn(aResponse().withStatus(503)));
    HttpTransport t = transport(TransportOptions.defaults().withRetryBudget(1, 0));
    assertThatThrownBy(() -> t.getSync("a", wm.baseUrl() + "/down", Map.of()))
        .hasMessageContaining("HTTP 503 after 2 tries (too many retries in this run)");
    assertThatThrownBy(() -> t.getSync("b", wm.baseUrl() + "/down", Map.of()))
        .hasMessageContaining("HTTP 503 after 1 tries (too many retries in this run)");
    wm.verify(3, getRequestedFor(urlEqualTo("/down")));
  }

  @Test
  void noCredentialFollowsARedirectToAnotherPortOfTheSameHost() {
    String elsewhere = "http://localhost:" + otherPort.getPort() + "/moved/";
    wm.stubFor(
        get("/priv/").willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
    otherPort.stubFor(get("/moved/").willReturn(ok("moved")));
    Credentials netrc = uri -> Optional.of(Credentials.basic("nico", "n3tpw"));
    HttpTransport t = transport(TransportOptions.defaults().withCredentials(netrc));
    String base = "http://frank:opensesame@localhost:" + wm.getPort();
    assertThat(t.getSync("pkg", base + "/priv/", Map.of()).bodyText()).isEqualTo("moved");
    assertThat(t.getSync("pkg", wm.baseUrl() + "/priv/", Map.of()).bodyText()).isEqualTo("moved");
    wm.verify(
        getRequestedFor(urlEqualTo("/priv/"))
            .withBasicAuth(new BasicCredentials("frank", "opensesame")));
    wm.verify(
        getRequestedFor(urlEqualTo("/priv/")).withBasicAuth(new BasicCredentials("nico", "n3tpw")));
    otherPort.verify(2, getRequestedFor(urlEqualTo("/moved/")).withoutHeader("Authorization"));
  }

  @Test
  void aRedirectLoopEndsAfterTheLimit() {
    wm.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
    wm.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));
    assertThatThrownBy(() -> transport().getSync("pkg", wm.baseUrl() + "/a", Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg: more than 5 redirects");
    assertThat(timeline.records().get(0).attempts()).isEqualTo(6);
  }

  @Test
  void aPostCarriesItsBodyThroughRetriesAndASeeOtherContinuesAsGet() {
    wm.stubFor(
        post("/query")
            .inScenario("p")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("up"));
    wm.stubFor(
        post("/query")
            .inScenario("p")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(303).withHeader("Location", "/answer")));
    wm.stubFor(get("/answer").willReturn(ok("{\"vulns\":[]}")));
    byte[] body = "{\"package\":{\"name\":\"a\"}}".getBytes(StandardCharsets.UTF_8);
    String base = wm.baseUrl().replace("//", "//q:pw@");
    Response response =
        transport().post("a", base + "/query", Map.of(), body, "application/json").join();
    assertThat(response.bodyText()).isEqualTo("{\"vulns\":[]}");
    assertThat(response.uri()).isEqualTo(URI.create(wm.baseUrl() + "/answer"));
    wm.verify(
        2,
        postRequestedFor(urlEqualTo("/query"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withBasicAuth(new BasicCredentials("q", "pw"))
            .withRequestBody(equalTo(new String(body, StandardCharsets.UTF_8))));
    wm.verify(
        getRequestedFor(urlEqualTo("/answer")).withBasicAuth(new BasicCredentials("q", "pw")));
    assertThat(timeline.records().get(0).method()).isEqualTo("POST");
    assertThat(timeline.records().get(0).url()).isEqualTo(base.replace("q:pw", "***") + "/query");
  }

  @Test
  void aRangeRequestGetsPartialContentOrTheWholeBody() {
    wm.stubFor(
        get("/a.whl")
            .withHeader("Range", equalTo("bytes=10-19"))
            .willReturn(aResponse().withStatus(206).withBody("0123456789")));
    wm.stubFor(get("/b.whl").willReturn(ok("the whole file")));
    HttpTransport t = transport();
    Response partial = t.getRange("a", wm.baseUrl() + "/a.whl", Map.of(), 10, 19).join();
    assertThat(partial.status()).isEqualTo(206);
    assertThat(partial.bodyText()).isEqualTo("0123456789");
    Response whole = t.getRange("b", wm.baseUrl() + "/b.whl", Map.of(), 10, 19).join();
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.bodyText()).isEqualTo("the whole file");
    assertThatThrownBy(() -> t.getRange("c", wm.baseUrl() + "/c", Map.of(), 5, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUrlThatIsNotAnAbsoluteHttpOneFailsWithoutARequest() {
    assertThatThrownBy(() -> transport().getSync("pkg", "http://u:pw@host:/simple/", Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessage("pkg: invalid index URL: an empty port in the URL (http://***@host:/simple/)");
  }
}
