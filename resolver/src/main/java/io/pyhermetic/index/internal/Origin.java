package io.pyhermetic.index.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The scheme, host and port of an absolute URL (RFC 6454), with the scheme's default port filled
 * in: credentials are sent only to the origin they were given for.
 *
 * @param scheme the scheme, lower case
 * @param host the host, lower case
 * @param port the port (the scheme's default when not given)
 */
public record Origin(String scheme, String host, int port) {
  /**
   * The origin of {@code uri}, when it has a scheme and a host.
   *
   * @param uri the URI
   * @return the origin, or empty
   */
  public static Optional<Origin> of(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
  }

  /**
   * Whether two URLs are absolute and share scheme, host and port.
   *
   * @param a a URI
   * @param b another URI
   * @return {@code true} when they share an origin
   */
  public static boolean same(URI a, URI b) {
    Optional<Origin> first = of(a);
    return first.isPresent() && first.equals(of(b));
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
