package io.pyhermetic.index.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the {@code Authorization} header for a request comes from when its URL carries no
 * user-info. Looked up for every request, redirects included (the exchange sends nothing to an
 * origin that a redirect reached on a host first seen on another origin), so each origin gets only
 * its own credentials.
 */
@FunctionalInterface
public interface Credentials {
  /** No credentials for any URL. */
  Credentials NONE = uri -> Optional.empty();

  /**
   * The {@code Authorization} header value for {@code uri} (which has no user-info), if any.
   *
   * @param uri the request's URI
   * @return the header value, or empty
   */
  Optional<String> authorization(URI uri);

  /**
   * A basic {@code Authorization} header value.
   *
   * @param user the user name
   * @param password the password
   * @return the header value
   */
  static String basic(String user, String password) {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The basic {@code Authorization} of a URL's raw (percent-encoded) user-info.
   *
   * @param rawUserInfo the user-info, percent-encoded
   * @return the header value
   */
  static String basic(String rawUserInfo) {
    int colon = rawUserInfo.indexOf(':');
    String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
    String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
    return basic(decode(user), decode(password));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * A token for the index's own origin (as basic auth with {@code tokenUser}), else the netrc entry
   * for the request's host; the netrc {@code default} entry only for the index's own origin. The
   * URL's user-info, handled by the transport, comes before both.
   *
   * @param indexUrl the index's URL
   * @param token the token, if any
   * @param tokenUser the user a token is sent with
   * @param netrc the netrc file, if any
   * @return the credentials
   */
  static Credentials forIndex(
      String indexUrl, Optional<String> token, String tokenUser, Optional<Netrc> netrc) {
    Optional<URI> index;
    try {
      index = Optional.of(HttpUrls.withoutUserInfo(new URI(indexUrl)));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      index = Optional.empty();
    }
    Optional<URI> origin = index;
    return uri -> {
      boolean isIndex = origin.isPresent() && Origin.same(origin.get(), uri);
      if (token.isPresent() && isIndex) {
        return Optional.of(basic(tokenUser, token.get()));
      }
      if (uri.getHost() == null || netrc.isEmpty()) {
        return Optional.empty();
      }
      return netrc
          .get()
          .machine(uri.getHost())
          .or(() -> isIndex ? netrc.get().fallback() : Optional.empty())
          .map(e -> basic(e.login(), e.password()));
    };
  }
}
