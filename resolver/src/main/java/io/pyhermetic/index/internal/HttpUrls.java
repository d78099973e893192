package io.pyhermetic.index.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Parsing http(s) URLs and moving credentials in and out of them; one home for each. */
public final class HttpUrls {
  private HttpUrls() {}

  /**
   * {@code url} as an absolute {@code http} or {@code https} URL with a host; anything else (no
   * scheme, another scheme, an empty or invalid port such as {@code http://host:/}, spaces) is an
   * {@link IllegalArgumentException} whose message says what is wrong, without the URL.
   *
   * @param url the URL
   * @return the parsed URI
   */
  public static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.isEmpty()) {
      throw new IllegalArgumentException("the URL has no scheme (such as https://)");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("no valid host in the URL");
    }
    if (uri.getRawAuthority().endsWith(":")) {
      throw new IllegalArgumentException("an empty port in the URL");
    }
    return uri;
  }

  /**
   * {@code uri} without its user-info.
   *
   * @param uri the URI
   * @return the URI without user-info
   */
  public static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    try {
      return new URI(
          uri.getScheme(),
          null,
          uri.getHost(),
          uri.getPort(),
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid URL", e);
    }
  }

  /**
   * {@code url} with the user-info of {@code base} added when both have the same origin and {@code
   * url} has none: files on a private index need the index's credentials.
   *
   * @param base the index's URL
   * @param url a URL on its pages
   * @return the URL, with credentials where they belong
   */
  public static String inheritCredentials(String base, String url) {
    try {
      URI from = new URI(base);
      URI to = new URI(url);
      if (from.getRawUserInfo() == null || to.getRawUserInfo() != null || !Origin.same(from, to)) {
        return url;
      }
      int start = url.indexOf("://") + 3;
      return url.substring(0, start) + from.getRawUserInfo() + "@" + url.substring(start);
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
