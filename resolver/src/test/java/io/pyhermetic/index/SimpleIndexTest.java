package io.pyhermetic.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SimpleIndexTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String JSON = "application/vnd.pypi.simple.v1+json";
  private static final String METADATA = Stubs.resource("METADATA-sample");
  private static final String METADATA_SHA = sha256(METADATA);

  private HttpTransport transport;
  private SimpleIndex index;

  @BeforeEach
  void setUp() {
    transport = new HttpTransport(PypiJsonIndexTest.fastOptions());
    index = new SimpleIndex(wm.baseUrl() + "/simple", transport);
  }

  @AfterEach
  void tearDown() {
    index.close();
    transport.close();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProjectName name(String n) {
    return ProjectName.of(n);
  }

  private static Version v(String s) {
    return Version.parse(s);
  }

  private void stubJsonPage() {
    wm.stubFor(
        get("/simple/beautifulsoup4/")
            .withHeader("Accept", equalTo(SimpleIndex.ACCEPT))
            .willReturn(
                ok(Stubs.resource("simple-beautifulsoup4.json")
                        .replace("@METADATA_SHA256@", METADATA_SHA))
                    .withHeader("Content-Type", JSON)
                    .withHeader("Vary", "Accept")));
  }

  private void stubHtmlPage() {
    wm.stubFor(
        get("/simple/legacy-pkg/")
            .willReturn(
                ok(Stubs.resource("simple-legacy.html").replace("@METADATA_SHA256@", METADATA_SHA))
                    .withHeader("Content-Type", "text/html; charset=utf-8")));
  }

  @Test
  void askersOfOneProjectAtTheSameTimeShareOneRequest() {
    wm.stubFor(
        get("/simple/beautifulsoup4/")
            .willReturn(
                ok(Stubs.resource("simple-beautifulsoup4.json")
                        .replace("@METADATA_SHA256@", METADATA_SHA))
                    .withHeader("Content-Type", JSON)
                    .withFixedDelay(300)));
    var files = index.filesAsync(name("beautifulsoup4"), v("4.12.3"));
    var versions = index.versionsAsync(name("beautifulsoup4"));
    assertThat(files.join()).hasSize(2);
    assertThat(versions.join()).contains(v("4.12.3"));
    wm.verify(1, getRequestedFor(urlEqualTo("/simple/beautifulsoup4/")));
    // once answered, nothing is kept: a later asker asks again
    index.files(name("beautifulsoup4"), v("4.12.3"));
    wm.verify(2, getRequestedFor(urlEqualTo("/simple/beautifulsoup4/")));
  }

  @Test
  void jsonPageFilesForAPin() {
    stubJsonPage();
    List<ReleaseFile> files = index.files(name("BeautifulSoup4"), v("4.12.3"));
    assertThat(files)
        .extracting(ReleaseFile::filename)
        .containsExactly("beautifulsoup4-4.12.3-py3-none-any.whl", "beautifulsoup4-4.12.3.tar.gz");
    ReleaseFile wheel = files.get(0);
    assertThat(wheel.url())
        .isEqualTo(wm.baseUrl() + "/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl");
    assertThat(wheel.sha256())
        .contains("b80878c9f40111313e55da8ba20bdba06d8fa3969fc68304167741bbf9e082ed");
    assertThat(wheel.size()).hasValue(147925);
    assertThat(wheel.uploadTime()).contains(Instant.parse("2024-01-17T16:53:12.779164Z"));
    assertThat(wheel.requiresPython()).contains(">=3.6.0");
    assertThat(wheel.coreMetadataSha256()).contains(METADATA_SHA);
    ReleaseFile sdist = files.get(1);
    assertThat(sdist.url()).isEqualTo(wm.baseUrl() + "/files/b3/ca/beautifulsoup4-4.12.3.tar.gz");
    assertThat(sdist.coreMetadata()).isFalse();
    assertThat(sdist.isSdist()).isTrue();
  }

  @Test
  void jsonPageYankedFilesAndLegacyMetadataKey() {
    stubJsonPage();
    ReleaseFile yanked = index.files(name("beautifulsoup4"), v("4.12.2")).get(0);
    assertThat(yanked.yanked()).isTrue();
    assertThat(yanked.yankedReason()).contains("bad release");
    assertThat(yanked.coreMetadataSha256()).contains("0000");
    ReleaseFile beta = index.files(name("beautifulsoup4"), v("4.13.0b2")).get(0);
    assertThat(beta.yanked()).isTrue();
    assertThat(beta.yankedReason()).isEmpty();
    assertThat(beta.sha256()).isEmpty();
  }

  @Test
  void jsonPageVersions() {
    stubJsonPage();
    assertThat(index.versions(name("beautifulsoup4")))
        .containsExactly(v("4.0.1"), v("4.12.2"), v("4.12.3"), v("4.13.0b2"));
  }

  @Test
  void throughACachingIndexOnePageAnswersFilesVersionsAndMetadata() {
    stubJsonPage();
    wm.stubFor(
        get("/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl.metadata")
            .willReturn(ok(METADATA)));
    CachingIndex cached = new CachingIndex(new CachingIndex(index));
    ProjectName bs4 = name("beautifulsoup4");
    assertThat(cached.lists()).isTrue();
    assertThat(cached.files(bs4, v("4.12.3"))).hasSize(2);
    assertThat(cached.files(bs4, v("4.12.2"))).isNotEmpty();
    assertThat(cached.files(bs4, v("9.9"))).isEmpty();
    assertThat(cached.versions(bs4)).contains(v("4.0.1"), v("4.13.0b2"));
    assertThat(cached.metadata(bs4, v("4.12.3")).requiresPython()).contains(">=3.8,<4");
    wm.verify(1, getRequestedFor(urlEqualTo("/simple/beautifulsoup4/")));
    wm.verify(
        1,
        getRequestedFor(
            urlEqualTo("/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl.metadata")));
  }

  @Test
  void metadataFromTheCoreMetadataFile() {
    stubJsonPage();
    wm.stubFor(
        get("/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl.metadata")
            .willReturn(ok(METADATA)));
    ReleaseMetadata metadata = index.metadata(name("beautifulsoup4"), v("4.12.3"));
    assertThat(metadata.requiresDist())
        .containsExactly(
            "requests (>=2.0)",
            "tomli>=1.1.0; python_version < \"3.11\"",
            "pytest ; extra == 'test'");
    assertThat(metadata.requiresPython()).contains(">=3.8,<4");
    assertThat(metadata.name().toString()).isEqualTo("Legacy.Pkg");
  }

  @Test
  void metadataHashMismatchIsAnError() {
    stubJsonPage();
    wm.stubFor(
        get("/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl.metadata")
            .willReturn(ok(METADATA + "tampered")));
    assertThatThrownBy(() -> index.metadata(name("beautifulsoup4"), v("4.12.3")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("beautifulsoup4==4.12.3: core metadata file sha256")
        .hasMessageContaining(".whl.metadata");
  }

  @Test
  void metadataUnavailableIsAnError() {
    wm.stubFor(
        get("/simple/torch/")
            .willReturn(
                ok("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"torch\",\"versions\":[\"2.5.1\"],"
                        + "\"files\":[{\"filename\":\"torch-2.5.1-cp312-cp312-manylinux2014_aarch64.whl\","
                        + "\"url\":\"/f/torch-2.5.1-cp312-cp312-manylinux2014_aarch64.whl\","
                        + "\"hashes\":{\"sha256\":\"aa\"},\"size\":3},"
                        + "{\"filename\":\"torch-2.5.1-cp312-cp312-win_amd64.whl\","
                        + "\"url\":\"/f/torch-2.5.1-cp312-cp312-win_amd64.whl\","
                        + "\"hashes\":{\"sha256\":\"bb\"},\"size\":4}]}")
                    .withHeader("Content-Type", JSON)));
    List<ReleaseFile> files = index.files(name("torch"), v("2.5.1"));
    assertThat(files).hasSize(2).allMatch(ReleaseFile::isWheel);
    // no .metadata files: the smallest wheel is fetched instead, and here it is missing too
    assertThatThrownBy(() -> index.metadata(name("torch"), v("2.5.1")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith(
            "torch==2.5.1: HTTP 404 for a byte range of"
                + " torch-2.5.1-cp312-cp312-manylinux2014_aarch64.whl");
    assertThatThrownBy(() -> index.metadata(name("torch"), v("9.9")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining("no release 9.9 of torch");
  }

  @Test
  void htmlPageWithFragmentsAndDataAttributes() {
    stubHtmlPage();
    List<ReleaseFile> files = index.files(name("Legacy.Pkg"), v("1.0"));
    assertThat(files)
        .extracting(ReleaseFile::filename)
        .containsExactly(
            "Legacy.Pkg-1.0.tar.gz",
            "legacy_pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    ReleaseFile sdist = files.get(0);
    assertThat(sdist.url()).isEqualTo(wm.baseUrl() + "/packages/Legacy.Pkg-1.0.tar.gz");
    assertThat(sdist.sha256()).contains("1".repeat(64));
    assertThat(sdist.requiresPython()).contains(">=3.8,<4");
    assertThat(sdist.coreMetadata()).isFalse();
    ReleaseFile wheel = files.get(1);
    assertThat(wheel.sha256())
        .contains("aaaa0000aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff666677778888");
    assertThat(wheel.coreMetadataSha256()).contains(METADATA_SHA);
    assertThat(wheel.size()).isEmpty();
    assertThat(wheel.uploadTime()).isEmpty();

    ReleaseFile post = index.files(name("legacy-pkg"), v("1.0.post1")).get(0);
    assertThat(post.filename()).isEqualTo("legacy-pkg-1.0-1.tar.gz");
    assertThat(post.sha256()).isEmpty();

    ReleaseFile yankedEmpty = index.files(name("legacy-pkg"), v("0.9")).get(0);
    assertThat(yankedEmpty.yanked()).isTrue();
    assertThat(yankedEmpty.yankedReason()).isEmpty();
    assertThat(yankedEmpty.url())
        .isEqualTo("https://mirror.example.invalid/legacy_pkg-0.9-py2.py3-none-any.whl");

    ReleaseFile zip = index.files(name("legacy-pkg"), v("0.8")).get(0);
    assertThat(zip.yankedReason()).contains("security hole & worse");
    assertThat(zip.coreMetadata()).isTrue();
    assertThat(zip.coreMetadataSha256()).isEmpty();

    assertThat(index.files(name("legacy-pkg"), v("0.7"))).isEmpty();
    assertThat(index.versions(name("legacy-pkg")))
        .containsExactly(v("0.8"), v("0.9"), v("1.0"), v("1.0.post1"));
  }

  @Test
  void htmlMetadataFromTheWheelsMetadataFile() {
    stubHtmlPage();
    wm.stubFor(
        get("/packages/legacy_pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata")
            .willReturn(ok(METADATA)));
    ReleaseMetadata metadata = index.metadata(name("legacy-pkg"), v("1.0"));
    assertThat(metadata.version()).isEqualTo(v("1.0"));
    assertThat(metadata.requiresDist()).hasSize(3);
  }

  @Test
  void requestsTheNormalizedName() {
    wm.stubFor(
        get("/simple/Legacy.Pkg/")
            .willReturn(aResponse().withStatus(301).withHeader("Location", "/simple/legacy-pkg/")));
    stubHtmlPage();
    assertThat(index.files(name("Legacy.Pkg"), v("1.0"))).hasSize(2);
    wm.verify(0, getRequestedFor(urlEqualTo("/simple/Legacy.Pkg/")));
    wm.verify(
        getRequestedFor(urlEqualTo("/simple/legacy-pkg/"))
            .withHeader("Accept", equalTo(SimpleIndex.ACCEPT)));
  }

  @Test
  void unknownProjectIs404() {
    wm.stubFor(get("/simple/nope/").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> index.files(name("nope"), v("1.0")))
        .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageStartingWith("nope==1.0: no project nope on the index")
        .hasMessageContaining(wm.baseUrl() + "/simple/nope/");
  }

  @Test
  void unsupportedMajorApiVersionFails() {
    wm.stubFor(
        get("/simple/future/")
            .willReturn(
                ok("{\"meta\":{\"api-version\":\"2.0\"},\"files\":[]}")
                    .withHeader("Content-Type", JSON)));
    assertThatThrownBy(() -> index.versions(name("future")))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("unsupported simple API version 2.0");
  }

  @Test
  void malformedJsonIsAClearError() {
    wm.stubFor(
        get("/simple/broken/").willReturn(ok("{\"files\": [").withHeader("Content-Type", JSON)));
    assertThatThrownBy(() -> index.files(name("broken"), v("1")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("broken==1: malformed JSON response")
        .hasMessageContaining("/simple/broken/");
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> junkPages() {
    String page = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"junk\", \"files\": ";
    return java.util.stream.Stream.of(
        junk("plain text", "text/plain", "Service temporarily down", "(text/plain)"),
        junk("binary", "application/octet-stream", "\u0000\u0001", "(application/octet-stream)"),
        junk(
            "login page",
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><body><h1>Sign in</h1><form action=\"/login\" method=\"post\">"
                + "<input type=\"password\" name=\"p\"><a href=\"/help\">help</a></form>"
                + "</body></html>",
            "HTML with a <form>, such as a login page"),
        junk(
            "truncated HTML",
            "text/html",
            "<!DOCTYPE html><html><body><a href=\"/f/junk-1.0.tar.gz\">junk-1.0.tar.gz</a><a hr",
            "HTML cut off before </html>"),
        junk("text called HTML", "text/html", "Not Found", "HTML that does not start with markup"),
        junk("truncated JSON", JSON, page + "[{\"filename\": \"junk-1.0.tar", "malformed JSON"),
        junk("a JSON array", JSON, "[]", "malformed JSON response: expected an object"),
        junk("HTML called JSON", "application/json", "<html></html>", "malformed JSON"),
        junk(
            "the JSON API's document",
            JSON,
            "{\"info\": {\"name\": \"junk\"}, \"urls\": []}",
            "no \"meta\": {\"api-version\"}"),
        junk(
            "no files",
            JSON,
            "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"junk\"}",
            "no \"files\" list"),
        junk(
            "another project's page",
            JSON,
            "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"other\", \"files\": []}",
            "the page is for other, not junk"),
        junk(
            "a file without hashes",
            JSON,
            page + "[{\"filename\": \"junk-1.0.tar.gz\", \"url\": \"/f/junk-1.0.tar.gz\"}]}",
            "files[0] lacks"),
        junk(
            "versions that are not a list",
            JSON,
            page + "[], \"versions\": \"1.0\"}",
            "\"versions\" is not a list"),
        junk("no Content-Type", null, "garbage", "neither JSON nor HTML"));
  }

  private static org.junit.jupiter.params.provider.Arguments junk(
      String label, String contentType, String body, String reason) {
    return org.junit.jupiter.params.provider.Arguments.of(label, contentType, body, reason);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("junkPages")
  void aPageThatIsNotAProjectPageIsAnIndexFailure(
      String label, String contentType, String body, String reason) {
    var response = aResponse().withStatus(200).withBody(body);
    if (contentType != null) {
      response = response.withHeader("Content-Type", contentType);
    }
    wm.stubFor(get("/simple/junk/").willReturn(response));
    SimpleIndex secret =
        new SimpleIndex(wm.baseUrl().replace("//", "//carol:t0ps3cret@") + "/simple/", transport);
    assertThatThrownBy(() -> secret.files(name("junk"), v("1.0")))
        .isInstanceOfSatisfying(
            IndexException.class,
            e -> {
              assertThat(e.isNotFound()).isFalse();
              assertThat(e.project()).contains("junk==1.0");
              // the address that answered, without the credentials the request carried
              assertThat(e.url()).isEqualTo(wm.baseUrl() + "/simple/junk/");
            })
        .hasMessageStartingWith("junk==1.0: ")
        .hasMessageContaining(reason)
        .hasMessageContaining("/simple/junk/")
        .message()
        .doesNotContain("t0ps3cret");
  }

  @Test
  void withoutAContentTypeAPageIsReadAsWhatItStartsLike() {
    wm.stubFor(
        get("/simple/beautifulsoup4/")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "\n"
                            + Stubs.resource("simple-beautifulsoup4.json")
                                .replace("@METADATA_SHA256@", METADATA_SHA))));
    wm.stubFor(
        get("/simple/legacy-pkg/")
            .willReturn(
                aResponse().withStatus(200).withBody(Stubs.resource("simple-legacy.html"))));
    assertThat(index.files(name("beautifulsoup4"), v("4.12.3"))).hasSize(2);
    assertThat(index.files(name("legacy-pkg"), v("1.0"))).hasSize(2);
  }

  @Test
  void anEmptyHtmlPageIsAProjectWithoutFiles() {
    wm.stubFor(
        get("/simple/empty-project/")
            .willReturn(
                ok("<!DOCTYPE html>\n<html><head><title>Links for empty-project</title></head>"
                        + "<body><h1>Links for empty-project</h1></body></html>\n")
                    .withHeader("Content-Type", "application/vnd.pypi.simple.v1+html")));
    assertThat(index.files(name("empty-project"), v("1.0"))).isEmpty();
    assertThat(index.versions(name("empty-project"))).isEmpty();
  }

  @Test
  void faultsRetryThenSucceedOrFailClearly() {
    wm.stubFor(
        get("/simple/legacy-pkg/")
            .inScenario("faults")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("busy"));
    wm.stubFor(
        get("/simple/legacy-pkg/")
            .inScenario("faults")
            .whenScenarioStateIs("busy")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("down"));
    wm.stubFor(
        get("/simple/legacy-pkg/")
            .inScenario("faults")
            .whenScenarioStateIs("down")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    wm.stubFor(
        get("/simple/legacy-pkg/")
            .inScenario("faults")
            .whenScenarioStateIs("up")
            .willReturn(
                ok(Stubs.resource("simple-legacy.html")).withHeader("Content-Type", "text/html")));
    assertThat(index.files(name("legacy-pkg"), v("1.0"))).hasSize(2);

    wm.stubFor(get("/simple/empty/").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThatThrownBy(() -> index.files(name("empty"), v("1.0")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("empty==1.0: ")
        .hasMessageContaining("after 4 tries")
        .hasMessageContaining("/simple/empty/");
  }

  @Test
  void credentialsAreSentToTheIndexAndItsFilesButNeverShown() {
    stubHtmlPage();
    wm.stubFor(
        get("/packages/legacy_pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata")
            .willReturn(aResponse().withStatus(403)));
    wm.stubFor(get("/simple/down/").willReturn(aResponse().withStatus(500)));
    SimpleIndex secret =
        new SimpleIndex(wm.baseUrl().replace("//", "//carol:t0ps3cret@") + "/simple/", transport);
    assertThat(secret.files(name("legacy-pkg"), v("1.0"))).hasSize(2);
    BasicCredentials carol = new BasicCredentials("carol", "t0ps3cret");
    wm.verify(getRequestedFor(urlEqualTo("/simple/legacy-pkg/")).withBasicAuth(carol));
    assertThatThrownBy(() -> secret.metadata(name("legacy-pkg"), v("1.0")))
        .isInstanceOf(IndexException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("legacy-pkg==1.0")
                    .contains("HTTP 403")
                    .contains("***@")
                    .doesNotContain("t0ps3cret")
                    .doesNotContain("carol"));
    wm.verify(
        getRequestedFor(
                urlEqualTo(
                    "/packages/legacy_pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata"))
            .withBasicAuth(carol));
    assertThatThrownBy(() -> secret.versions(name("down")))
        .isInstanceOf(IndexException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .startsWith("down: HTTP 500 after 4 tries")
                    .contains("http://***@localhost:" + wm.getPort() + "/simple/down/")
                    .doesNotContain("t0ps3cret"));
    assertThat(secret.toString()).doesNotContain("t0ps3cret");
  }

  @Test
  void offlineIndexAnswersFromTheCache(@TempDir Path dir) {
    stubJsonPage();
    HttpTransport online =
        new HttpTransport(
            PypiJsonIndexTest.fastOptions().withCache(dir, java.time.Duration.ZERO, false));
    new SimpleIndex(wm.baseUrl() + "/simple/", online).files(name("beautifulsoup4"), v("4.12.3"));
    online.close();
    HttpTransport offline =
        new HttpTransport(
            PypiJsonIndexTest.fastOptions().withCache(dir, java.time.Duration.ZERO, true));
    try {
      SimpleIndex cached = new SimpleIndex(wm.baseUrl() + "/simple/", offline);
      List<ReleaseFile> files = cached.files(name("beautifulsoup4"), v("4.12.3"));
      assertThat(files.get(0).url())
          .isEqualTo(wm.baseUrl() + "/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl");
      assertThatThrownBy(() -> cached.versions(name("legacy-pkg")))
          .isInstanceOf(IndexException.class)
          .hasMessageStartingWith("legacy-pkg: offline");
    } finally {
      offline.close();
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/simple/beautifulsoup4/")));
  }

  @Test
  void downloadStreamsAFileWithTheIndexCredentials(@TempDir Path dir) throws Exception {
    String base = wm.baseUrl().replace("//", "//ivy:pw0rd@");
    SimpleIndex privateIndex = new SimpleIndex(base + "/simple", transport);
    stubJsonPage();
    byte[] bytes = "wheel bytes".getBytes(StandardCharsets.UTF_8);
    wm.stubFor(
        get("/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl")
            .willReturn(ok().withBody(bytes)));
    ReleaseFile wheel = privateIndex.files(name("beautifulsoup4"), v("4.12.3")).get(0);
    // the listed size (147925) is only a cap: fewer bytes are fine, the caller checks the digest
    Path target = dir.resolve(wheel.filename());
    assertThat(privateIndex.download(wheel, target))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(java.nio.file.Files.readAllBytes(target)).isEqualTo(bytes);
    wm.verify(
        getRequestedFor(urlEqualTo("/files/b1/fe/beautifulsoup4-4.12.3-py3-none-any.whl"))
            .withBasicAuth(new BasicCredentials("ivy", "pw0rd")));
  }

  @Test
  void downloadOverTheListedSizeFails(@TempDir Path dir) {
    ReleaseFile file =
        ReleaseFile.builder("pkg-1.0.tar.gz", wm.baseUrl() + "/files/pkg-1.0.tar.gz")
            .size(4)
            .build();
    wm.stubFor(get("/files/pkg-1.0.tar.gz").willReturn(ok("12345")));
    Path target = dir.resolve(file.filename());
    assertThatThrownBy(() -> index.download(file, target))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("pkg-1.0.tar.gz: ")
        .hasMessageContaining("larger than the limit of 4 bytes")
        .hasMessageContaining("/files/pkg-1.0.tar.gz");
    assertThat(target).doesNotExist();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String fileEntry(String filename, byte[] bytes, boolean withHash)
      throws Exception {
    return "{\"filename\": \""
        + filename
        + "\", \"url\": \"/files/"
        + filename
        + "\", \"size\": "
        + bytes.length
        + ", \"hashes\": {"
        + (withHash ? "\"sha256\": \"" + sha256(bytes) + "\"" : "")
        + "}}";
  }

  private void stubPage(String project, String... entries) {
    wm.stubFor(
        get("/simple/" + project + "/")
            .willReturn(
                ok("{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \""
                        + project
                        + "\", \"files\": ["
                        + String.join(",", entries)
                        + "]}")
                    .withHeader("Content-Type", JSON)));
  }

  @Test
  void withoutCoreMetadataFilesTheSmallestWheelIsRead(@TempDir Path dir) throws Exception {
    String meta =
        io.pyhermetic.testdata.Distributions.metadata(
            "nometa", "1.0", ">=3.10", List.of("idna>=2", "rich; extra == \"cli\""));
    byte[] small =
        java.nio.file.Files.readAllBytes(
            io.pyhermetic.testdata.Distributions.wheel(dir, "nometa", "1.0", "py3-none-any", meta));
    byte[] sdist = "never downloaded".getBytes(StandardCharsets.UTF_8);
    byte[] big = new byte[small.length + 1000];
    stubPage(
        "nometa",
        fileEntry("nometa-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", big, true),
        fileEntry("nometa-1.0-py3-none-any.whl", small, true),
        fileEntry("nometa-1.0.tar.gz", sdist, true));
    wm.stubFor(get("/files/nometa-1.0-py3-none-any.whl").willReturn(ok().withBody(small)));
    ReleaseMetadata metadata = index.metadata(name("nometa"), v("1.0"));
    assertThat(metadata.requiresDist()).containsExactly("idna>=2", "rich; extra == \"cli\"");
    assertThat(metadata.requiresPython()).contains(">=3.10");
    wm.verify(0, getRequestedFor(urlEqualTo("/files/nometa-1.0.tar.gz")));
    wm.verify(
        0, getRequestedFor(urlEqualTo("/files/nometa-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")));
  }

  @Test
  void metadataReadFromAnArchiveIsKeptOnDiskSoALaterRunReadsNoArchive(@TempDir Path dir)
      throws Exception {
    String meta =
        io.pyhermetic.testdata.Distributions.metadata("kept", "1.0", null, List.of("idna>=2"));
    byte[] wheel =
        java.nio.file.Files.readAllBytes(
            io.pyhermetic.testdata.Distributions.wheel(dir, "kept", "1.0", "py3-none-any", meta));
    stubPage("kept", fileEntry("kept-1.0-py3-none-any.whl", wheel, true));
    wm.stubFor(get("/files/kept-1.0-py3-none-any.whl").willReturn(ok().withBody(wheel)));
    Path cache = dir.resolve("cache");
    for (int run = 0; run < 2; run++) {
      try (HttpTransport cached =
              new HttpTransport(
                  PypiJsonIndexTest.fastOptions()
                      .withCache(cache, java.time.Duration.ZERO, false));
          SimpleIndex fresh = new SimpleIndex(wm.baseUrl() + "/simple", cached)) {
        ReleaseMetadata read = fresh.metadata(name("kept"), v("1.0"));
        assertThat(read.requiresDist()).containsExactly("idna>=2");
        assertThat(read.source()).isEqualTo(ReleaseMetadata.Source.WHEEL);
      }
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/files/kept-1.0-py3-none-any.whl")));
    String digest = sha256(wheel);
    assertThat(
            cache.resolve("metadata/sha256/" + digest.substring(0, 2) + "/" + digest + ".metadata"))
        .isRegularFile();
  }

  @Test
  void withoutWheelsTheSdistPkgInfoIsRead(@TempDir Path dir) throws Exception {
    String pkgInfo =
        io.pyhermetic.testdata.Distributions.metadata("srconly", "2.0", null, List.of("attrs"));
    byte[] sdist =
        java.nio.file.Files.readAllBytes(
            io.pyhermetic.testdata.Distributions.sdist(
                dir,
                "srconly",
                "2.0",
                io.pyhermetic.testdata.Distributions.Format.TAR_GZ,
                pkgInfo,
                java.util.Map.of()));
    stubPage("srconly", fileEntry("srconly-2.0.tar.gz", sdist, false));
    wm.stubFor(get("/files/srconly-2.0.tar.gz").willReturn(ok().withBody(sdist)));
    assertThat(index.metadata(name("srconly"), v("2.0")).requiresDist()).containsExactly("attrs");
  }

  @Test
  void archiveFallbackChecksTheListedHash(@TempDir Path dir) throws Exception {
    byte[] bytes = "tampered".getBytes(StandardCharsets.UTF_8);
    stubPage(
        "tampered",
        fileEntry(
                "tampered-1.0-py3-none-any.whl", "original".getBytes(StandardCharsets.UTF_8), true)
            .replace("\"size\": 8", "\"size\": 100"));
    wm.stubFor(get("/files/tampered-1.0-py3-none-any.whl").willReturn(ok().withBody(bytes)));
    assertThatThrownBy(() -> index.metadata(name("tampered"), v("1.0")))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("tampered==1.0: tampered-1.0-py3-none-any.whl sha256 ")
        .hasMessageContaining("does not match the index's");
    byte[] notAZip = "PK not really".getBytes(StandardCharsets.UTF_8);
    stubPage("broken", fileEntry("broken-1.0-py3-none-any.whl", notAZip, true));
    wm.stubFor(get("/files/broken-1.0-py3-none-any.whl").willReturn(ok().withBody(notAZip)));
    assertThatThrownBy(() -> index.metadata(name("broken"), v("1.0")))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("cannot read broken-1.0-py3-none-any.whl");
  }
}
