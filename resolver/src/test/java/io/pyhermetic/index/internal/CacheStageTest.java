package io.pyhermetic.index.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.index.RequestRecord;
import io.pyhermetic.index.RequestTimeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CacheStageTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path cache;

  private String as(String user, String password) {
    try (HttpTransport t =
        new HttpTransport(
            TransportOptions.defaults().withCache(cache, Duration.ofHours(1), false))) {
      String url = wm.baseUrl().replace("//", "//" + user + ":" + password + "@") + "/private/";
      return t.getSync("pkg", url, Map.of("Accept", "text/html")).bodyText();
    }
  }

  @Test
  void usersSharingACacheNeverSeeEachOthersAnswers() throws Exception {
    wm.stubFor(
        get("/private/").withBasicAuth("alice", "alice-secret-1").willReturn(ok("alice's page")));
    wm.stubFor(get("/private/").withBasicAuth("bob", "bob-secret-2").willReturn(ok("bob's page")));
    assertThat(as("alice", "alice-secret-1")).isEqualTo("alice's page");
    assertThat(as("bob", "bob-secret-2")).isEqualTo("bob's page");
    assertThat(as("alice", "alice-secret-1")).isEqualTo("alice's page");
    assertThat(as("bob", "bob-secret-2")).isEqualTo("bob's page");
    // each answered once by the server, then from the cache
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/private/"))
            .withBasicAuth(new BasicCredentials("alice", "alice-secret-1")));
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/private/"))
            .withBasicAuth(new BasicCredentials("bob", "bob-secret-2")));
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        assertThat(
                file.getFileName().toString() + Files.readString(file, StandardCharsets.ISO_8859_1))
            .doesNotContain("secret")
            .doesNotContain("alice:")
            .doesNotContain("YWxpY2U"); // base64 of "alice"
      }
    }
  }

  @Test
  void aCacheAnswerIsRecordedAsNoRoundTrip() {
    wm.stubFor(get("/page/").willReturn(ok("v1")));
    RequestTimeline timeline = new RequestTimeline();
    try (HttpTransport t =
        new HttpTransport(
            TransportOptions.defaults()
                .withCache(cache, Duration.ofHours(1), false)
                .withListener(timeline))) {
      t.getSync("p", wm.baseUrl() + "/page/", Map.of());
      t.getSync("p", wm.baseUrl() + "/page/", Map.of());
    }
    List<RequestRecord> records = timeline.records();
    assertThat(records).extracting(RequestRecord::attempts).containsExactly(1, 0);
    assertThat(records).extracting(RequestRecord::bytes).containsExactly(2L, 2L);
    assertThat(timeline.criticalPath()).isEqualTo(1);
  }

  @Test
  void postsAreKeyedByTheirBody() {
    wm.stubFor(
        post("/query")
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalTo("a"))
            .willReturn(ok("for a")));
    wm.stubFor(
        post("/query")
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalTo("b"))
            .willReturn(ok("for b")));
    try (HttpTransport t =
        new HttpTransport(
            TransportOptions.defaults().withCache(cache, Duration.ofHours(1), false))) {
      for (int i = 0; i < 2; i++) {
        assertThat(query(t, "a")).isEqualTo("for a");
        assertThat(query(t, "b")).isEqualTo("for b");
      }
    }
    wm.verify(2, postRequestedFor(urlEqualTo("/query")));
    // without credential and body the key is what it always was: existing caches stay valid
    assertThat(
            ResponseCache.key(
                java.net.URI.create("http://x/"), "text/html", Optional.empty(), Optional.empty()))
        .isEqualTo("8206bf537d60d48ab8b4ca75c35e82812e3526b8cb737797c419ebaabab0efe6");
  }

  private String query(HttpTransport t, String body) {
    return t.post(
            "q",
            wm.baseUrl() + "/query",
            Map.of(),
            body.getBytes(StandardCharsets.UTF_8),
            "text/plain")
        .join()
        .bodyText();
  }
}
