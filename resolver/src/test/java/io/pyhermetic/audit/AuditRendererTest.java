package io.pyhermetic.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.error.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every format says yes, no or unknown, and never claims what the index did not answer. */
class AuditRendererTest {
  private static final String FILE = "requirements.txt";

  private static TargetResult target(Route route, Optional<String> file, int line, String... why) {
    return new TargetResult(
        route,
        file,
        route == Route.UNKNOWN ? Optional.empty() : Optional.of(route == Route.WHEEL),
        List.of(why),
        new Location(FILE, line, 1));
  }

  private static PackageAudit pkg(
      String name,
      int line,
      Optional<String> sdist,
      Optional<String> error,
      boolean indexFailure,
      TargetResult result) {
    Map<String, TargetResult> targets = new LinkedHashMap<>();
    targets.put("x86_64", result);
    return new PackageAudit(
        name,
        "1.0",
        new Location(FILE, line, 1),
        sdist,
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        targets,
        error,
        indexFailure);
  }

  private static final PackageAudit OK =
      pkg(
          "purelib",
          1,
          Optional.of("purelib-1.0.tar.gz"),
          Optional.empty(),
          false,
          target(Route.WHEEL, Optional.of("purelib-1.0-py3-none-any.whl"), 1));
  private static final PackageAudit GONE =
      pkg(
          "gone",
          2,
          Optional.empty(),
          Optional.of("no release gone==1.0 on the index"),
          false,
          target(Route.NONE, Optional.empty(), 2, "no project gone on the index"));
  private static final PackageAudit FLAKY =
      pkg(
          "flaky",
          3,
          Optional.empty(),
          Optional.of("flaky==1.0: HTTP 503 after 4 tries (https://bob:pw0rd@idx.example/simple/)"),
          true,
          target(Route.UNKNOWN, Optional.empty(), 3, "HTTP 503 after 4 tries"));

  private static final AuditReport REPORT =
      new AuditReport("3.12", List.of("x86_64"), List.of(OK, GONE, FLAKY));

  @Test
  void textSaysUnknownWhereTheIndexFailed() {
    String text = AuditRenderer.text(REPORT, REPORT.packages(), false);
    assertThat(text.split("\n"))
        .startsWith(
            "package  version  sdist    x86_64",
            "purelib  1.0      yes      wheel",
            "gone     1.0      no       none",
            "flaky    1.0      unknown  unknown");
    assertThat(text)
        .contains("  requirements.txt:3: flaky 1.0: flaky==1.0: HTTP 503 after 4 tries")
        .contains("without sdist (0; 1 unknown)\n")
        .contains("not installable on x86_64 (1; 1 unknown): gone 1.0\n")
        .contains("hash problems (0; 1 unknown)\n")
        .contains("unknown (index failed) (1): flaky 1.0\n")
        .doesNotContain("pw0rd");
  }

  @Test
  void jsonHasNullForWhatIsNotKnown() {
    JsonNode root = AuditorTest.json(AuditRenderer.json(REPORT, REPORT.packages(), "idx"));
    JsonNode packages = root.path("packages");
    assertThat(packages.get(0).path("has_sdist").asBoolean()).isTrue();
    assertThat(packages.get(1).path("has_sdist").isBoolean()).isTrue();
    assertThat(packages.get(1).path("has_sdist").asBoolean()).isFalse();
    JsonNode flaky = packages.get(2);
    assertThat(flaky.path("has_sdist").isNull()).isTrue();
    assertThat(flaky.path("sdist").isNull()).isTrue();
    JsonNode x86 = flaky.path("targets").path("x86_64");
    assertThat(x86.path("install").asText()).isEqualTo("unknown");
    assertThat(x86.path("hermeto_ready").isNull()).isTrue();
    assertThat(x86.path("requirements_file").asText()).isEqualTo(FILE);
    assertThat(x86.path("line").asInt()).isEqualTo(3);
    assertThat(flaky.path("error").asText()).contains("***@idx.example").doesNotContain("pw0rd");
    JsonNode summary = root.path("summary");
    assertThat(summary.path("not_installable").path("x86_64")).hasSize(1);
    assertThat(summary.path("not_installable").path("x86_64").get(0).asText()).isEqualTo("gone");
    assertThat(summary.path("unknown").path("x86_64").get(0).asText()).isEqualTo("flaky");
    assertThat(summary.path("index_failures").get(0).asText()).isEqualTo("flaky");
    assertThat(summary.path("without_sdist")).isEmpty();
    assertThat(summary.path("index_failure").asBoolean()).isTrue();
  }

  @Test
  void markdownAndCsvSayUnknownToo() {
    String markdown = AuditRenderer.markdown(REPORT, REPORT.packages());
    assertThat(markdown)
        .contains("| `gone` | 1.0 | **no** | **none** |\n")
        .contains("| `flaky` | 1.0 | unknown | unknown |\n")
        .contains("- unknown (index failed) (1): flaky 1.0\n")
        .contains("- `requirements.txt:3`: flaky 1.0: flaky==1.0: HTTP 503 after 4 tries")
        .doesNotContain("pw0rd");
    List<Map<String, String>> csv =
        AuditorTest.csvRecords(AuditRenderer.csv(REPORT, REPORT.packages()));
    assertThat(csv)
        .extracting(r -> r.get("has_sdist"), r -> r.get("x86_64_install"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("yes", "wheel"),
            org.assertj.core.groups.Tuple.tuple("no", "none"),
            org.assertj.core.groups.Tuple.tuple("unknown", "unknown"));
    assertThat(csv.get(2).get("x86_64_hermeto_ready")).isEmpty();
  }

  @Test
  void withoutFailuresTheSummaryClaimsEveryCount() {
    AuditReport clean = new AuditReport("3.12", List.of("x86_64"), List.of(OK, GONE));
    assertThat(AuditRenderer.summaryText(clean))
        .contains("without sdist (0)\n")
        .contains("not installable on x86_64 (1): gone 1.0\n")
        .endsWith("unknown (index failed) (0)\n")
        .doesNotContain("; ");
  }
}
