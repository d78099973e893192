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

  /** pip's {@code is_url}: the text before the first colon names a known scheme. */
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

  /** The scheme of a URL, lower case. */
  public static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  public static boolean isVcs(String url) {
    return VCS_SCHEMES.contains(scheme(url));
  }

  /** The {@code #egg=} value of a URL. */
  public static Optional<String> eggFragment(String url) {
    int hash = url.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    Matcher m = EGG.matcher(url.substring(hash));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The last path segment of a URL, without query and fragment. */
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

  /** Whether a name ends with one of the archive extensions pip recognises. */
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
   */
  public static Optional<String[]> wheelNameAndVersion(String filename) {
    Matcher m = WHEEL.matcher(filename);
    if (!m.matches() || !filename.endsWith(".whl")) {
      return Optional.empty();
    }
    return Optional.of(
        new String[] {m.group("name").replace('_', '-'), m.group("ver").replace('_', '-')});
  }
}
