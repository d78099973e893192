package io.pyhermetic.index.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.index.internal.HttpTransport.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpTransportTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<Optional<Duration>> retryAfters =
      Collections.synchronizedList(new ArrayList<>());
  private final Backoff fast =
      (retry, retryAfter) -> {
        retryAfters.add(retryAfter);
        return Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 0.01)
            .delay(retry, retryAfter);
      };
  private HttpTransport transport;

  private HttpTransport transport(TransportOptions options) {
    transport = new HttpTransport(options);
    return transport;
  }

  private HttpTransport fastTransport() {
    return transport(
        TransportOptions.defaults()
            .withBackoff(fast)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @AfterEach
  void close() {
    if (transport != null) {
      transport.close();
    }
  }

  private String url(String path) {
    return wm.baseUrl() + path;
  }

  @Test
  void sendsUserAgentAndHeaders() {
    wm.stubFor(get("/a").willReturn(okJson("{}").withHeader("X-Thing", "1")));
    Response response =
        fastTransport().getSync("a", url("/a"), Map.of("Accept", "application/json"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{}");
    assertThat(response.header("x-thing")).contains("1");
    assertThat(response.mediaType()).isEqualTo("application/json");
    wm.verify(
        getRequestedFor(urlEqualTo("/a"))
            .withHeader("User-Agent", equalTo(HttpTransport.USER_AGENT))
            .withHeader("Accept", equalTo("application/json")));
    assertThat(HttpTransport.USER_AGENT).startsWith("pyhermetic/").doesNotContain("${");
  }

  @Test
  void retriesConnectionResetThenSucceeds() {
    wm.stubFor(
        get("/r")
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    wm.stubFor(get("/r").inScenario("reset").whenScenarioStateIs("ok").willReturn(ok("fine")));
    assertThat(fastTransport().getSync("pkg", url("/r"), Map.of()).bodyText()).isEqualTo("fine");
  }

  @Test
  void connectionResetEveryTimeEndsInIndexException() {
    wm.stubFor(get("/r").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> fastTransport().getSync("pkg==1.0", url("/r"), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg==1.0: ")
        .hasMessageContaining("after 4 tries")
        .hasMessageContaining(url("/r"));
    wm.verify(4, getRequestedFor(urlEqualTo("/r")));
  }

  @Test
  void emptyResponseEndsInIndexException() {
    wm.stubFor(get("/e").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThatThrownBy(() -> fastTransport().getSync("pkg", url("/e"), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg: ")
        .hasMessageContaining("after 4 tries")
        .hasMessageContaining(url("/e"));
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Fault.CONNECTION_RESET_BY_PEER, "the connection was reset"),
        Arguments.of(Fault.EMPTY_RESPONSE, "the server closed the connection"),
        Arguments.of(Fault.MALFORMED_RESPONSE_CHUNK, "the server"),
        Arguments.of(Fault.RANDOM_DATA_THEN_CLOSE, "the server"));
  }

  /** What a user reads about a failed exchange is in plain words, never a class name. */
  @ParameterizedTest
  @MethodSource("faults")
  void faultsAreDescribedInPlainWords(Fault fault, String words) {
    wm.stubFor(get("/f").willReturn(aResponse().withFault(fault)));
    assertThatThrownBy(() -> fastTransport().getSync("pkg", url("/f"), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg: " + words)
        .message()
        .doesNotContain("java.", "javax.", "org.apache", "Exception");
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port + "/simple/";
    assertThatThrownBy(() -> fastTransport().getSync("pkg", closed, Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessage("pkg: connection refused after 4 tries (" + closed + ")");
  }

  @Test
  void honoursRetryAfterOn429() {
    wm.stubFor(
        get("/t")
            .inScenario("429")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("ok"));
    wm.stubFor(get("/t").inScenario("429").whenScenarioStateIs("ok").willReturn(ok("done")));
    assertThat(fastTransport().getSync("pkg", url("/t"), Map.of()).bodyText()).isEqualTo("done");
    assertThat(retryAfters).containsExactly(Optional.of(Duration.ofSeconds(1)));
    Backoff real = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 1.0);
    assertThat(real.delay(1, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
    assertThat(real.delay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(5));
    assertThat(real.delay(3, Optional.empty()))
        .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void retries503ThenSucceeds() {
    wm.stubFor(
        get("/s")
            .inScenario("503")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(get("/s").inScenario("503").whenScenarioStateIs("ok").willReturn(ok("up")));
    assertThat(fastTransport().getSync("pkg", url("/s"), Map.of()).bodyText()).isEqualTo("up");
    wm.verify(2, getRequestedFor(urlEqualTo("/s")));
  }

  @Test
  void persistent5xxEndsAfterMaxTries() {
    wm.stubFor(get("/s").willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(
            () ->
                transport(TransportOptions.defaults().withBackoff(fast).withMaxTries(3))
                    .getSync("pkg", url("/s"), Map.of()))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.status()).hasValue(502))
        .hasMessageContaining("HTTP 502 after 3 tries");
    wm.verify(3, getRequestedFor(urlEqualTo("/s")));
  }

  @Test
  void doesNotRetry404() {
    wm.stubFor(get("/n").willReturn(aResponse().withStatus(404)));
    assertThat(fastTransport().getSync("pkg", url("/n"), Map.of()).status()).isEqualTo(404);
    wm.verify(1, getRequestedFor(urlEqualTo("/n")));
  }

  @Test
  void stalledResponseTimesOut() {
    wm.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(3000)));
    HttpTransport slow =
        transport(
            TransportOptions.defaults()
                .withBackoff(fast)
                .withMaxTries(2)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
    assertThatThrownBy(() -> slow.getSync("pkg==2.0", url("/slow"), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg==2.0: ")
        .hasMessageContaining("timed out after 2 tries")
        .hasMessageContaining(url("/slow"));
  }

  @Test
  void rejectsBodiesOverTheLimit() {
    wm.stubFor(get("/big").willReturn(ok("x".repeat(5000))));
    wm.stubFor(
        get("/chunked")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withChunkedDribbleDelay(5, 50)
                    .withBody("y".repeat(5000))));
    HttpTransport small =
        transport(TransportOptions.defaults().withBackoff(fast).withMaxBodyBytes(1000));
    assertThatThrownBy(() -> small.getSync("pkg", url("/big"), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("larger than the limit of 1000 bytes");
    assertThatThrownBy(() -> small.getSync("pkg", url("/chunked"), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("larger than the limit of 1000 bytes");
    wm.verify(1, getRequestedFor(urlEqualTo("/big")));
  }

  @Test
  void followsRedirects() {
    wm.stubFor(
        get("/pypi/Foo_Bar/json")
            .willReturn(aResponse().withStatus(301).withHeader("Location", "/pypi/foo-bar/json")));
    wm.stubFor(get("/pypi/foo-bar/json").willReturn(okJson("{\"ok\":true}")));
    Response response = fastTransport().getSync("Foo_Bar", url("/pypi/Foo_Bar/json"), Map.of());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.uri().getPath()).isEqualTo("/pypi/foo-bar/json");
  }

  @Test
  void credentialsFromTheUrlAreSentButNeverShown() {
    wm.stubFor(get("/private/").willReturn(ok("secret stuff")));
    wm.stubFor(get("/broken/").willReturn(aResponse().withStatus(500)));
    String base = wm.baseUrl().replace("http://", "http://alice:s3cr%40t@");
    HttpTransport t = fastTransport();
    assertThat(t.getSync("pkg", base + "/private/", Map.of()).bodyText()).isEqualTo("secret stuff");
    wm.verify(
        getRequestedFor(urlEqualTo("/private/"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("alice", "s3cr@t")));
    assertThatThrownBy(() -> t.getSync("pkg", base + "/broken/", Map.of()))
        .isInstanceOf(IndexException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .doesNotContain("s3cr")
                  .doesNotContain("alice")
                  .contains("http://***@localhost:" + wm.getPort() + "/broken/");
              assertThat(((IndexException) e).url()).doesNotContain("s3cr");
            });
  }

  @Test
  void manyRequestsRunConcurrentlyWithinTheLimit() {
    wm.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/c/.*"))
            .willReturn(ok("c").withFixedDelay(50)));
    HttpTransport t =
        transport(TransportOptions.defaults().withBackoff(fast).withMaxConcurrency(3));
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    List<CompletableFuture<Response>> futures =
        IntStream.range(0, 20)
            .mapToObj(
                i ->
                    t.get("p" + i, url("/c/" + i), Map.of())
                        .whenComplete((r, e) -> done.incrementAndGet()))
            .collect(Collectors.toList());
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    assertThat(done).hasValue(20);
    // 20 requests of at least 50 ms, at most 3 at a time: no faster than 7 rounds
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(350));
    assertThat(futures).allSatisfy(f -> assertThat(f.join().bodyText()).isEqualTo("c"));
  }

  /** The paths the server received, in order of arrival. */
  private static List<String> arrivals(String prefix) {
    List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events =
        new ArrayList<>(wm.getAllServeEvents());
    Collections.reverse(events); // the server lists the newest first
    return events.stream()
        .map(e -> e.getRequest().getUrl())
        .filter(u -> u.startsWith(prefix))
        .collect(Collectors.toList());
  }

  /**
   * A transport with one connection, busy for 300 ms with {@code prefix + "gate"}, so that the
   * requests a test starts next all wait; other paths under {@code prefix} answer in 10 ms.
   */
  private HttpTransport gated(String prefix) {
    wm.stubFor(get(prefix + "gate").willReturn(ok("gate").withFixedDelay(300)));
    wm.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(prefix + "[a-z0-9]+"))
            .atPriority(10)
            .willReturn(ok("x").withFixedDelay(10)));
    HttpTransport t =
        transport(TransportOptions.defaults().withBackoff(fast).withMaxConcurrency(1));
    t.get("gate", url(prefix + "gate"), Map.of());
    return t;
  }

  @Test
  void waitingRequestsGoByPriorityThenFirstComeFirstServed() {
    HttpTransport t = gated("/q/");
    RequestPriority raised = RequestPriority.of(0);
    RequestPriority underRaised = RequestPriority.under(raised);
    List<CompletableFuture<Response>> queued =
        List.of(
            t.get("low1", url("/q/low1"), Map.of()),
            RequestPriority.call(5, () -> t.get("high", url("/q/high"), Map.of())),
            t.get("low2", url("/q/low2"), Map.of()),
            raised.call(() -> t.get("raised", url("/q/raised"), Map.of())),
            underRaised.call(() -> t.get("child", url("/q/child"), Map.of())),
            RequestPriority.call(5, () -> t.get("high2", url("/q/high2"), Map.of())));
    raised.raiseTo(9); // while everything waits behind the gate
    queued.forEach(CompletableFuture::join);
    assertThat(arrivals("/q/"))
        .containsExactly(
            "/q/gate", "/q/raised", "/q/child", "/q/high", "/q/high2", "/q/low1", "/q/low2");
  }

  @Test
  void simultaneousAskersOfOneUrlShareOneRequest() {
    wm.stubFor(get("/s/page").willReturn(ok("page").withFixedDelay(200)));
    HttpTransport t = fastTransport();
    CompletableFuture<Response> a = t.get("a", url("/s/page"), Map.of("Accept", "x"));
    CompletableFuture<Response> b = t.get("b", url("/s/page"), Map.of("Accept", "x"));
    CompletableFuture<Response> other = t.get("c", url("/s/page"), Map.of("Accept", "y"));
    b.cancel(true); // one asker giving up does not fail the others
    assertThat(a.join().bodyText()).isEqualTo("page");
    assertThat(other.join().bodyText()).isEqualTo("page");
    wm.verify(2, getRequestedFor(urlEqualTo("/s/page")));
    // once answered, nothing is kept (there is no cache here): a later asker asks again
    assertThat(t.getSync("d", url("/s/page"), Map.of("Accept", "x")).bodyText()).isEqualTo("page");
    wm.verify(3, getRequestedFor(urlEqualTo("/s/page")));
  }

  @Test
  void aMoreUrgentAskerOfAWaitingRequestRaisesIt() {
    HttpTransport t = gated("/u/");
    CompletableFuture<Response> first = t.get("first", url("/u/first"), Map.of());
    CompletableFuture<Response> shared = t.get("shared", url("/u/shared"), Map.of());
    CompletableFuture<Response> urgent =
        RequestPriority.call(4, () -> t.get("urgent", url("/u/shared"), Map.of()));
    CompletableFuture.allOf(first, shared, urgent).join();
    assertThat(arrivals("/u/")).containsExactly("/u/gate", "/u/shared", "/u/first");
  }

  @Test
  void requestsStartedWhenAResponseArrivesInheritItsPriority() {
    HttpTransport t = gated("/r/");
    CompletableFuture<Response> chain =
        RequestPriority.call(
            3,
            () ->
                t.get("first", url("/r/first"), Map.of())
                    .thenCompose(r -> t.get("second", url("/r/second"), Map.of())));
    List<CompletableFuture<Response>> bulk =
        IntStream.range(0, 3)
            .mapToObj(i -> t.get("bulk" + i, url("/r/bulk" + i), Map.of()))
            .collect(Collectors.toList());
    chain.join();
    bulk.forEach(CompletableFuture::join);
    // the slot the first link frees goes to the queue at once; the second link, queued when the
    // first's response has been handled, overtakes the rest of the bulk queued before it
    assertThat(arrivals("/r/"))
        .containsExactly("/r/gate", "/r/first", "/r/bulk0", "/r/second", "/r/bulk1", "/r/bulk2");
  }

  @Test
  void cacheAnswersFreshEntriesAndRevalidatesStaleOnes(@TempDir Path dir) throws Exception {
    wm.stubFor(
        get("/page/")
            .willReturn(
                ok("v1").withHeader("ETag", "\"e1\"").withHeader("Content-Type", "text/html")));
    String base = wm.baseUrl().replace("//", "//dave:pa55word@");
    HttpTransport fresh =
        transport(
            TransportOptions.defaults()
                .withBackoff(fast)
                .withCache(dir, Duration.ofHours(1), false));
    assertThat(fresh.getSync("p", base + "/page/", Map.of("Accept", "text/html")).bodyText())
        .isEqualTo("v1");
    Response cached = fresh.getSync("p", base + "/page/", Map.of("Accept", "text/html"));
    assertThat(cached.bodyText()).isEqualTo("v1");
    assertThat(cached.mediaType()).isEqualTo("text/html");
    assertThat(cached.uri().toString()).isEqualTo(url("/page/"));
    wm.verify(1, getRequestedFor(urlEqualTo("/page/")));
    fresh.close();

    // credentials never reach the cache files
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
            .doesNotContain("pa55word")
            .doesNotContain("dave");
      }
    }

    wm.stubFor(
        get("/page/")
            .withHeader("If-None-Match", equalTo("\"e1\""))
            .willReturn(aResponse().withStatus(304)));
    HttpTransport stale =
        transport(
            TransportOptions.defaults().withBackoff(fast).withCache(dir, Duration.ZERO, false));
    assertThat(stale.getSync("p", base + "/page/", Map.of("Accept", "text/html")).bodyText())
        .isEqualTo("v1");
    wm.verify(2, getRequestedFor(urlEqualTo("/page/")));
    wm.verify(
        1, getRequestedFor(urlEqualTo("/page/")).withHeader("If-None-Match", equalTo("\"e1\"")));
  }

  @Test
  void offlineAnswersFromTheCacheOnly(@TempDir Path dir) {
    wm.stubFor(get("/page/").willReturn(ok("v1")));
    HttpTransport online =
        transport(
            TransportOptions.defaults().withBackoff(fast).withCache(dir, Duration.ZERO, false));
    online.getSync("p", url("/page/"), Map.of());
    online.close();
    HttpTransport offline =
        transport(
            TransportOptions.defaults().withBackoff(fast).withCache(dir, Duration.ZERO, true));
    assertThat(offline.getSync("p", url("/page/"), Map.of()).bodyText()).isEqualTo("v1");
    String secret = wm.baseUrl().replace("//", "//erin:zzz@") + "/missing/";
    assertThatThrownBy(() -> offline.getSync("pkg==1.0", secret, Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg==1.0: offline, and the cache under " + dir)
        .hasMessageContaining("http://***@localhost:" + wm.getPort() + "/missing/")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("zzz"));
    wm.verify(1, getRequestedFor(urlEqualTo("/page/")));
    wm.verify(0, getRequestedFor(urlEqualTo("/missing/")));
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> failures() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            new java.net.UnknownHostException("idx.invalid"), "unknown host idx.invalid"),
        org.junit.jupiter.params.provider.Arguments.of(
            new java.net.ConnectException("Connection refused"), "connection refused"),
        org.junit.jupiter.params.provider.Arguments.of(
            new java.net.SocketTimeoutException("Read timed out"), "timed out"),
        org.junit.jupiter.params.provider.Arguments.of(
            new java.net.SocketTimeoutException("2 SECONDS"), "timed out"),
        org.junit.jupiter.params.provider.Arguments.of(
            new javax.net.ssl.SSLHandshakeException("bad certificate"),
            "the TLS handshake failed: bad certificate"),
        org.junit.jupiter.params.provider.Arguments.of(
            new java.net.SocketException("Connection reset"), "the connection was reset"),
        org.junit.jupiter.params.provider.Arguments.of(
            new java.io.EOFException(), "unexpected end of data"),
        org.junit.jupiter.params.provider.Arguments.of(
            new IllegalStateException("https://u:pw@idx.example/ closed"),
            "https://***@idx.example/ closed"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("failures")
  void failuresAreDescribedInWordsWithoutClassNamesOrCredentials(
      Exception failure, String described) {
    assertThat(HttpTransport.describe(failure)).isEqualTo(described);
  }

  @Test
  void unknownHostIsNotRetried() {
    HttpTransport t = fastTransport();
    assertThatThrownBy(() -> t.getSync("pkg", "http://no-such-host.invalid/simple/pkg/", Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg: unknown host no-such-host.invalid")
        .hasMessageNotContaining("tries");
    assertThat(retryAfters).isEmpty();
  }

  @Test
  void credentialsAreNotForwardedToAnotherOrigin() {
    String elsewhere = "http://127.0.0.1:" + wm.getPort() + "/elsewhere/";
    wm.stubFor(
        get("/priv/").willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
    wm.stubFor(get("/elsewhere/").willReturn(ok("moved")));
    String base = "http://frank:opensesame@localhost:" + wm.getPort();
    assertThat(fastTransport().getSync("pkg", base + "/priv/", Map.of()).bodyText())
        .isEqualTo("moved");
    wm.verify(
        getRequestedFor(urlEqualTo("/priv/"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials(
                    "frank", "opensesame")));
    wm.verify(getRequestedFor(urlEqualTo("/elsewhere/")).withoutHeader("Authorization"));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] payload(int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(42).nextBytes(bytes);
    return bytes;
  }

  @Test
  void downloadStreamsIntoTheFileAndDigests(@TempDir Path dir) throws Exception {
    byte[] bytes = payload(3 * 1024 * 1024 + 17);
    wm.stubFor(get("/files/big.whl").willReturn(ok().withBody(bytes)));
    Path target = dir.resolve("big.whl");
    Files.writeString(target, "old contents that are replaced");
    HttpTransport.Download download =
        fastTransport()
            .download("big.whl", url("/files/big.whl"), target, bytes.length)
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(download.sha256()).isEqualTo(sha256(bytes));
    assertThat(download.size()).isEqualTo(bytes.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
  }

  @Test
  void downloadFollowsRedirectsAndRetriesFromTheStart(@TempDir Path dir) throws Exception {
    byte[] bytes = payload(200_000);
    wm.stubFor(
        get("/dl/a.tar.gz")
            .willReturn(aResponse().withStatus(302).withHeader("Location", "/store/a.tar.gz")));
    wm.stubFor(
        get("/store/a.tar.gz")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/store/a.tar.gz")
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    wm.stubFor(
        get("/store/a.tar.gz")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(ok().withBody(bytes)));
    Path target = dir.resolve("a.tar.gz");
    HttpTransport.Download download =
        fastTransport().download("a.tar.gz", url("/dl/a.tar.gz"), target, Long.MAX_VALUE).join();
    assertThat(download.sha256()).isEqualTo(sha256(bytes));
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    wm.verify(3, getRequestedFor(urlEqualTo("/store/a.tar.gz")));
  }

  @Test
  void downloadLargerThanTheLimitFailsAndLeavesNoFile(@TempDir Path dir) {
    wm.stubFor(get("/f/x.whl").willReturn(ok().withBody(payload(5000))));
    wm.stubFor(
        get("/f/chunked.whl")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withChunkedDribbleDelay(5, 50)
                    .withBody(payload(5000))));
    HttpTransport t = fastTransport();
    for (String name : List.of("x.whl", "chunked.whl")) {
      Path target = dir.resolve(name);
      assertThatThrownBy(() -> Futures.join(t.download(name, url("/f/" + name), target, 1000)))
          .isInstanceOf(IndexException.class)
          .hasMessageStartingWith(name + ": ")
          .hasMessageContaining("larger than the limit of 1000 bytes");
      assertThat(target).doesNotExist();
    }
  }

  @Test
  void downloadFailuresNameTheFileAndHideCredentials(@TempDir Path dir) throws Exception {
    wm.stubFor(get("/f/gone.whl").willReturn(aResponse().withStatus(404)));
    wm.stubFor(
        get("/f/broken.whl").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String base = wm.baseUrl().replace("//", "//gina:hunter2@");
    HttpTransport t = fastTransport();
    Path target = dir.resolve("gone.whl");
    Files.writeString(target, "stale");
    assertThatThrownBy(() -> Futures.join(t.download("gone.whl", base + "/f/gone.whl", target, 10)))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("gone.whl: HTTP 404")
        .hasMessageContaining("http://***@localhost:" + wm.getPort() + "/f/gone.whl")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(target).doesNotExist();
    Path broken = dir.resolve("broken.whl");
    assertThatThrownBy(
            () -> Futures.join(t.download("broken.whl", base + "/f/broken.whl", broken, 10)))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("broken.whl: ")
        .hasMessageContaining("after 4 tries")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(broken).doesNotExist();
    wm.verify(
        getRequestedFor(urlEqualTo("/f/gone.whl"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("gina", "hunter2")));
  }

  @Test
  void downloadWaitsForTheConcurrencyLimit(@TempDir Path dir) {
    wm.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/d/.*"))
            .willReturn(ok("d").withFixedDelay(50)));
    HttpTransport t =
        transport(TransportOptions.defaults().withBackoff(fast).withMaxConcurrency(2));
    long start = System.nanoTime();
    List<CompletableFuture<HttpTransport.Download>> futures =
        IntStream.range(0, 8)
            .mapToObj(i -> t.download("f" + i, url("/d/" + i), dir.resolve("f" + i), 10))
            .collect(Collectors.toList());
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    // 8 downloads of at least 50 ms, at most 2 at a time
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(futures).allSatisfy(f -> assertThat(f.join().size()).isEqualTo(1));
  }

  @Test
  void offlineRefusesDownloads(@TempDir Path dir) {
    HttpTransport offline =
        transport(TransportOptions.defaults().withCache(dir.resolve("c"), Duration.ZERO, true));
    assertThatThrownBy(
            () -> Futures.join(offline.download("a.whl", url("/a.whl"), dir.resolve("a"), 10)))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("offline");
    wm.verify(0, getRequestedFor(urlEqualTo("/a.whl")));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "120                           | PT2M",
        "' 0 '                         | PT0S",
        "Sun, 01 Jun 2025 12:00:30 GMT | PT30S",
        "Sun, 01 Jun 2025 11:59:00 GMT | PT0S",
        "Mon, 02 Jun 2025 12:00:00 GMT | PT24H",
        "-5                            | none",
        "soon                          | none",
        "''                            | none",
        "99999999999999999999          | PT24H",
        "Sat, 01 Jun 2030 12:00:00 GMT | PT24H",
      })
  void retryAfterSecondsAndHttpDates(String header, String expected) {
    Instant now = Instant.parse("2025-06-01T12:00:00Z");
    assertThat(HttpTransport.parseRetryAfter(header, now))
        .isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    String inOneSecond =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
    wm.stubFor(
        get("/d429")
            .inScenario("date")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inOneSecond))
            .willSetStateTo("ok"));
    wm.stubFor(get("/d429").inScenario("date").whenScenarioStateIs("ok").willReturn(ok("done")));
    assertThat(fastTransport().getSync("pkg", url("/d429"), Map.of()).bodyText()).isEqualTo("done");
    assertThat(retryAfters).hasSize(1);
    assertThat(retryAfters.get(0).orElseThrow()).isBetween(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  void downloadIntoAMissingDirectoryFailsWithoutRetrying(@TempDir Path dir) {
    wm.stubFor(get("/f/a.whl").willReturn(ok("bytes")));
    Path target = dir.resolve("no-such-dir").resolve("a.whl");
    assertThatThrownBy(
            () -> Futures.join(fastTransport().download("a.whl", url("/f/a.whl"), target, 10)))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("a.whl: cannot write " + target)
        .hasMessageNotContaining("tries");
    wm.verify(1, getRequestedFor(urlEqualTo("/f/a.whl")));
  }
}
