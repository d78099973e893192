package io.pyhermetic.lockfile;

import java.net.URI;
import java.net.URISyntaxException;

/** URL helpers for lock files. */
final class LockUrls {
  private LockUrls() {}

  /** The last segment of a URL's path, as Python's {@code urlparse(url).path} gives it. */
  static String lastSegment(String url) {
    String path;
    try {
      path = new URI(url).getRawPath();
    } catch (URISyntaxException e) {
      path = null;
    }
    if (path == null) {
      // urlparse splits off the query and fragment even from text URI rejects
      String rest = url;
      int cut = indexOfAny(rest, '?', '#');
      rest = cut < 0 ? rest : rest.substring(0, cut);
      int scheme = rest.indexOf("://");
      if (scheme >= 0) {
        int slash = rest.indexOf('/', scheme + 3);
        rest = slash < 0 ? "" : rest.substring(slash);
      }
      path = rest;
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
