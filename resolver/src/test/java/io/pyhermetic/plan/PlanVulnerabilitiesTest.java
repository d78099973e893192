package io.pyhermetic.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.advisory.AdvisoryFixtures;
import io.pyhermetic.advisory.AdvisoryOptions;
import io.pyhermetic.advisory.VulnerabilityService;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.IndexSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The plan's "Known vulnerabilities" over PyPI's JSON API fixtures. */
class PlanVulnerabilitiesTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path source;

  @BeforeEach
  void setUp() throws IOException {
    AdvisoryFixtures.stubPypi(wm);
    Files.writeString(source.resolve("requirements-x86_64.txt"), "urllib3==1.26.5\nsix==1.16.0\n");
  }

  private PlanRequest.Builder request() {
    return PlanRequest.builder()
        .requirementsFile(source.resolve("requirements-x86_64.txt"))
        .index(IndexLocation.jsonApi(wm.baseUrl() + "/pypi"))
        .indexSettings(IndexSettings.builder().noCache().maxTries(1).noToken().noNetrc().build())
        .sourceDirectory(source)
        .outputDirectory(source.resolve("plan"));
  }

  @Test
  void onByDefaultForTheJsonApi() {
    PlanResult plan = Planner.plan(request().build());
    assertThat(plan.planMarkdown())
        .contains("## Known vulnerabilities\n\nAsked: pypi. 1 of 2 pins checked have 3 known")
        .contains(
            "| `urllib3` | 1.26.5 | [GHSA-34jh-p97f-mpxf](https://osv.dev/vulnerability/GHSA-34jh-p97f-mpxf)"
                + " (CVE-2024-37891): urllib3's Proxy-Authorization request header isn't stripped")
        .contains(" | 1.26.19 |\n");
    assertThat(plan.files().get(PlanFiles.AUDIT_JSON))
        .contains("\"vulnerabilities\"")
        .contains("\"fix_version\": \"1.26.19\"");
    // known vulnerabilities do not make the build fail
    assertThat(plan.findings()).noneMatch(f -> f.message().contains("GHSA"));
  }

  @Test
  void offWhenAsked() {
    PlanResult plan = Planner.plan(request().vulnerabilities(false).build());
    assertThat(plan.planMarkdown())
        .contains("## Known vulnerabilities\n\nNot checked: turned off (`--no-vulnerabilities`).");
    assertThat(plan.files().get(PlanFiles.AUDIT_JSON)).doesNotContain("\"vulnerabilities\"");
  }

  @Test
  void aFailingServiceFailsThePlanUnlessBestEffort() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
    AdvisoryOptions osv =
        AdvisoryOptions.builder()
            .services(List.of(VulnerabilityService.PYPI, VulnerabilityService.OSV))
            .osvUrl(Optional.of(wm.baseUrl() + "/osv"))
            .build();
    PlanResult failed = Planner.plan(request().vulnerabilities(osv).build());
    assertThat(failed.status()).isEqualTo(PlanResult.Status.INDEX_FAILURE);
    assertThat(failed.findings(Finding.Kind.INDEX))
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("six 1.16.0: vulnerabilities unknown: osv: "));
    AdvisoryOptions bestEffort = osv.toBuilder().bestEffort(true).build();
    PlanResult plan = Planner.plan(request().vulnerabilities(bestEffort).build());
    assertThat(plan.status()).isNotEqualTo(PlanResult.Status.INDEX_FAILURE);
    assertThat(plan.planMarkdown()).contains("Not known for 2 pins (the service failed)");
  }
}
