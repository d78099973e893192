package io.pyhermetic.index;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.error.Problem;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.testdata.IndexFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an index fails, against every operation that reads the index: a retry that succeeds
 * silently, the index's own "not found", or one clear failure per project that names the redacted
 * URL and never the credential. Retries wait for nothing (an immediate sleeper); only the cell of a
 * server that never answers waits, for its one-second timeout.
 */
class FaultMatrixTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // the other host a redirect may lead to: it answers every path with the project page
  @RegisterExtension
  static WireMockExtension mirror =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "fault-matrix-s3cret";
  private static final ResponseDefinitionBuilder PAGE =
      okForContentType(IndexFault.JSON_TYPE, IndexFault.jsonPage("pkg"));

  @TempDir Path work;
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  /** Serves {@code fault}; returns the index base URL (no credentials in it). */
  private String install(IndexFault fault) {
    mirror.resetAll();
    mirror.stubFor(any(anyUrl()).willReturn(PAGE));
    return fault.install(
        new IndexFault.Stage(
            wm.getRuntimeInfo().getWireMock(),
            wm.baseUrl(),
            "pkg",
            PAGE,
            "http://127.0.0.1:" + mirror.getPort(),
            servers::add));
  }

  /** The operations that read the index, each reduced to the outcome for {@code pkg==1.0}. */
  enum Operation {
    AUDIT,
    BUILD_DEPS
  }

  static Stream<Arguments> cells() {
    return Stream.of(IndexFault.values())
        .flatMap(f -> Stream.of(Operation.values()).map(op -> Arguments.of(f, op)));
  }

  /** The outcome for pkg: empty when it was answered, else the failure line. */
  private Outcome run(Operation operation, SimpleIndex index) {
    List<io.pyhermetic.reqfile.Entry> entries =
        RequirementsFile.parse("pkg==1.0\n", "requirements.txt").entries();
    switch (operation) {
      case AUDIT -> {
        Map<String, Target> targets = Map.of("x86_64", Target.linux("x86_64", "3.12"));
        PackageAudit audit =
            new Auditor(index, targets, t -> Optional.empty()).audit(entries).packages().get(0);
        return new Outcome(
            audit.indexFailure(),
            audit.error().orElse(""),
            audit.error().orElse("").matches(".*no (release|project) .*"));
      }
      case BUILD_DEPS -> {
        var result =
            new BuildDepsResolver(index, BuildDepsOptions.builder().workDirectory(work).build())
                .resolve(entries);
        List<Problem> failures = result.errors(BuildDepsCode.INDEX_FAILURE);
        String all = result.errors().stream().map(Problem::message).reduce("", String::concat);
        return new Outcome(
            !failures.isEmpty(),
            failures.isEmpty() ? all : failures.get(0).message(),
            all.matches(".*no (release|project) .*"));
      }
      default -> throw new IllegalStateException();
    }
  }

  record Outcome(boolean indexFailure, String message, boolean notFound) {}

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("cells")
  void eachFaultGivesASilentRetryTheIndexsAnswerOrOneClearRedactedLine(
      IndexFault fault, Operation operation) {
    String base = install(fault).replace("://", "://user:" + SECRET + "@");
    IndexSettings settings =
        IndexSettings.builder()
            .maxTries(2)
            .noNetrc()
            // only the server that never answers should meet the timeout
            .timeout(Duration.ofSeconds(fault.hangs() ? 1 : 30))
            .sleeper((delay, task) -> task.run())
            .build();
    Outcome outcome;
    try (SimpleIndex index = new SimpleIndex(base, settings)) {
      outcome = run(operation, index);
    }
    assertThat(outcome.message()).doesNotContain(SECRET).doesNotContain("Exception");
    switch (fault.outcome()) {
      case SILENT_RETRY -> assertThat(outcome.indexFailure()).as(outcome.message()).isFalse();
      case NOT_FOUND -> {
        assertThat(outcome.indexFailure()).as(outcome.message()).isFalse();
        assertThat(outcome.notFound()).as(outcome.message()).isTrue();
      }
      case INDEX_FAILURE -> {
        assertThat(outcome.indexFailure()).isTrue();
        assertThat(outcome.message())
            .contains(fault.words())
            .contains("/simple/pkg/")
            .doesNotContain("\n");
      }
    }
    if (fault == IndexFault.REDIRECT_ELSEWHERE) {
      // the credential stays with the origin it was given for
      mirror.verify(anyRequestedFor(urlEqualTo("/simple/pkg/")).withoutHeader("Authorization"));
    }
  }
}
