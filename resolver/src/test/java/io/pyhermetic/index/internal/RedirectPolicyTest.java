package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectPolicyTest {
  private final RedirectPolicy policy = new RedirectPolicy(2);
  private final BasicHttpRequest request =
      new BasicHttpRequest("GET", URI.create("https://idx.example/simple/Foo_Bar/"));

  private static BasicHttpResponse response(int status, String location) {
    BasicHttpResponse response = new BasicHttpResponse(status);
    if (location != null) {
      response.addHeader("Location", location);
    }
    return response;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "301 | /simple/foo-bar/                     | https://idx.example/simple/foo-bar/",
        "302 | ../foo-bar/                          | https://idx.example/simple/foo-bar/",
        "302 | ./?page=2 | https://idx.example/simple/Foo_Bar/?page=2",
        "307 | https://files.example/a              | https://files.example/a",
        "308 | https://u:pw@files.example/a         | https://files.example/a",
        "303 | http://idx.example:8080/simple/x/    | http://idx.example:8080/simple/x/",
      })
  void resolvesTheLocationAndDropsUserInfo(int status, String location, String next)
      throws Exception {
    assertThat(policy.next(request, response(status, location), 0)).contains(URI.create(next));
  }

  @Test
  void otherStatusesAreNoRedirect() throws Exception {
    assertThat(policy.next(request, response(200, null), 0)).isEqualTo(Optional.empty());
    assertThat(policy.next(request, response(304, "/x"), 0)).isEmpty();
    assertThat(policy.next(request, response(404, "/x"), 0)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "302 | none             | 0 | HTTP 302 redirect without a Location header",
        "301 | /again           | 2 | more than 2 redirects",
        "302 | ftp://x.example/ | 0 | HTTP 302 redirect to a non-HTTP URL",
        "302 | 'http://a b/'    | 0 | HTTP 302 redirect to an invalid Location",
      },
      nullValues = "none")
  void refusesWhatCannotBeFollowed(int status, String location, int hops, String reason) {
    assertThatThrownBy(() -> policy.next(request, response(status, location), hops))
        .isInstanceOf(RedirectPolicy.RefusedException.class)
        .hasMessage(reason);
  }

  @ParameterizedTest
  @CsvSource({
    "GET, 301, GET",
    "POST, 301, GET",
    "POST, 302, GET",
    "POST, 303, GET",
    "POST, 307, POST",
    "POST, 308, POST",
    "GET, 303, GET"
  })
  void aSeeOtherAndAMovedPostContinueAsGet(String method, int status, String after) {
    assertThat(RedirectPolicy.methodAfter(method, status)).isEqualTo(after);
  }
}
