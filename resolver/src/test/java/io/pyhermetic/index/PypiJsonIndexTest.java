package io.pyhermetic.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.pyhermetic.index.internal.Backoff;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.index.internal.TransportOptions;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PypiJsonIndexTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private HttpTransport transport;
  private PypiJsonIndex index;

  static TransportOptions fastOptions() {
    return TransportOptions.defaults()
        .withBackoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 0.01))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
  }

  @BeforeEach
  void setUp() {
    transport = new HttpTransport(fastOptions());
    index = new PypiJsonIndex(wm.baseUrl() + "/pypi/", transport);
  }

  @AfterEach
  void tearDown() {
    index.close();
    transport.close();
  }

  private static ProjectName name(String n) {
    return ProjectName.of(n);
  }

  private static Version v(String s) {
    return Version.parse(s);
  }

  @Test
  void filesOfSampleproject() {
    wm.stubFor(
        get("/pypi/sampleproject/4.0.0/json")
            .willReturn(
                okJson(Stubs.resource("sampleproject-4.0.0.json"))
                    .withHeader("X-PyPI-Last-Serial", "25862117")
                    .withHeader("ETag", "\"abc\"")));
    List<ReleaseFile> files = index.files(name("sampleproject"), v("4.0.0"));
    assertThat(files)
        .extracting(ReleaseFile::filename)
        .containsExactly("sampleproject-4.0.0-py3-none-any.whl", "sampleproject-4.0.0.tar.gz");
    ReleaseFile wheel = files.get(0);
    assertThat(wheel.kind()).isEqualTo(ReleaseFile.Kind.WHEEL);
    assertThat(wheel.sha256())
        .contains("c23e447ea90d796d1e645c35c4b2de125040add12a845825546f91c93f391b6b");
    assertThat(wheel.size()).hasValue(4661);
    assertThat(wheel.requiresPython()).contains(">=3.9");
    assertThat(wheel.yanked()).isFalse();
    assertThat(wheel.uploadTime()).contains(Instant.parse("2024-11-06T22:37:09.220617Z"));
    assertThat(wheel.coreMetadata()).isTrue();
    assertThat(wheel.coreMetadataSha256()).isPresent();
    assertThat(wheel.url()).endsWith("/sampleproject-4.0.0-py3-none-any.whl");
    ReleaseFile sdist = files.get(1);
    assertThat(sdist.kind()).isEqualTo(ReleaseFile.Kind.SDIST);
    assertThat(sdist.coreMetadata()).isFalse();
    assertThat(sdist.size()).hasValue(5760);
  }

  @Test
  void metadataOfSampleproject() {
    // PyPI matches the version by its canonical form and answers with the stored spelling
    wm.stubFor(
        get("/pypi/sampleproject/4.0/json")
            .willReturn(okJson(Stubs.resource("sampleproject-4.0.0.json"))));
    ReleaseMetadata metadata = index.metadata(name("sampleproject"), v("4.0"));
    assertThat(metadata.name().canonical()).isEqualTo("sampleproject");
    assertThat(metadata.version()).isEqualTo(v("4.0.0"));
    assertThat(metadata.requiresDist())
        .containsExactly(
            "peppercorn", "check-manifest ; extra == 'dev'", "coverage ; extra == 'test'");
    assertThat(metadata.requiresPython()).contains(">=3.9");
  }

  @Test
  void filesAndMetadataAskedTogetherShareOneRequest() {
    wm.stubFor(
        get("/pypi/sampleproject/4.0/json")
            .willReturn(okJson(Stubs.resource("sampleproject-4.0.0.json")).withFixedDelay(200)));
    var files = index.filesAsync(name("sampleproject"), v("4.0"));
    var metadata = index.metadataAsync(name("sampleproject"), v("4.0"));
    assertThat(files.join()).isNotEmpty();
    assertThat(metadata.join().requiresPython()).contains(">=3.9");
    wm.verify(1, getRequestedFor(urlEqualTo("/pypi/sampleproject/4.0/json")));
  }

  @Test
  void wheelsOnlyReleaseHasNoSdist() {
    wm.stubFor(
        get("/pypi/torch/2.5.1/json").willReturn(okJson(Stubs.resource("torch-2.5.1.json"))));
    List<ReleaseFile> files = index.files(name("torch"), v("2.5.1"));
    assertThat(files).hasSize(4).allMatch(ReleaseFile::isWheel).noneMatch(ReleaseFile::isSdist);
    assertThat(files).extracting(f -> f.sha256().orElseThrow()).doesNotHaveDuplicates();
  }

  @Test
  void yankedRelease() {
    wm.stubFor(
        get("/pypi/yankme/1.0.1/json").willReturn(okJson(Stubs.resource("yankme-1.0.1.json"))));
    List<ReleaseFile> files = index.files(name("yankme"), v("1.0.1"));
    assertThat(files).hasSize(2).allMatch(ReleaseFile::yanked);
    assertThat(files).allSatisfy(f -> assertThat(f.yankedReason()).contains("broken build"));
    assertThat(files).allSatisfy(f -> assertThat(f.requiresPython()).isEmpty());
    ReleaseMetadata metadata = index.metadata(name("yankme"), v("1.0.1"));
    assertThat(metadata.requiresDist()).isEmpty();
    assertThat(metadata.requiresPython()).isEmpty();
  }

  @Test
  void requestsTheNormalizedNameSoNoRedirectIsNeeded() {
    wm.stubFor(
        get("/pypi/Zope.Interface/4.0/json")
            .willReturn(
                aResponse()
                    .withStatus(301)
                    .withHeader("Location", "/pypi/zope-interface/4.0/json")));
    wm.stubFor(
        get("/pypi/zope-interface/4.0/json")
            .willReturn(okJson(Stubs.resource("yankme-1.0.1.json"))));
    assertThat(index.files(name("Zope.Interface"), v("4.0"))).hasSize(2);
    wm.verify(0, getRequestedFor(urlEqualTo("/pypi/Zope.Interface/4.0/json")));
  }

  @Test
  void followsA301WhenTheBaseUrlNeedsIt() {
    wm.stubFor(
        get("/old/sampleproject/4.0.0/json")
            .willReturn(
                aResponse()
                    .withStatus(301)
                    .withHeader("Location", "/pypi/sampleproject/4.0.0/json")));
    wm.stubFor(
        get("/pypi/sampleproject/4.0.0/json")
            .willReturn(okJson(Stubs.resource("sampleproject-4.0.0.json"))));
    PypiJsonIndex moved = new PypiJsonIndex(wm.baseUrl() + "/old", transport);
    assertThat(moved.files(name("sampleproject"), v("4.0.0"))).hasSize(2);
  }

  @Test
  void unknownVersionIs404() {
    wm.stubFor(get("/pypi/sampleproject/9.9/json").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> index.files(name("sampleproject"), v("9.9")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("sampleproject==9.9: no release 9.9 of sampleproject")
        .hasMessageContaining(wm.baseUrl() + "/pypi/sampleproject/9.9/json");
  }

  @Test
  void unknownProjectIs404() {
    wm.stubFor(get("/pypi/nope/json").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> index.versions(name("nope")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("nope: no project nope");
  }

  @Test
  void versionsSkipUnparsableAndSort() {
    wm.stubFor(
        get("/pypi/sampleproject/json").willReturn(okJson(Stubs.resource("sampleproject.json"))));
    assertThat(index.versions(name("SampleProject")))
        .containsExactly(v("1.2.0"), v("1.3.0rc1"), v("2.0.0"), v("3.0.0"), v("4.0.0"));
  }

  @Test
  void malformedJsonIsAClearError() {
    wm.stubFor(get("/pypi/broken/1.0/json").willReturn(okJson("{\"info\": {")));
    assertThatThrownBy(() -> index.files(name("broken"), v("1.0")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("broken==1.0: malformed JSON response")
        .hasMessageContaining("/pypi/broken/1.0/json");
  }

  static Stream<Arguments> junkAnswers() {
    String login = "<html><form><input type=password></form></html>";
    String truncated = "{\"info\": {\"name\": \"junk\"}, \"urls\": [{\"fil";
    String error = "{\"message\": \"Not Found\"}";
    String simplePage = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"junk\", \"files\": []}";
    return Stream.of(
        Arguments.of("a login page", login, "files", "malformed JSON"),
        Arguments.of("a login page", login, "metadata", "malformed JSON"),
        Arguments.of("a login page", login, "versions", "malformed JSON"),
        Arguments.of("truncated JSON", truncated, "files", "malformed JSON"),
        Arguments.of("truncated JSON", truncated, "versions", "malformed JSON"),
        Arguments.of("an error object", error, "files", "no \"urls\" list"),
        Arguments.of("an error object", error, "metadata", "no \"info\" object"),
        Arguments.of("an error object", error, "versions", "no \"releases\" object"),
        Arguments.of("a simple-index page", simplePage, "files", "no \"urls\" list"),
        Arguments.of("a simple-index page", simplePage, "versions", "no \"releases\" object"),
        Arguments.of(
            "a file without digests",
            "{\"info\": {}, \"urls\": [{\"filename\": \"junk-1.0.tar.gz\", \"url\": \"/f\"}]}",
            "files",
            "urls[0] lacks"),
        Arguments.of(
            "urls not a list", "{\"info\": {}, \"urls\": {}}", "files", "no \"urls\" list"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("junkAnswers")
  void anAnswerThatIsNotTheApisJsonIsAnIndexFailure(
      String label, String body, String lookUp, String reason) {
    wm.stubFor(get("/pypi/junk/1.0/json").willReturn(okJson(body)));
    wm.stubFor(get("/pypi/junk/json").willReturn(okJson(body)));
    PypiJsonIndex secret =
        new PypiJsonIndex(wm.baseUrl().replace("//", "//carol:t0ps3cret@") + "/pypi", transport);
    Runnable call =
        switch (lookUp) {
          case "files" -> () -> secret.files(name("junk"), v("1.0"));
          case "metadata" -> () -> secret.metadata(name("junk"), v("1.0"));
          default -> () -> secret.versions(name("junk"));
        };
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isFalse())
        .hasMessageStartingWith("junk")
        .hasMessageContaining(reason)
        .hasMessageContaining("localhost:" + wm.getPort() + "/pypi/junk/")
        .message()
        .doesNotContain("t0ps3cret");
  }

  @Test
  void connectionResetThenSuccess() {
    wm.stubFor(
        get("/pypi/sampleproject/4.0.0/json")
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/pypi/sampleproject/4.0.0/json")
            .inScenario("reset")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Stubs.resource("sampleproject-4.0.0.json"))));
    assertThat(index.files(name("sampleproject"), v("4.0.0"))).hasSize(2);
  }

  @Test
  void emptyResponseEndsInIndexException() {
    wm.stubFor(get("/pypi/empty/1.0/json").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThatThrownBy(() -> index.files(name("empty"), v("1.0")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("empty==1.0: ")
        .hasMessageContaining("/pypi/empty/1.0/json");
  }

  @Test
  void serviceUnavailableThenSuccess() {
    wm.stubFor(
        get("/pypi/torch/2.5.1/json")
            .inScenario("503")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/pypi/torch/2.5.1/json")
            .inScenario("503")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Stubs.resource("torch-2.5.1.json"))));
    assertThat(index.files(name("torch"), v("2.5.1"))).hasSize(4);
  }

  @Test
  void tooManyRequestsWithRetryAfterThenSuccess() {
    wm.stubFor(
        get("/pypi/torch/2.5.1/json")
            .inScenario("429")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/pypi/torch/2.5.1/json")
            .inScenario("429")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Stubs.resource("torch-2.5.1.json"))));
    assertThat(index.files(name("torch"), v("2.5.1"))).hasSize(4);
  }

  @Test
  void stalledResponseEndsInIndexException() {
    wm.stubFor(get("/pypi/slow/1.0/json").willReturn(okJson("{}").withFixedDelay(2000)));
    PypiJsonIndex slow =
        new PypiJsonIndex(wm.baseUrl() + "/pypi", new HttpTransport(fastOptions().withMaxTries(2)));
    try {
      assertThatThrownBy(() -> slow.files(name("slow"), v("1.0")))
          .isInstanceOf(IndexException.class)
          .hasMessageStartingWith("slow==1.0: ")
          .hasMessageContaining("after 2 tries")
          .hasMessageContaining("/pypi/slow/1.0/json");
    } finally {
      slow.close();
    }
  }

  @Test
  void credentialsNeverAppearInMessages() {
    wm.stubFor(get("/pypi/private/1.0/json").willReturn(aResponse().withStatus(404)));
    wm.stubFor(get("/pypi/down/1.0/json").willReturn(aResponse().withStatus(503)));
    PypiJsonIndex secret =
        new PypiJsonIndex(wm.baseUrl().replace("//", "//bob:hunter2@") + "/pypi", transport);
    for (String project : List.of("private", "down")) {
      assertThatThrownBy(() -> secret.files(name(project), v("1.0")))
          .isInstanceOf(IndexException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("bob");
                assertThat(e.getMessage()).contains(project + "==1.0");
                assertThat(((IndexException) e).url()).doesNotContain("hunter2");
              });
    }
    assertThat(secret.toString()).doesNotContain("hunter2");
    wm.verify(
        getRequestedFor(urlEqualTo("/pypi/private/1.0/json"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("bob", "hunter2")));
  }

  @Test
  void bulkLookUpReportsEveryOutcome() {
    wm.stubFor(
        get("/pypi/torch/2.5.1/json").willReturn(okJson(Stubs.resource("torch-2.5.1.json"))));
    wm.stubFor(
        get("/pypi/sampleproject/4.0.0/json")
            .willReturn(okJson(Stubs.resource("sampleproject-4.0.0.json"))));
    wm.stubFor(get("/pypi/nope/1.0/json").willReturn(aResponse().withStatus(404)));
    wm.stubFor(get("/pypi/bad/1.0/json").willReturn(okJson("not json")));
    List<Release> releases =
        List.of(
            Release.of("torch", "2.5.1"),
            Release.of("nope", "1.0"),
            Release.of("sampleproject", "4.0.0"),
            Release.of("bad", "1.0"));
    ReleaseResults<List<ReleaseFile>> results = index.filesForAll(releases);
    assertThat(results.values()).containsOnlyKeys(releases.get(0), releases.get(2));
    assertThat(results.failures()).containsOnlyKeys(releases.get(1), releases.get(3));
    assertThat(results.failure(releases.get(1)).orElseThrow().isNotFound()).isTrue();
    assertThat(results.failure(releases.get(3)).orElseThrow().getMessage())
        .startsWith("bad==1.0: malformed JSON");
  }

  @Test
  void asyncFailsWithTheIndexExceptionAsCause() {
    wm.stubFor(get("/pypi/nope/1.0/json").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> index.filesAsync(name("nope"), v("1.0")).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IndexException.class);
  }

  @Test
  void downloadAsyncCompletesWithTheSha256(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[100_000];
    new java.util.Random(7).nextBytes(bytes);
    wm.stubFor(get("/packages/x/pkg-1.0-py3-none-any.whl").willReturn(ok().withBody(bytes)));
    ReleaseFile file =
        ReleaseFile.builder(
                "pkg-1.0-py3-none-any.whl", wm.baseUrl() + "/packages/x/pkg-1.0-py3-none-any.whl")
            .size(bytes.length)
            .build();
    Path target = dir.resolve(file.filename());
    String expected =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(index.downloadAsync(file, target).join()).isEqualTo(expected);
    assertThat(java.nio.file.Files.readAllBytes(target)).isEqualTo(bytes);
  }

  @Test
  void downloadOfAMissingFileIsNotFound(@TempDir Path dir) {
    wm.stubFor(get("/packages/gone.tar.gz").willReturn(aResponse().withStatus(404)));
    ReleaseFile file =
        ReleaseFile.builder("gone.tar.gz", wm.baseUrl() + "/packages/gone.tar.gz").build();
    assertThatThrownBy(() -> index.download(file, dir.resolve("gone.tar.gz")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("gone.tar.gz: HTTP 404");
  }
}
