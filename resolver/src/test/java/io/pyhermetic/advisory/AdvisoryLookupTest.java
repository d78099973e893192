package io.pyhermetic.advisory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.version.Version;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryLookupTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Release URLLIB3 = Release.of("urllib3", "1.26.5");
  static final Release SIX = Release.of("six", "1.16.0");
  static final Release JINJA2 = Release.of("jinja2", "2.11.2");

  static IndexSettings settings() {
    return IndexSettings.builder().noCache().maxTries(1).noToken().noNetrc().build();
  }

  private AdvisoryReport check(AdvisoryLookup.Builder builder, List<Release> releases) {
    try (AdvisoryLookup lookup = builder.today(LocalDate.of(2026, 12, 1)).build()) {
      return lookup.check(releases);
    }
  }

  @Test
  void pypiMergesAliasesDropsWithdrawnAndFindsTheFixOfAll() {
    AdvisoryFixtures.stubPypi(wm);
    try (PypiJsonIndex index = new PypiJsonIndex(wm.baseUrl() + "/pypi", settings())) {
      AdvisoryReport report = check(AdvisoryLookup.builder().pypi(index), List.of(URLLIB3, SIX));
      ReleaseVulnerabilities urllib3 = report.of(URLLIB3).orElseThrow();
      assertThat(urllib3.isChecked()).isTrue();
      // PYSEC-2023-192 and GHSA-v845-jxx5-vc9f are one; the withdrawn entry is gone
      assertThat(urllib3.findings())
          .extracting(Vulnerability::id)
          .containsExactly("GHSA-34jh-p97f-mpxf", "PYSEC-2023-192", "PYSEC-2023-212");
      Vulnerability cookie = urllib3.findings().get(1);
      assertThat(cookie.aliases()).containsExactly("CVE-2023-43804", "GHSA-v845-jxx5-vc9f");
      assertThat(cookie.summary())
          .contains("Cookie HTTP header isn't stripped on cross-origin redirects");
      assertThat(cookie.fixedIn()).containsExactly("1.26.17", "2.0.6");
      assertThat(urllib3.fixVersion()).contains(Version.parse("1.26.19"));
      assertThat(urllib3.license()).contains(new License("MIT", true));
      ReleaseVulnerabilities six = report.of(SIX).orElseThrow();
      assertThat(six.findings()).isEmpty();
      assertThat(six.isChecked()).isTrue();
      assertThat(report.findingCount()).isEqualTo(3);
    }
  }

  @Test
  void osvBatchesThenFetchesEachRecordOnce() {
    AdvisoryFixtures.stubOsv(wm);
    AdvisoryReport report =
        check(
            AdvisoryLookup.builder().osv(wm.baseUrl() + "/osv/", settings()),
            List.of(URLLIB3, SIX, JINJA2));
    assertThat(report.unanswered()).isEmpty();
    ReleaseVulnerabilities urllib3 = report.of(URLLIB3).orElseThrow();
    assertThat(urllib3.findings())
        .extracting(Vulnerability::id)
        .containsExactly("GHSA-34jh-p97f-mpxf", "GHSA-v845-jxx5-vc9f");
    assertThat(urllib3.findings().get(0).ratings())
        .containsExactly(
            new Vulnerability.Rating(
                "CVSSv31",
                Optional.of("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:N/A:N"),
                Optional.of("medium")));
    assertThat(urllib3.fixVersion()).contains(Version.parse("1.26.19"));
    ReleaseVulnerabilities jinja2 = report.of(JINJA2).orElseThrow();
    // only jinja2's own fix, not that of the other project the record names
    assertThat(jinja2.findings().get(0).fixedIn()).containsExactly("3.1.3");
    // a finding without a fix: no version fixes them all
    assertThat(jinja2.fixVersion()).isEmpty();
    assertThat(report.of(SIX).orElseThrow().findings()).isEmpty();
    wm.verify(1, postRequestedFor(urlEqualTo("/osv/v1/querybatch")));
    wm.verify(1, getRequestedFor(urlEqualTo("/osv/v1/vulns/GHSA-34jh-p97f-mpxf")));
  }

  @Test
  void bothServicesMergeByAliasIntoOneFinding() {
    AdvisoryFixtures.stubPypi(wm);
    AdvisoryFixtures.stubOsv(wm);
    try (PypiJsonIndex index = new PypiJsonIndex(wm.baseUrl() + "/pypi", settings())) {
      AdvisoryReport report =
          check(
              AdvisoryLookup.builder().pypi(index).osv(wm.baseUrl() + "/osv", settings()),
              List.of(URLLIB3, SIX, JINJA2));
      ReleaseVulnerabilities jinja2 = report.of(JINJA2).orElseThrow();
      // PYSEC-2099-7 (PyPI) and OSV-2099-1 (OSV) share only the alias CVE-2099-0001
      assertThat(jinja2.findings())
          .extracting(Vulnerability::id)
          .containsExactly("GHSA-h5c8-rqwp-cp95", "PYSEC-2021-66", "PYSEC-2099-7");
      Vulnerability aliasOnly = jinja2.findings().get(2);
      assertThat(aliasOnly.aliases()).containsExactly("CVE-2099-0001", "OSV-2099-1");
      assertThat(aliasOnly.sources()).containsExactly("osv", "pypi");
      assertThat(report.of(URLLIB3).orElseThrow().findings()).hasSize(3);
      assertThat(report.services())
          .containsExactly(VulnerabilityService.PYPI, VulnerabilityService.OSV);
    }
  }

  @Test
  void ignoreRulesApplyUntilTheyExpire() {
    AdvisoryFixtures.stubPypi(wm);
    try (PypiJsonIndex index = new PypiJsonIndex(wm.baseUrl() + "/pypi", settings())) {
      AdvisoryReport report =
          check(
              AdvisoryLookup.builder()
                  .pypi(index)
                  .ignore(
                      List.of(
                          IgnoreRule.parse("CVE-2023-43804:2027-01-31:code_not_reachable"),
                          IgnoreRule.parse("GHSA-34jh-p97f-mpxf:2026-11-30"))),
              List.of(URLLIB3));
      ReleaseVulnerabilities urllib3 = report.of(URLLIB3).orElseThrow();
      assertThat(urllib3.ignored()).extracting(Vulnerability::id).containsExactly("PYSEC-2023-192");
      assertThat(urllib3.findings())
          .extracting(Vulnerability::id)
          .containsExactly("GHSA-34jh-p97f-mpxf", "PYSEC-2023-212");
      assertThat(report.expiredIgnores())
          .extracting(IgnoreRule::id)
          .containsExactly("GHSA-34jh-p97f-mpxf");
      assertThat(urllib3.fixVersion()).contains(Version.parse("1.26.19"));
    }
  }

  @Test
  void aFailingServiceIsAFailureOfEveryReleaseItDidNotAnswer() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
    AdvisoryReport report =
        check(
            AdvisoryLookup.builder().osv(wm.baseUrl() + "/osv", settings()), List.of(URLLIB3, SIX));
    assertThat(report.unanswered()).hasSize(2);
    assertThat(report.of(SIX).orElseThrow().failures().get(0))
        .startsWith("osv: ")
        .contains("HTTP 503");
  }

  @Test
  void aFailingRecordFailsOnlyTheReleasesThatNeedIt() {
    AdvisoryFixtures.stubOsv(wm);
    wm.stubFor(
        get(urlPathMatching("/osv/v1/vulns/GHSA-h5c8-rqwp-cp95"))
            .willReturn(aResponse().withStatus(500)));
    AdvisoryReport report =
        check(
            AdvisoryLookup.builder().osv(wm.baseUrl() + "/osv", settings()),
            List.of(URLLIB3, SIX, JINJA2));
    assertThat(report.unanswered())
        .extracting(ReleaseVulnerabilities::release)
        .containsExactly(JINJA2);
    assertThat(report.of(URLLIB3).orElseThrow().findings()).hasSize(2);
  }

  @Test
  void pagesAreFollowedByTheirToken() {
    wm.stubFor(
        post("/osv/v1/querybatch")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.queries[0].page_token",
                    com.github.tomakehurst.wiremock.client.WireMock.absent()))
            .willReturn(
                okJson(
                    "{\"results\":[{\"vulns\":[{\"id\":\"GHSA-34jh-p97f-mpxf\"}],"
                        + "\"next_page_token\":\"p2\"}]}")));
    wm.stubFor(
        post("/osv/v1/querybatch")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.queries[0].page_token",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("p2")))
            .willReturn(okJson("{\"results\":[{\"vulns\":[{\"id\":\"GHSA-v845-jxx5-vc9f\"}]}]}")));
    AdvisoryFixtures.stubOsv(wm);
    AdvisoryReport report =
        check(AdvisoryLookup.builder().osv(wm.baseUrl() + "/osv", settings()), List.of(URLLIB3));
    assertThat(report.of(URLLIB3).orElseThrow().findings()).hasSize(2);
  }

  @Test
  void osvAnswersAreCachedLikeIndexResponses(@TempDir Path cache) {
    AdvisoryFixtures.stubOsv(wm);
    IndexSettings cached =
        IndexSettings.builder().cache(cache).maxTries(1).noToken().noNetrc().build();
    List<Release> releases = List.of(URLLIB3, SIX, JINJA2);
    check(AdvisoryLookup.builder().osv(wm.baseUrl() + "/osv", cached), releases);
    IndexSettings offline = cached.toBuilder().offline(true).build();
    AdvisoryReport again =
        check(AdvisoryLookup.builder().osv(wm.baseUrl() + "/osv", offline), releases);
    assertThat(again.unanswered()).isEmpty();
    assertThat(again.findingCount()).isEqualTo(4);
    wm.verify(1, postRequestedFor(urlEqualTo("/osv/v1/querybatch")));
  }
}
