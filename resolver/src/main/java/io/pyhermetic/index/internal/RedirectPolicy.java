package io.pyhermetic.index.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.protocol.RedirectStrategy;
import org.apache.hc.client5.http.utils.URIUtils;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Which redirects are followed and where to: HttpClient's {@link DefaultRedirectStrategy} decides
 * whether a response redirects, and its {@link URIUtils#resolve} resolves the {@code Location} (RFC
 * 3986); this adds a limit on hops, keeps to http(s), drops any user-info in the target, and says
 * which method the next request uses ({@code 303}, and {@code 301}/{@code 302} after a {@code
 * POST}, continue as {@code GET}). Credentials are not carried: the exchange looks them up again
 * for each origin.
 */
final class RedirectPolicy {
  /** A redirect that is not followed; the message says why. */
  static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  private final RedirectStrategy strategy = DefaultRedirectStrategy.INSTANCE;
  private final int maxRedirects;

  RedirectPolicy(int maxRedirects) {
    this.maxRedirects = maxRedirects;
  }

  static boolean isRedirectStatus(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Where {@code response} to {@code request} redirects, when it is a redirect to follow after
   * {@code redirects} hops so far; empty when it is not a redirect.
   */
  Optional<URI> next(HttpRequest request, HttpResponse response, int redirects)
      throws RefusedException {
    int status = response.getCode();
    if (!isRedirectStatus(status)) {
      return Optional.empty();
    }
    if (response.getFirstHeader("Location") == null) {
      throw new RefusedException("HTTP " + status + " redirect without a Location header");
    }
    if (redirects >= maxRedirects) {
      throw new RefusedException("more than " + maxRedirects + " redirects");
    }
    URI next;
    try {
      if (!strategy.isRedirected(request, response, HttpCoreContext.create())) {
        return Optional.empty();
      }
      // RFC 3986 resolution; the strategy's own getLocationURI normalises "./?q" to "/?q"
      next =
          HttpUrls.withoutUserInfo(
              URIUtils.resolve(
                  request.getUri(), response.getFirstHeader("Location").getValue().trim()));
    } catch (HttpException | URISyntaxException | IllegalArgumentException e) {
      throw new RefusedException("HTTP " + status + " redirect to an invalid Location");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedException("HTTP " + status + " redirect to a non-HTTP URL");
    }
    return Optional.of(next);
  }

  /** The method of the request that follows a redirect with {@code status}. */
  static String methodAfter(String method, int status) {
    if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
      return "GET";
    }
    return method;
  }
}
