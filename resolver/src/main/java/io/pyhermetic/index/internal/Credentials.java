package io.pyhermetic.index.internal;

import java.net.URI;
import java.util.Optional;

/**
 * Where the {@code Authorization} header for a request comes from when its URL carries no
 * user-info. Looked up for every request, redirects included, so each origin gets only its own
 * credentials.
 */
@FunctionalInterface
public interface Credentials {
  /** No credentials for any URL. */
  Credentials NONE = uri -> Optional.empty();

  /** The {@code Authorization} header value for {@code uri} (which has no user-info), if any. */
  Optional<String> authorization(URI uri);

  /** A basic {@code Authorization} header value. */
  static String basic(String user, String password) {
    String pair = user + ":" + password;
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * A token for the index's own origin (as basic auth with {@code tokenUser}), else the netrc entry
   * for the request's host. The URL's user-info, handled by the transport, comes before both.
   */
  static Credentials forIndex(
      String indexUrl, Optional<String> token, String tokenUser, Optional<Netrc> netrc) {
    URI index;
    try {
      index = HttpTransport.withoutUserInfo(new URI(indexUrl));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      index = null;
    }
    URI origin = index;
    return uri -> {
      if (token.isPresent()
          && origin != null
          && origin.getHost() != null
          && HttpTransport.sameOrigin(origin, uri)) {
        return Optional.of(basic(tokenUser, token.get()));
      }
      return netrc
          .flatMap(n -> uri.getHost() == null ? Optional.empty() : n.lookup(uri.getHost()))
          .map(e -> basic(e.login(), e.password()));
    };
  }
}
