package io.pyhermetic.prefetch.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * {@code pkg:pypi/…} package URLs written as Hermeto's purl library writes them: the name
 * lower-case with {@code _} as {@code -}, qualifiers sorted by key, and every part percent-encoded
 * except letters, digits, {@code -._~}, {@code /} and {@code :} (so {@code git+…@…} reads {@code
 * git%2B…%40…}).
 *
 * <p>Written here rather than with packageurl-java: that library also encodes {@code :} and {@code
 * /} in qualifier values, so its purls would differ from Hermeto's byte for byte.
 */
public final class Purl {
  private Purl() {}

  /**
   * @param name the project name (normalised here as the purl type {@code pypi} requires)
   * @param version the version as written, when there is one
   * @param qualifiers the qualifiers, unencoded
   * @param subpath a path inside the package's source, when not its root
   * @return the purl, percent-encoded where the purl specification requires
   */
  public static String pypi(
      String name,
      Optional<String> version,
      SortedMap<String, String> qualifiers,
      Optional<String> subpath) {
    StringBuilder out =
        new StringBuilder("pkg:pypi/")
            .append(quote(name.toLowerCase(Locale.ROOT).replace('_', '-')));
    version.ifPresent(v -> out.append('@').append(quote(v)));
    if (!qualifiers.isEmpty()) {
      StringJoiner joined = new StringJoiner("&", "?", "");
      for (Map.Entry<String, String> q : qualifiers.entrySet()) {
        joined.add(q.getKey() + "=" + quote(q.getValue()));
      }
      out.append(joined);
    }
    subpath
        .filter(s -> !s.isEmpty())
        .ifPresent(
            s -> {
              StringJoiner segments = new StringJoiner("/", "#", "");
              for (String segment : s.split("/")) {
                if (!segment.isEmpty() && !segment.equals(".")) {
                  segments.add(quote(segment));
                }
              }
              out.append(segments);
            });
    return out.toString();
  }

  /** Percent-encodes UTF-8 bytes outside {@code A-Za-z0-9-._~/:}. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/:".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
