package io.pyhermetic.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.advisory.AdvisoryFixtures;
import io.pyhermetic.advisory.AdvisoryLookup;
import io.pyhermetic.advisory.IgnoreRule;
import io.pyhermetic.advisory.VulnerabilityService;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.testdata.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit with known vulnerabilities, from PyPI's JSON API fixtures, in every format against
 * golden files under {@code /advisory/golden/} (rewrite them with {@code -Dgolden.update=true}).
 */
class AuditVulnerabilitiesTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String X86 = "urllib3==1.26.5\nrequests==2.25.1\nsix==1.16.0\njinja2==2.11.2\n";
  static final String ARM =
      "six==1.16.0\nurllib3==1.26.5\ncolorama==0.4.6 ; sys_platform == \"win32\"\n";

  static AuditReport audit(String baseUrl) {
    return audit(baseUrl, List.of(), Optional.empty());
  }

  static AuditReport audit(
      String baseUrl, List<VulnerabilityService> services, Optional<String> osvUrl) {
    RequirementsFileParser parser = new RequirementsFileParser();
    Map<String, List<Entry>> byTarget = new LinkedHashMap<>();
    byTarget.put("x86_64", parser.parse(X86, "requirements-x86_64.txt").allEntries());
    byTarget.put("aarch64", parser.parse(ARM, "requirements-aarch64.txt").allEntries());
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put("x86_64", Target.linux("x86_64", "3.12"));
    targets.put("aarch64", Target.linux("aarch64", "3.12"));
    IndexSettings settings =
        IndexSettings.builder().noCache().maxTries(1).noToken().noNetrc().build();
    try (CachingIndex index = new CachingIndex(new PypiJsonIndex(baseUrl + "/pypi", settings));
        AdvisoryLookup lookup =
            AdvisoryLookup.forIndex(
                    index,
                    services,
                    osvUrl,
                    settings,
                    List.of(
                        IgnoreRule.parse("GHSA-9wx4-h78v-vm56:2099-12-31:requires_configuration"),
                        IgnoreRule.parse("PYSEC-2021-66:2020-01-01")))
                .orElseThrow()) {
      return new Auditor(index, targets, t -> Optional.empty())
          .withAdvisories(lookup)
          .audit(byTarget);
    }
  }

  static final Map<String, Function<AuditReport, String>> FORMATS =
      Map.of(
          "txt", r -> AuditRenderer.text(r, r.packages(), false),
          "json", r -> AuditRenderer.json(r, r.packages(), "https://pypi.example/pypi"),
          "md", r -> AuditRenderer.markdown(r, r.packages()),
          "csv", r -> AuditRenderer.csv(r, r.packages()),
          "sarif", r -> SarifRenderer.sarif(r, r.packages(), "test"));

  @ParameterizedTest
  @ValueSource(strings = {"txt", "json", "md", "csv", "sarif"})
  void rendersEveryFormatAsItsGoldenFile(String format) throws IOException {
    AdvisoryFixtures.stubPypi(wm);
    AuditReport report = audit(wm.baseUrl());
    assertGolden("audit." + format, FORMATS.get(format).apply(report));
  }

  @Test
  void findingsAreValuesOnTheReport() {
    AdvisoryFixtures.stubPypi(wm);
    AuditReport report = audit(wm.baseUrl());
    assertThat(report.vulnerable())
        .extracting(PackageAudit::name)
        .containsExactly("urllib3", "requests", "jinja2");
    PackageAudit requests = report.vulnerable().get(1);
    var found = report.vulnerabilitiesOf(requests).orElseThrow();
    assertThat(found.ignored()).extracting(v -> v.id()).containsExactly("GHSA-9wx4-h78v-vm56");
    assertThat(found.fixVersion().map(Object::toString)).contains("2.31.0");
    assertThat(report.vulnerabilities().orElseThrow().expiredIgnores())
        .extracting(IgnoreRule::id)
        .containsExactly("PYSEC-2021-66");
    // a pin on no target is not asked about
    assertThat(
            report
                .vulnerabilities()
                .orElseThrow()
                .of(io.pyhermetic.index.Release.of("colorama", "0.4.6")))
        .isEmpty();
  }

  @Test
  void sarifIsValidSarif210() {
    AdvisoryFixtures.stubPypi(wm);
    String sarif = SarifRenderer.sarif(audit(wm.baseUrl()), List.of(), "test");
    assertThat(Schemas.sarifErrors(sarif)).isEmpty();
    AuditReport report = audit(wm.baseUrl());
    assertThat(Schemas.sarifErrors(SarifRenderer.sarif(report, report.packages(), "test")))
        .isEmpty();
  }

  @Test
  void aServiceThatFailsLeavesThePinUnknownNeverClean() {
    AdvisoryFixtures.stubPypi(wm);
    // the index answers, OSV does not
    wm.stubFor(post("/osv/v1/querybatch").willReturn(aResponse().withStatus(503)));
    AuditReport report =
        audit(
            wm.baseUrl(),
            List.of(VulnerabilityService.PYPI, VulnerabilityService.OSV),
            Optional.of(wm.baseUrl() + "/osv"));
    assertThat(report.vulnerabilitiesUnknown())
        .extracting(PackageAudit::name)
        .containsExactly("urllib3", "requests", "six", "jinja2");
    String text = AuditRenderer.text(report, report.packages(), false);
    assertThat(text).contains("six 1.16.0: vulnerabilities unknown: osv: ").contains("4 unknown");
    String sarif = SarifRenderer.sarif(report, report.packages(), "test");
    assertThat(sarif).contains("\"executionSuccessful\": false");
    assertThat(Schemas.sarifErrors(sarif)).isEmpty();
  }

  @Test
  void aReleaseTheIndexLacksIsAnIndexErrorNotAnUnknownVulnerability() {
    AdvisoryFixtures.stubPypi(wm);
    wm.stubFor(get("/pypi/six/1.16.0/json").willReturn(aResponse().withStatus(404)));
    AuditReport report = audit(wm.baseUrl());
    assertThat(report.errors()).extracting(PackageAudit::name).contains("six");
    assertThat(report.vulnerabilitiesUnknown()).isEmpty();
  }

  @Test
  void thePypiServiceReadsTheDocumentsTheAuditFetchesWithoutAskingAgain(@TempDir Path cache) {
    AdvisoryFixtures.stubPypi(wm);
    IndexSettings settings =
        IndexSettings.builder().cache(cache).maxTries(1).noToken().noNetrc().build();
    RequirementsFileParser parser = new RequirementsFileParser();
    List<Entry> entries = parser.parse(X86, "requirements-x86_64.txt").allEntries();
    try (CachingIndex index =
            new CachingIndex(new PypiJsonIndex(wm.baseUrl() + "/pypi", settings));
        AdvisoryLookup lookup =
            AdvisoryLookup.forIndex(index, List.of(), Optional.empty(), settings, List.of())
                .orElseThrow()) {
      AuditReport report =
          new Auditor(
                  index, Map.of("x86_64", Target.linux("x86_64", "3.12")), t -> Optional.empty())
              .withAdvisories(lookup)
              .audit(entries);
      assertThat(report.vulnerable()).hasSize(3);
    }
    // shared while in flight, else answered by the response cache the request filled
    for (String release :
        List.of("urllib3/1.26.5", "requests/2.25.1", "six/1.16.0", "jinja2/2.11.2")) {
      wm.verify(1, getRequestedFor(urlEqualTo("/pypi/" + release + "/json")));
    }
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path golden = Path.of("src/test/resources/advisory/golden").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
