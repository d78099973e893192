package io.pyhermetic.lockfile;

import java.util.Optional;

/** uv's git source URLs: {@code https://host/repo.git?rev=main&subdirectory=x#<commit>}. */
final class UvGit {
  private UvGit() {}

  static PackageVcs parse(String source) {
    String url = source;
    String commit = "";
    int hash = url.indexOf('#');
    if (hash >= 0) {
      commit = url.substring(hash + 1);
      url = url.substring(0, hash);
    }
    Optional<String> revision = Optional.empty();
    Optional<String> subdirectory = Optional.empty();
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String pair : url.substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        if (key.equals("rev") || key.equals("tag") || key.equals("branch")) {
          revision = Optional.of(value);
        } else if (key.equals("subdirectory")) {
          subdirectory = Optional.of(value);
        }
      }
      url = url.substring(0, query);
    }
    return new PackageVcs(
        "git", Optional.of(url), Optional.empty(), revision, commit, subdirectory);
  }
}
