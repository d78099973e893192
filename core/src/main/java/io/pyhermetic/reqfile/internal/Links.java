package io.pyhermetic.reqfile.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pip's rules for URLs and file names on requirement lines. */
public final class Links {
  /** The VCS schemes pip 23.2.1 registers, in its order. */
  public static final List<String> VCS_SCHEMES =
      List.of(
          "bzr+http",
          "bzr+https",
          "bzr+ssh",
          "bzr+sftp",
          "bzr+ftp",
          "bzr+lp",
          "bzr+file",
          "git+http",
          "git+https",
          "git+ssh",
          "git+git",
          "git+file",
          "hg+file",
          "hg+http",
          "hg+https",
          "hg+ssh",
          "hg+static-http",
          "svn+ssh",
          "svn+http",
          "svn+https",
          "svn+svn",
          "svn+file");

  private static final List<String> ARCHIVE_EXTENSIONS =
      List.of(
          ".zip",
          ".whl",
          ".tar.bz2",
          ".tbz",
          ".tar.xz",
          ".txz",
          ".tlz",
          ".tar.lz",
          ".tar.lzma",
          ".tar.gz",
          ".tgz",
          ".tar");

  private static final Pattern EGG = Pattern.compile("[#&]egg=([^&]*)");

  // pip's Wheel.wheel_file_re
  private static final Pattern WHEEL =
      Pattern.compile(
          "(?<namever>(?<name>[^\\s-]+?)-(?<ver>[^\\s-]*?))((-(?<build>\\d[^-]*?))?"
              + "-(?<pyver>[^\\s-]+?)-(?<abi>[^\\s-]+?)-(?<plat>[^\\s-]+?)\\.whl|\\.dist-info)");

  private Links() {}

  /**
   * pip's {@code is_url}: the text before the first colon names a known scheme.
   *
   * @param name the name
   * @return whether the name is a URL
   */
  public static boolean isUrl(String name) {
    int colon = name.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String scheme = name.substring(0, colon).toLowerCase(Locale.ROOT);
    return scheme.equals("http")
        || scheme.equals("https")
        || scheme.equals("file")
        || scheme.equals("ftp")
        || VCS_SCHEMES.contains(scheme);
  }

  /**
   * The scheme of a URL, lower case.
   *
   * @param url the url
   * @return the scheme of a URL, lower case
   */
  public static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a URL's scheme is one of pip's VCS schemes.
   *
   * @param url the url
   * @return whether a URL's scheme is one of pip's VCS schemes
   */
  public static boolean isVcs(String url) {
    return VCS_SCHEMES.contains(scheme(url));
  }

  /**
   * The {@code #egg=} value of a URL.
   *
   * @param url the url
   * @return the {@code #egg=} value of a URL
   */
  public static Optional<String> eggFragment(String url) {
    int hash = url.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    Matcher m = EGG.matcher(url.substring(hash));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The last path segment of a URL, without query and fragment.
   *
   * @param url the url
   * @return the last path segment of a URL, without query and fragment
   */
  public static String filename(String url) {
    String path = url;
    int cut = path.indexOf('#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    cut = path.indexOf('?');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  /**
   * Whether a name ends with one of the archive extensions pip recognises.
   *
   * @param name the name
   * @return whether a name ends with one of the archive extensions pip recognises
   */
  public static boolean isArchive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String extension : ARCHIVE_EXTENSIONS) {
      if (lower.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A wheel file name's project name and version as pip reads them ({@code _} becomes {@code -}).
   *
   * @param filename the filename
   * @return A wheel file name's project name and version as pip reads them
   */
  public static Optional<String[]> wheelNameAndVersion(String filename) {
    Matcher m = WHEEL.matcher(filename);
    if (!m.matches() || !filename.endsWith(".whl")) {
      return Optional.empty();
    }
    return Optional.of(
        new String[] {m.group("name").replace('_', '-'), m.group("ver").replace('_', '-')});
  }

  /**
   * pip's {@code path_to_url}: {@code file://} and the absolute, normalized path, percent-encoded
   * except for unreserved characters and {@code /}; no trailing slash for directories.
   *
   * @param path the path
   * @return the file URL
   */
  public static String pathToUrl(java.nio.file.Path path) {
    String absolute =
        path.toAbsolutePath().normalize().toString().replace(java.io.File.separatorChar, '/');
    StringBuilder out = new StringBuilder("file://");
    if (!absolute.startsWith("/")) {
      out.append('/');
    }
    for (byte b : absolute.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-'
              || c == '~'
              || c == '/';
      if (safe) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * The percent-decoded path of a {@code file:} URL ({@code file:../x} gives {@code ../x}).
   *
   * @param url the url
   * @return the percent-decoded path of a {@code file:} URL
   */
  public static String urlPath(String url) {
    String rest = url.substring(url.indexOf(':') + 1);
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    int cut = rest.indexOf('#');
    if (cut >= 0) {
      rest = rest.substring(0, cut);
    }
    cut = rest.indexOf('?');
    if (cut >= 0) {
      rest = rest.substring(0, cut);
    }
    try {
      return java.net.URLDecoder.decode(
          rest.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return rest;
    }
  }
}
