package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.index.internal.Json;
import io.pyhermetic.index.internal.SimplePage;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Fuzz;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property and mutation fuzzing of the index answers (simple-index HTML, PEP 691 JSON, PyPI JSON)
 * with {@link Fuzz}: every body is a page or an {@link IndexException} naming the project and the
 * URL, never another exception.
 */
class IndexParserFuzzTest {
  private static final long SHORT = 4_000;
  private static final URI PAGE = URI.create("https://index.example/simple/sampleproject/");
  private static final ProjectName PROJECT = ProjectName.of("sampleproject");

  private static String resource(String name) {
    try (InputStream in = IndexParserFuzzTest.class.getResourceAsStream("/index/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpTransport.Response response(String type, byte[] body) {
    return new HttpTransport.Response(200, PAGE, Map.of("content-type", List.of(type)), body);
  }

  static Stream<Arguments> targets() {
    List<String> html =
        List.of(
            resource("simple-legacy.html"),
            "<!DOCTYPE html><html><body><a href=\"../../f/x-1.0.tar.gz#sha256=aa\""
                + " data-requires-python=\"&gt;=3.8\" data-yanked=\"\">x-1.0.tar.gz</a></body></html>");
    List<String> pep691 = List.of(resource("simple-beautifulsoup4.json"));
    List<String> pypiJson =
        List.of(
            resource("sampleproject.json"),
            resource("sampleproject-4.0.0.json"),
            resource("yankme-1.0.1.json"));
    return Stream.of(
        Arguments.of(
            "simple-index HTML",
            html,
            (Fuzz.Parser) body -> SimplePage.parse("x", PROJECT, response("text/html", body))),
        Arguments.of(
            "PEP 691 JSON",
            pep691,
            (Fuzz.Parser)
                body ->
                    SimplePage.parse(
                        "x",
                        ProjectName.of("beautifulsoup4"),
                        response("application/vnd.pypi.simple.v1+json", body))),
        Arguments.of(
            "PyPI JSON",
            pypiJson,
            (Fuzz.Parser)
                body -> {
                  JsonNode root = Json.parseObject("x", response("application/json", body));
                  PypiJsonIndex.parseFiles("x", PAGE.toString(), root);
                  PypiJsonIndex.parseMetadata(PROJECT, Version.parse("4.0.0"), root);
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void everyBodyGivesAPageOrAnIndexError(String target, List<String> seeds, Fuzz.Parser parse) {
    Fuzz.Report report =
        Fuzz.run(
            target,
            seeds,
            SHORT,
            IndexException.class,
            e -> e.getMessage().contains(PAGE.toString()),
            parse);
    System.out.println(report);
    assertThat(report.unexpected()).as(report.toString()).isEmpty();
  }
}
