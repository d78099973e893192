package io.pyhermetic.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.Schemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code pyhermetic audit --vulnerabilities} over a directory index with an OSV mirror. */
class AuditVulnerabilitiesCommandTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path temp;
  private Path links;
  private Path requirements;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void setUp() throws IOException {
    links = Files.createDirectory(temp.resolve("links"));
    String pure = Distributions.metadata("purelib", "1.0", ">=3.8", List.of());
    Distributions.wheel(links, "purelib", "1.0", "py3-none-any", pure);
    Distributions.sdist(
        links, "purelib", "1.0", Distributions.Format.TAR_GZ, pure, Map.of("setup.py", ""));
    requirements = Files.writeString(temp.resolve("requirements-x86_64.txt"), "purelib==1.0\n");
    wm.stubFor(
        post("/v1/querybatch")
            .withRequestBody(
                equalToJson(
                    "{\"queries\":[{\"package\":{\"name\":\"purelib\",\"ecosystem\":\"PyPI\"},"
                        + "\"version\":\"1.0\"}]}"))
            .willReturn(okJson("{\"results\":[{\"vulns\":[{\"id\":\"GHSA-aaaa-bbbb-cccc\"}]}]}")));
    wm.stubFor(
        get("/v1/vulns/GHSA-aaaa-bbbb-cccc")
            .willReturn(
                okJson(
                    "{\"id\":\"GHSA-aaaa-bbbb-cccc\",\"summary\":\"purelib leaks\","
                        + "\"aliases\":[\"CVE-2026-0001\"],\"database_specific\":{\"severity\":\"HIGH\"},"
                        + "\"affected\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"purelib\"},"
                        + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},"
                        + "{\"fixed\":\"1.0.1\"}]}]}]}")));
  }

  private int run(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                requirements.toString(),
                "--find-links",
                links.toString(),
                "--no-cache",
                "--retries",
                "0",
                "--osv-url",
                wm.baseUrl()));
    args.addAll(List.of(extra));
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(
        args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void reportsFindingsAndTheFixWithoutChangingTheExitCode() {
    assertThat(run("--vulnerabilities")).isEqualTo(0);
    assertThat(out.toString())
        .contains("requirements-x86_64.txt:1: purelib 1.0: 1 known vulnerability, fixed in 1.0.1")
        .contains("GHSA-aaaa-bbbb-cccc (CVE-2026-0001): fixed in 1.0.1: purelib leaks")
        .contains("known vulnerabilities (osv: 1 pin, 1 finding): purelib 1.0");
  }

  @Test
  void onlyProblemsListsVulnerablePins() {
    assertThat(run("--vulnerabilities", "--only-problems")).isEqualTo(0);
    assertThat(out.toString()).contains("purelib  1.0").contains("1 known vulnerability");
  }

  @Test
  void failOnVulnerabilityExitsOne() {
    assertThat(run("--fail-on-vulnerability")).isEqualTo(1);
  }

  @Test
  void anIgnoredFindingDoesNotFailAndAnExpiredRuleIsReported() {
    assertThat(run("--fail-on-vulnerability", "--ignore-vuln", "CVE-2026-0001:2099-01-01"))
        .isEqualTo(0);
    assertThat(run("--fail-on-vulnerability", "--ignore-vuln", "CVE-2026-0001:2020-01-01"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("--ignore-vuln CVE-2026-0001:2020-01-01 expired");
  }

  @Test
  void aFailingServiceIsExitThreeUnlessBestEffort() {
    wm.stubFor(post("/v1/querybatch").willReturn(aResponse().withStatus(503)));
    assertThat(run("--vulnerabilities")).isEqualTo(3);
    assertThat(err.toString()).contains("purelib 1.0: vulnerabilities unknown: osv: ");
    assertThat(out.toString()).contains("1 unknown").doesNotContain("0 findings)");
    assertThat(run("--vulnerabilities", "--vulnerabilities-best-effort")).isEqualTo(0);
    assertThat(err.toString()).contains("warning: purelib 1.0: vulnerabilities unknown");
  }

  @Test
  void sarifIsValidAndLocatedAtThePin() {
    assertThat(run("--format", "sarif")).isEqualTo(0);
    assertThat(Schemas.sarifErrors(out.toString())).isEmpty();
    assertThat(out.toString())
        .contains("\"uri\": \"" + requirements.toString().replace('\\', '/') + "\"")
        .contains("\"startLine\": 1")
        .contains("\"level\": \"error\"");
  }

  @ParameterizedTest
  @CsvSource({
    "--ignore-vuln, 'X:someday', --ignore-vuln: 'someday' in 'X:someday' is neither a date",
    "--vulnerability-service, pypi, the pypi vulnerability service reads PyPI's JSON API",
    "--vulnerability-service, nvd, --vulnerability-service: 'nvd' is neither pypi nor osv",
  })
  void usageErrorsExitTwo(String option, String value, String message) {
    assertThat(run("--vulnerabilities", option, value)).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }
}
