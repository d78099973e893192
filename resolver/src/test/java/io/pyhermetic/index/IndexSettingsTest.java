package io.pyhermetic.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.requirement.ProjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexSettingsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "/xdg,     /home/u, /xdg/pyhermetic",
        "relative, /home/u, /home/u/.cache/pyhermetic",
        "none,     /home/u, /home/u/.cache/pyhermetic",
        "'',       /home/u, /home/u/.cache/pyhermetic",
      })
  void cacheDirectoryFollowsXdg(String xdg, String home, String expected) {
    Map<String, String> env = new java.util.HashMap<>();
    if (xdg != null) {
      env.put("XDG_CACHE_HOME", xdg);
    }
    env.put("HOME", home);
    assertThat(IndexSettings.defaultCacheDirectory(env)).isEqualTo(Path.of(expected));
  }

  @Test
  void fromEnvironmentReadsTokenNetrcAndCache() {
    IndexSettings settings =
        IndexSettings.fromEnvironment(
                Map.of(
                    "HOME", "/home/u", "NETRC", "/etc/my-netrc", "PYHERMETIC_INDEX_TOKEN", " tok "))
            .build();
    assertThat(settings.hasToken()).isTrue();
    assertThat(settings.netrcFile()).contains(Path.of("/etc/my-netrc"));
    assertThat(settings.cacheDirectory()).contains(Path.of("/home/u/.cache/pyhermetic"));
    assertThat(settings.toString()).doesNotContain("tok ").contains("token=***");
    IndexSettings plain = IndexSettings.fromEnvironment(Map.of("HOME", "/h")).build();
    assertThat(plain.hasToken()).isFalse();
    assertThat(plain.netrcFile()).contains(Path.of("/h/.netrc"));
    assertThat(IndexSettings.defaults().cacheDirectory()).isEmpty();
    assertThat(plain.toBuilder().build()).isEqualTo(plain).hasSameHashCodeAs(plain);
  }

  @Test
  void offlineNeedsACache() {
    assertThatThrownBy(() -> IndexSettings.builder().offline(true).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IndexSettings.builder().maxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private IndexSettingsBuilder fast() {
    return IndexSettings.builder()
        .maxTries(1)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .netrcFile(dir.resolve("netrc"));
  }

  private void netrc(String text) throws Exception {
    Files.writeString(dir.resolve("netrc"), text);
  }

  private static final String VERSIONS = "{\"releases\": {\"1.0\": []}}";

  @Test
  void tokenGoesToTheIndexOriginAsBasicTokenUser() throws Exception {
    netrc("machine localhost login nico password from-netrc");
    wm.stubFor(get("/pypi/pkg/json").willReturn(okJson(VERSIONS)));
    try (PypiJsonIndex index =
        new PypiJsonIndex(wm.baseUrl() + "/pypi", fast().token("pypi-AgEtok").build())) {
      index.versions(ProjectName.of("pkg"));
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/pypi/pkg/json"))
            .withBasicAuth(new BasicCredentials("__token__", "pypi-AgEtok")));
  }

  @Test
  void tokenUserIsOverridableAndUserInfoComesFirst() throws Exception {
    wm.stubFor(get("/pypi/pkg/json").willReturn(okJson(VERSIONS)));
    try (PypiJsonIndex index =
        new PypiJsonIndex(wm.baseUrl() + "/pypi", fast().token("t0k").tokenUser("aws").build())) {
      index.versions(ProjectName.of("pkg"));
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/pypi/pkg/json"))
            .withBasicAuth(new BasicCredentials("aws", "t0k")));
    wm.resetRequests();
    String withUser = wm.baseUrl().replace("//", "//olga:pw@") + "/pypi";
    try (PypiJsonIndex index = new PypiJsonIndex(withUser, fast().token("t0k").build())) {
      index.versions(ProjectName.of("pkg"));
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/pypi/pkg/json"))
            .withBasicAuth(new BasicCredentials("olga", "pw")));
  }

  @Test
  void netrcAppliesToTheMatchingHostOnly() throws Exception {
    netrc("machine localhost login nico password n3tpw\nmachine 127.0.0.1 login x password y\n");
    wm.stubFor(get("/simple/pkg/").willReturn(aResponse().withStatus(500)));
    try (SimpleIndex index = new SimpleIndex(wm.baseUrl() + "/simple/", fast().build())) {
      assertThatThrownBy(() -> index.versions(ProjectName.of("pkg")))
          .isInstanceOf(IndexException.class)
          .satisfies(
              e -> assertThat(e.getMessage()).doesNotContain("n3tpw").doesNotContain("nico"));
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/simple/pkg/"))
            .withBasicAuth(new BasicCredentials("nico", "n3tpw")));
    wm.resetRequests();
    netrc("machine elsewhere.invalid login nico password n3tpw\n");
    try (SimpleIndex index = new SimpleIndex(wm.baseUrl() + "/simple/", fast().build())) {
      assertThatThrownBy(() -> index.versions(ProjectName.of("pkg")));
    }
    wm.verify(getRequestedFor(urlEqualTo("/simple/pkg/")).withoutHeader("Authorization"));
  }

  @Test
  void tokenBeatsNetrcAndABrokenNetrcIsIgnored() throws Exception {
    netrc("machine localhost login nico password n3tpw");
    wm.stubFor(get("/pypi/pkg/json").willReturn(okJson(VERSIONS)));
    try (PypiJsonIndex index =
        new PypiJsonIndex(wm.baseUrl() + "/pypi", fast().token("tk").build())) {
      index.versions(ProjectName.of("pkg"));
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/pypi/pkg/json"))
            .withBasicAuth(new BasicCredentials("__token__", "tk")));
    wm.resetRequests();
    netrc("machine localhost login nico password");
    try (PypiJsonIndex index = new PypiJsonIndex(wm.baseUrl() + "/pypi", fast().build())) {
      index.versions(ProjectName.of("pkg"));
    }
    wm.verify(getRequestedFor(urlEqualTo("/pypi/pkg/json")).withoutHeader("Authorization"));
  }

  @Test
  void tokenDoesNotFollowADownloadToAnotherOrigin() throws Exception {
    netrc("machine 127.0.0.1 login store password st0re");
    String elsewhere = "http://127.0.0.1:" + wm.getPort() + "/store/pkg-1.0.tar.gz";
    wm.stubFor(
        get("/files/pkg-1.0.tar.gz")
            .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
    wm.stubFor(
        get("/store/pkg-1.0.tar.gz")
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("sdist")));
    ReleaseFile file =
        ReleaseFile.builder("pkg-1.0.tar.gz", wm.baseUrl() + "/files/pkg-1.0.tar.gz").build();
    try (SimpleIndex index =
        new SimpleIndex(wm.baseUrl() + "/simple/", fast().token("t0k3n").build())) {
      index.download(file, dir.resolve("pkg-1.0.tar.gz"));
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/files/pkg-1.0.tar.gz"))
            .withBasicAuth(new BasicCredentials("__token__", "t0k3n")));
    // the other origin gets its own netrc entry, never the index's token
    wm.verify(
        getRequestedFor(urlEqualTo("/store/pkg-1.0.tar.gz"))
            .withBasicAuth(new BasicCredentials("store", "st0re")));
  }
}
