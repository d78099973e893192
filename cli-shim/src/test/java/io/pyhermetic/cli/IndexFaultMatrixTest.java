package io.pyhermetic.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.testdata.FixtureServer;
import io.pyhermetic.testdata.IndexFault;
import io.pyhermetic.testdata.OfflineSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an index fails, against every command that reads the index (audit, build-deps,
 * prefetch, plan, lock) on the offline sample served over HTTP. Each command first runs through a
 * healthy proxy in front of the sample's index, which gives its output and exit code; then with the
 * fault. A fault that goes away is retried silently: the same exit code and output. A fault that
 * stays ends with exit code 3, one line per failing project naming the project and its redacted
 * URL, and the previous output untouched. A project the index does not have (404, 410) is the
 * index's answer: a finding, never exit code 3.
 */
class IndexFaultMatrixTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "fault-matrix-cli-s3cret";

  // the sample's index, served by one server for the whole table
  @TempDir static Path sample;
  private static FixtureServer fixture;

  @TempDir Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @BeforeAll
  static void serveTheSample() {
    OfflineSample.write(sample);
    fixture = FixtureServer.start(sample.resolve("index"), 0);
  }

  @AfterAll
  static void stopServing() {
    fixture.close();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private static ResponseDefinitionBuilder proxy() {
    return aResponse().proxiedFrom(fixture.url());
  }

  /** Serves {@code fault} in front of the sample's index; returns the index URL. */
  private String install(IndexFault fault) {
    return fault.install(
        new IndexFault.Stage(
            wm.getRuntimeInfo().getWireMock(),
            wm.baseUrl(),
            "purelib",
            proxy(),
            fixture.url(),
            servers::add));
  }

  /** Every request answered by {@code response}. */
  private void always(ResponseDefinitionBuilder response) {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  static Stream<Arguments> cells() {
    return Stream.of(IndexFault.values())
        .flatMap(
            f ->
                Stream.of("audit", "build-deps", "prefetch", "plan", "lock")
                    .map(c -> Arguments.of(c, f)));
  }

  private List<String> args(String command, String index, String timeout) {
    Path x86 = project.resolve("requirements-x86_64.txt");
    Path arm = project.resolve("requirements-aarch64.txt");
    Path output = project.resolve("out");
    List<String> args =
        new ArrayList<>(
            switch (command) {
              case "audit" -> List.of("audit", x86.toString(), arm.toString(), "--no-hermeto");
              case "build-deps" ->
                  List.of(
                      "build-deps",
                      x86.toString(),
                      arm.toString(),
                      "--skip-missing-sdist",
                      "-o",
                      output.resolve("requirements-build.txt").toString());
              case "prefetch" ->
                  List.of(
                      "prefetch",
                      "[{\"type\": \"pip\", \"requirements_files\": [\"requirements-x86_64.txt\"],"
                          + " \"binary\": {\"packages\": \":all:\", \"arch\": \"x86_64\","
                          + " \"py_version\": 312}}]",
                      "--source",
                      project.toString(),
                      "--download-cache",
                      project.resolve("cache").toString(),
                      "--force",
                      "-o",
                      output.toString());
              case "plan" ->
                  List.of(
                      "plan",
                      x86.toString(),
                      arm.toString(),
                      "--source",
                      project.toString(),
                      "-o",
                      output.toString());
              case "lock" ->
                  List.of(
                      "lock",
                      project.resolve("requirements.in").toString(),
                      "--target",
                      "x86_64",
                      "--target",
                      "aarch64",
                      "-o",
                      output.toString());
              default -> throw new IllegalArgumentException(command);
            });
    args.addAll(
        List.of(
            "--simple-index",
            index.replace("://", "://u:" + SECRET + "@"),
            "--no-cache",
            "--retries",
            "1",
            "--timeout",
            timeout));
    if (!command.equals("lock")) {
      args.add("--quiet");
    }
    return args;
  }

  private int run(List<String> args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Pyhermetic.run(
        args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Every file under {@code out} by its digest; the SBOM, whose timestamp varies, only whole. */
  private Map<String, String> output() throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path root = project.resolve("out");
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        String name = root.relativize(f).toString();
        if (name.equals("bom.json")) {
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
          files.put(name, "a complete JSON document");
        } else {
          files.put(name, new String(bytes, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  // a line about one project: "pyhermetic CMD: NAME[==VERSION]: ... (URL)"
  private static final Pattern PROJECT_LINE = Pattern.compile("/simple/([a-z0-9-]+)/");

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cells")
  void aFaultIsRetriedSilentlyOrEndsWithExitThreeOneRedactedLinePerProjectAndNothingWritten(
      String command, IndexFault fault) throws IOException {
    OfflineSample.write(project);
    Files.writeString(
        project.resolve("requirements.in"), "abipkg\nnvlib ; platform_machine == \"x86_64\"\n");
    always(proxy());
    int healthy = run(args(command, wm.baseUrl() + "/simple/", "30"));
    assertThat(healthy).as("through a healthy proxy: %s", err).isIn(0, 1);
    String healthyErr = err.toString();
    String healthyOut = out.toString();
    Map<String, String> previous = output();

    String index = install(fault);
    int code = run(args(command, index, fault.hangs() ? "1" : "30"));
    String messages = err.toString();
    assertThat(out + messages).doesNotContain(SECRET).doesNotContain("Exception");
    switch (fault.outcome()) {
      case SILENT_RETRY -> {
        assertThat(code)
            .as(
                "%s%nafter the fault:%n%s%nhealthy:%n%s%nrequests:%n%s",
                messages,
                out,
                healthyOut,
                wm.getAllServeEvents().stream()
                    .map(
                        e ->
                            e.getRequest().getUrl()
                                + " "
                                + e.getResponse().getStatus()
                                + " "
                                + e.getWasMatched())
                    .toList())
            .isEqualTo(healthy);
        assertThat(messages).isEqualTo(healthyErr);
        assertThat(output()).isEqualTo(previous);
      }
      case NOT_FOUND -> assertThat(code).as(messages).isEqualTo(1);
      case INDEX_FAILURE -> {
        assertThat(code).as(messages).isEqualTo(3);
        // prefetch tells its failures in its report, the others on stderr
        String told = command.equals("prefetch") ? out.toString() : messages;
        List<String> lines = told.lines().filter(l -> l.contains("/simple/")).toList();
        assertThat(lines).as(told).isNotEmpty();
        List<String> projects = new ArrayList<>();
        for (String line : lines) {
          Matcher named = PROJECT_LINE.matcher(line);
          assertThat(named.find()).as(line).isTrue();
          // the credential is masked (***@) or left out
          assertThat(line).doesNotContain("u:").contains(" " + named.group(1));
          projects.add(named.group(1));
        }
        assertThat(projects).as("one line per failing project: %s", told).doesNotHaveDuplicates();
        assertThat(output()).isEqualTo(previous);
      }
    }
  }
}
