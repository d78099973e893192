package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pyhermetic.index.ReleaseFile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading PEP 503 pages made to be slow: tags that are never closed, attributes that never end.
 * Each page gives its links in one pass; the timeout only guards against a hang (a reader that
 * searched the rest of the page again from every unclosed tag took minutes on these pages).
 */
class SimplePageTest {
  private static final URI PAGE = URI.create("https://index.example/simple/x/");
  private static final String LINK = "<a href=\"x-1.0.tar.gz#sha256=aa\">x-1.0.tar.gz</a>";
  private static final List<String> JUST_LINK = List.of("x-1.0.tar.gz");

  static Stream<Arguments> hostilePages() {
    String huge = "a".repeat(1_000_000);
    return Stream.of(
        arguments("8,192 unclosed <a>", LINK + "<a>".repeat(8_192), JUST_LINK),
        arguments("100,000 unclosed <a>", LINK + "<a>".repeat(100_000), JUST_LINK),
        // the first <a> has no href, and its text runs to the one </a>
        arguments("100,000 unclosed <a> before a link", "<a>".repeat(100_000) + LINK, List.of()),
        arguments("100,000 <a href= without >", LINK + "<a href=".repeat(100_000), JUST_LINK),
        arguments("100,000 <a> with an unclosed </a", LINK + "<a></a ".repeat(100_000), JUST_LINK),
        // an attribute whose quote is not closed has no value, so the link has no href
        arguments(
            "50,000 unclosed double quotes",
            "<a href=\"y-1.0.tar.gz>y</a>".repeat(50_000) + LINK,
            JUST_LINK),
        arguments(
            "50,000 unclosed single quotes",
            "<a href='y-1.0.tar.gz>y</a>".repeat(50_000) + LINK,
            JUST_LINK),
        arguments(
            "a 1,000,000-character attribute",
            "<a href=\"" + huge + ".tar.gz\"></a>",
            List.of(huge + ".tar.gz")),
        arguments(
            "a 1,000,000-character attribute with an unclosed quote",
            "<a href=\"" + huge + ">x</a>" + LINK,
            JUST_LINK),
        arguments(
            "100,000 unclosed tags in a link's text",
            "<a href=\"x-1.0.tar.gz\">" + "<b".repeat(100_000) + "</a>",
            List.of("<b".repeat(100_000))),
        arguments("100,000 <base href= without >", LINK + "<base href=".repeat(100_000), JUST_LINK),
        arguments("100,000 entities without ;", LINK + "<a>" + "&amp".repeat(100_000), JUST_LINK));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePages")
  void readsAHostilePageInOnePass(String shape, String html, List<String> filenames) {
    SimplePage page =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SimplePage.parseHtml(PAGE, html));

    assertThat(page.files()).extracting(ReleaseFile::filename).isEqualTo(filenames);
  }

  @Test
  void keepsTheLinkBeforeUnclosedTags() {
    SimplePage page = SimplePage.parseHtml(PAGE, LINK + "<a>".repeat(8_192));

    ReleaseFile file = page.files().get(0);
    assertThat(file.url()).isEqualTo("https://index.example/simple/x/x-1.0.tar.gz");
    assertThat(file.sha256()).contains("aa");
  }
}
