package io.pyhermetic.hermeto;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** URL handling as Hermeto does it with Python's {@code urllib.parse}, and redaction. */
final class Urls {
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

  private Urls() {}

  /** {@code urlsplit}'s parts; the scheme is lower case and empty when there is none. */
  record Parts(String scheme, String netloc, String path, String query, String fragment) {

    /** The user information before the last {@code @} of the netloc, if any. */
    Optional<String> userinfo() {
      int at = netloc.lastIndexOf('@');
      return at < 0 ? Optional.empty() : Optional.of(netloc.substring(0, at));
    }

    /** The host: the netloc without user information and port, lower case. */
    String host() {
      String host = netloc.substring(netloc.lastIndexOf('@') + 1);
      if (host.startsWith("[")) {
        int close = host.indexOf(']');
        return close < 0 ? host.substring(1) : host.substring(1, close);
      }
      int colon = host.indexOf(':');
      if (colon >= 0) {
        host = host.substring(0, colon);
      }
      return host.toLowerCase(Locale.ROOT);
    }
  }

  static Parts split(String url) {
    String scheme = "";
    String rest = url;
    int colon = url.indexOf(':');
    if (colon > 0 && SCHEME.matcher(url.substring(0, colon)).matches()) {
      scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = url.substring(colon + 1);
    }
    String netloc = "";
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (int i = 2; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == '/' || c == '?' || c == '#') {
          end = i;
          break;
        }
      }
      netloc = rest.substring(2, end);
      rest = rest.substring(end);
    }
    String fragment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    return new Parts(scheme, netloc, rest, query, fragment);
  }

  /** The scheme as Hermeto classifies a direct reference: the text before the first colon. */
  static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).trim().toLowerCase(Locale.ROOT);
  }

  /** The URL-unquoted value of the first {@code egg=} item of the fragment, if any. */
  static Optional<String> egg(String url) {
    String fragment = split(url).fragment();
    if (fragment.isEmpty()) {
      return Optional.empty();
    }
    for (String item : fragment.split("&", -1)) {
      int eq = item.indexOf('=');
      if (eq >= 0 && unquote(item.substring(0, eq)).equals("egg")) {
        return Optional.of(unquote(item.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String unquote(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /**
   * One URL with its user information replaced by {@code ***}, also when it has no scheme ({@code
   * user:secret@host/simple}).
   */
  static String redactUserinfo(String url) {
    int marker = url.indexOf("://");
    int start = marker < 0 ? 0 : marker + 3;
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int at = url.lastIndexOf('@', end - 1);
    return at < start ? url : url.substring(0, start) + "***" + url.substring(at);
  }

  /** {@code text} with the user information of every URL in it replaced by {@code ***}. */
  static String redact(String text) {
    return io.pyhermetic.text.Redaction.redact(text);
  }
}
