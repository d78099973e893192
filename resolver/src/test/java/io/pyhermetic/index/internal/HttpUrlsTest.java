package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUrlsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://host:/simple/              | an empty port in the URL",
        "idx.example/simple/               | the URL has no scheme (such as https://)",
        "ftp://idx.example/simple/         | not an http or https URL",
        "file:///srv/simple/               | not an http or https URL",
        "http:///simple/                   | no valid host in the URL",
        "http://idx example/simple/        | not a valid URL",
        "http://u:p@host:/simple/          | an empty port in the URL",
        "http://host:99999999999/          | no valid host in the URL",
      })
  void rejectsWhatIsNotAnAbsoluteHttpUrlWithoutQuotingIt(String url, String reason) {
    assertThatThrownBy(() -> HttpUrls.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(reason);
  }

  @ParameterizedTest
  @CsvSource({
    "https://idx.example/simple/",
    "http://127.0.0.1:8080/simple/",
    "HTTPS://u:p%40ss@Idx.Example:443/pypi",
    "http://[::1]:3141/root/pypi/+simple/"
  })
  void acceptsAbsoluteHttpUrls(String url) {
    assertThat(HttpUrls.parse(url)).isEqualTo(URI.create(url));
  }

  @Test
  void removesUserInfo() {
    assertThat(HttpUrls.withoutUserInfo(URI.create("https://u:pw@idx.example:8443/s/?q=1")))
        .hasToString("https://idx.example:8443/s/?q=1");
    URI plain = URI.create("https://idx.example/s/");
    assertThat(HttpUrls.withoutUserInfo(plain)).isSameAs(plain);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://u:pw@idx.example/simple/ | https://idx.example/f/a.whl      | https://u:pw@idx.example/f/a.whl",
        "https://u:pw@idx.example/simple/ | https://idx.example:443/f/a.whl  | https://u:pw@idx.example:443/f/a.whl",
        "https://u:pw@idx.example/simple/ | https://idx.example:8443/f/a.whl | https://idx.example:8443/f/a.whl",
        "https://u:pw@idx.example/simple/ | http://idx.example/f/a.whl       | http://idx.example/f/a.whl",
        "https://u:pw@idx.example/simple/ | https://files.example/f/a.whl    | https://files.example/f/a.whl",
        "https://u:pw@idx.example/simple/ | https://v:x@idx.example/f/a.whl  | https://v:x@idx.example/f/a.whl",
        "https://idx.example/simple/      | https://idx.example/f/a.whl      | https://idx.example/f/a.whl",
      })
  void filesInheritTheIndexCredentialsOnItsOriginOnly(String base, String url, String expected) {
    assertThat(HttpUrls.inheritCredentials(base, url)).isEqualTo(expected);
  }
}
