package io.pyhermetic.index;

import io.pyhermetic.index.internal.HttpUrls;
import io.pyhermetic.text.Redaction;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where packages come from: a PyPI-style JSON API, a simple (PEP 503/691) index, or a find-links
 * directory. {@link #toString()} redacts credentials.
 *
 * @param kind which kind of index
 * @param location the base URL, or the directory path for {@link Kind#FIND_LINKS}; a URL that is
 *     not an absolute http(s) one with a host (and a port, when it has a colon) is an {@link
 *     IllegalArgumentException}
 */
public record IndexLocation(Kind kind, String location) {
  /** The variables that name a simple index, in the order they are consulted. */
  public static final java.util.List<String> INDEX_URL_VARIABLES =
      java.util.List.of("PIP_INDEX_URL", "UV_INDEX_URL");

  /** The kinds of index. */
  public enum Kind {
    /** A JSON API such as PyPI's {@code /pypi}. */
    JSON_API,
    /** A PEP 503/691 simple index. */
    SIMPLE,
    /** A flat directory of distribution files. */
    FIND_LINKS
  }

  /**
   * Checks that neither part is null, that the location is not blank, and that a URL parses.
   *
   * @param kind which kind of index
   * @param location the base URL, or the directory path for {@link Kind#FIND_LINKS}; a URL that is
   *     not an absolute http(s) one with a host (and a port, when it has a colon) is an {@link
   *     IllegalArgumentException}
   */
  public IndexLocation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("empty index location");
    }
    if (kind != Kind.FIND_LINKS) {
      try {
        HttpUrls.parse(location.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid index URL " + Redaction.redact(location) + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * A JSON API base URL such as {@code https://pypi.org/pypi}.
   *
   * @param url the base URL
   * @return the location
   */
  public static IndexLocation jsonApi(String url) {
    return new IndexLocation(Kind.JSON_API, url);
  }

  /**
   * A simple index base URL such as {@code https://pypi.org/simple/}.
   *
   * @param url the base URL
   * @return the location
   */
  public static IndexLocation simple(String url) {
    return new IndexLocation(Kind.SIMPLE, url);
  }

  /**
   * A flat directory of distribution files.
   *
   * @param directory the directory
   * @return the location
   */
  public static IndexLocation findLinks(Path directory) {
    return new IndexLocation(Kind.FIND_LINKS, directory.toString());
  }

  /**
   * PyPI's JSON API, the default when nothing else is named.
   *
   * @return PyPI's JSON API
   */
  public static IndexLocation pypi() {
    return jsonApi(PypiJsonIndex.DEFAULT_BASE_URL);
  }

  /**
   * The index a URL names: a path whose last segment is {@code pypi} is a JSON API (as in {@code
   * https://pypi.org/pypi}); anything else is a simple index, as pip reads {@code --index-url}.
   *
   * @param url the index URL
   * @return the location
   */
  public static IndexLocation ofUrl(String url) {
    String path;
    try {
      path = Optional.ofNullable(HttpUrls.parse(url.trim()).getPath()).orElse("");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid index URL " + Redaction.redact(url) + ": " + e.getMessage(), e);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    boolean json = path.toLowerCase(Locale.ROOT).endsWith("/pypi");
    return json ? jsonApi(url.trim()) : simple(url.trim());
  }

  /**
   * {@code url} when given ({@link #ofUrl}); else the first of {@code PIP_INDEX_URL} and {@code
   * UV_INDEX_URL} set in {@code environment} (a simple index, as pip and uv read them); else {@link
   * #pypi()}.
   *
   * @param url the URL given on the command line, if any
   * @param environment the environment variables
   * @return the location
   */
  public static IndexLocation resolve(Optional<String> url, Map<String, String> environment) {
    if (url.isPresent() && !url.get().isBlank()) {
      return ofUrl(url.get());
    }
    for (String variable : INDEX_URL_VARIABLES) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        return simple(value.trim());
      }
    }
    return pypi();
  }

  /**
   * The directory of a {@link Kind#FIND_LINKS} location.
   *
   * @return the directory
   */
  public Path directory() {
    if (kind != Kind.FIND_LINKS) {
      throw new IllegalStateException(kind + " has no directory");
    }
    return Path.of(location);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
        + " "
        + Redaction.redact(location);
  }
}
