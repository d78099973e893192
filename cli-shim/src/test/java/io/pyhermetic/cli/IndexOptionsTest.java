package io.pyhermetic.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The index options every index-reading command shares: URLs, --timeout, --timings (faults: {@link
 * IndexFaultMatrixTest}).
 */
class IndexOptionsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "cli-fault-s3cret";

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(List<String> args) {
    return Pyhermetic.run(
        args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path requirements(String text) throws IOException {
    return Files.writeString(temp.resolve("requirements.txt"), text, StandardCharsets.UTF_8);
  }

  private static String page(String name) {
    return "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \""
        + name
        + "\", \"files\": [{\"filename\": \""
        + name
        + "-1.0-py3-none-any.whl\", \"url\": \"/files/"
        + name
        + "-1.0-py3-none-any.whl\", \"hashes\": {}}]}";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--simple-index | http://idx.example:/simple/ | an empty port in the URL",
        "--simple-index | idx.example/simple/         | the URL has no scheme",
        "--index        | ftp://idx.example/pypi      | not an http or https URL",
        "--timeout      | 0                           | --timeout must be between 1 and 3600",
      })
  void aUrlThatDoesNotParseAndABadTimeoutAreUsageErrors(String option, String value, String message)
      throws IOException {
    Path input = requirements("pkg==1.0\n");
    int code =
        run(List.of("audit", input.toString(), "--target", "x86_64", "--no-cache", option, value));
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(message).doesNotContain("Exception");
  }

  @Test
  void timingsPrintEveryRequestWithTheCriticalPath() throws IOException {
    for (String name : List.of("a", "b")) {
      wm.stubFor(
          get("/simple/" + name + "/")
              .willReturn(okForContentType("application/vnd.pypi.simple.v1+json", page(name))));
    }
    Path input = requirements("a==1.0\nb==1.0\n");
    int code =
        run(
            List.of(
                "audit",
                input.toString(),
                "--target",
                "x86_64",
                "--no-cache",
                "--no-hermeto",
                "--simple-index",
                wm.baseUrl().replace("//", "//u:" + SECRET + "@") + "/simple/",
                "--timings"));
    assertThat(code).as(err.toString()).isIn(0, 1);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0))
        .startsWith("requests: 2 (0 from the cache), wall time ")
        .endsWith(", critical path 1 round trips");
    assertThat(lines.get(1)).contains("start", "took", "status", "tries", "bytes", "request");
    assertThat(lines.subList(2, 4))
        .allSatisfy(l -> assertThat(l).contains(" 200 ", "GET http://***@localhost:"))
        .anySatisfy(l -> assertThat(l).endsWith("/simple/a/"))
        .anySatisfy(l -> assertThat(l).endsWith("/simple/b/"));
    assertThat(err.toString()).doesNotContain(SECRET);
  }
}
