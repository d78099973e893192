package io.pyhermetic.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.advisory.AdvisoryFixtures;
import io.pyhermetic.advisory.AdvisoryLookup;
import io.pyhermetic.advisory.IgnoreRule;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bom.json} with licences and known vulnerabilities (files from a directory index, the
 * advisories from PyPI's JSON API fixtures), against a golden file and the CycloneDX 1.6 schema.
 */
class PrefetcherAdvisoriesTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;
  private Path links;
  private Path source;
  private Path output;

  @BeforeEach
  void fixture() throws IOException {
    links = Files.createDirectory(temp.resolve("links"));
    source = Files.createDirectory(temp.resolve("source"));
    output = temp.resolve("out").resolve("hermeto-output");
    for (String[] pin :
        new String[][] {{"urllib3", "1.26.5"}, {"requests", "2.25.1"}, {"six", "1.16.0"}}) {
      String metadata = Distributions.metadata(pin[0], pin[1], null, List.of());
      Distributions.wheel(links, pin[0], pin[1], "py3-none-any", metadata);
      Distributions.sdist(links, pin[0], pin[1], Distributions.Format.TAR_GZ, metadata, Map.of());
    }
    Files.writeString(
        source.resolve("pyproject.toml"),
        "[project]\nname = \"app\"\nversion = \"1.0\"\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        source.resolve("requirements.txt"),
        "urllib3==1.26.5\nrequests==2.25.1\nsix==1.16.0\n",
        StandardCharsets.UTF_8);
    AdvisoryFixtures.stubPypi(wm);
  }

  private PrefetchResult prefetch(boolean bestEffort) {
    IndexSettings settings =
        IndexSettings.builder().noCache().maxTries(1).noToken().noNetrc().build();
    try (PypiJsonIndex advisories = new PypiJsonIndex(wm.baseUrl() + "/pypi", settings);
        AdvisoryLookup lookup =
            AdvisoryLookup.builder()
                .pypi(advisories)
                .ignore(
                    List.of(IgnoreRule.parse("CVE-2024-35195:2099-12-31:requires_configuration")))
                .build()) {
      return new Prefetcher(
              new LocalIndex(links),
              PrefetchOptions.builder().cacheDirectory(temp.resolve("cache")).build())
          .withClock(CLOCK)
          .withAdvisories(lookup, bestEffort)
          .prefetch("{\"type\": \"pip\"}", source, output);
    }
  }

  @Test
  void theSbomCarriesLicencesAndVexEntries() throws IOException {
    PrefetchResult result = prefetch(false);
    assertThat(result.written()).as(result.toString()).isTrue();
    String bom = Files.readString(output.resolve("bom.json"), StandardCharsets.UTF_8);
    assertThat(Schemas.cycloneDxErrors(bom)).isEmpty();
    Path golden = Path.of("src/test/resources/advisory/golden/bom.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, bom, StandardCharsets.UTF_8);
    }
    assertThat(bom).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(bom)
        .contains("\"expression\": \"MIT\"")
        .contains("\"expression\": \"Apache-2.0\"")
        .contains("\"state\": \"not_affected\"")
        .contains("\"justification\": \"requires_configuration\"")
        .contains("\"state\": \"exploitable\"")
        .contains("\"ref\": \"pkg:pypi/urllib3@1.26.5\"");
  }

  @Test
  void aServiceThatFailsWritesNothingUnlessBestEffort() {
    wm.stubFor(get("/pypi/six/1.16.0/json").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> prefetch(false))
        .isInstanceOf(PrefetchException.class)
        .hasMessageContaining("six==1.16.0: pypi: ");
    assertThat(output).doesNotExist();
    PrefetchResult result = prefetch(true);
    assertThat(result.written()).isTrue();
  }
}
