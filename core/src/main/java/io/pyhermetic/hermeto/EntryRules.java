package io.pyhermetic.hermeto;

import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.EntryKind;
import io.pyhermetic.reqfile.OptionUse;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Specifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hermeto's rules for one entry: how its pip backend classifies it (index, URL, VCS, local,
 * unsupported) and what it would reject or treat otherwise than pip (pins, names, hashes, URLs, VCS
 * references, markers).
 */
final class EntryRules {
  private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp");

  private static final Set<String> VCS_SCHEMES =
      Set.of(
          "bzr",
          "bzr+ftp",
          "bzr+http",
          "bzr+https",
          "git",
          "git+ftp",
          "git+http",
          "git+https",
          "hg",
          "hg+ftp",
          "hg+http",
          "hg+https",
          "svn",
          "svn+ftp",
          "svn+http",
          "svn+https");

  private static final List<String> URL_EXTENSIONS =
      List.of(".zip", ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.Z", ".tar", ".whl");

  private static final Pattern GIT_REF = Pattern.compile("@[a-fA-F0-9]{40}$");
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.\\-]+");

  /** How Hermeto classifies an entry. */
  enum Kind {
    PYPI,
    URL,
    VCS,
    LOCAL,
    UNSUPPORTED
  }

  /**
   * An entry with Hermeto's view of it, and its {@code --hash} options (also those pip does not
   * keep for an editable line, which Hermeto does keep).
   */
  record Classified(
      Entry entry, Kind kind, String url, String scheme, String shown, List<OptionUse> hashUses) {

    /**
     * How many {@code --hash} values the entry has: its {@code --hash} options, of which pip keeps
     * all (as the entry's hashes) except on an editable line.
     */
    int hashCount() {
      return hashUses.size();
    }
  }

  private final Findings findings;

  EntryRules(Findings findings) {
    this.findings = findings;
  }

  Classified classify(Entry entry, List<OptionUse> options) {
    String requirementText = entry.requirementText().strip();
    String shown = entry.kind() == EntryKind.EDITABLE ? "-e " + requirementText : requirementText;
    List<OptionUse> hashes = new ArrayList<>();
    for (OptionUse use : options) {
      if (use.name().equals("--hash")) {
        hashes.add(use);
      }
    }
    if (entry.kind() == EntryKind.PATH) {
      return new Classified(entry, Kind.LOCAL, entry.link().orElse(""), "file", shown, hashes);
    }
    String url;
    if (entry.kind() == EntryKind.REQUIREMENT) {
      Optional<String> direct = entry.requirement().flatMap(Requirement::url);
      if (direct.isEmpty()) {
        return new Classified(entry, Kind.PYPI, "", "", shown, hashes);
      }
      url = direct.get();
    } else {
      url = entry.link().orElse("");
    }
    String scheme = Urls.scheme(url);
    Kind kind;
    if (!SCHEME.matcher(scheme).matches()) {
      kind = Kind.LOCAL; // no scheme: a path
    } else if (scheme.equals("file")) {
      kind = entry.kind() == EntryKind.EDITABLE ? Kind.LOCAL : Kind.UNSUPPORTED;
    } else if (URL_SCHEMES.contains(scheme)) {
      kind = Kind.URL;
    } else if (VCS_SCHEMES.contains(scheme)) {
      kind = Kind.VCS;
    } else {
      kind = Kind.UNSUPPORTED;
    }
    return new Classified(entry, kind, url, scheme, shown, hashes);
  }

  void checkEntry(Classified c, Optional<String> hashMode) {
    Entry entry = c.entry();
    switch (c.kind()) {
      case LOCAL:
        findings.report(
            Rule.LOCAL_REQUIREMENT,
            entry.location(),
            Findings.q(c.shown())
                + " is a local "
                + (entry.isEditable() ? "editable project" : "path")
                + ", which Hermeto cannot fetch: remove it from the file (uv export emits '-e .':"
                + " filter it out or use --no-emit-project)");
        break;
      case UNSUPPORTED:
        findings.report(Rule.UNSUPPORTED_SCHEME, entry.location(), unsupportedScheme(c));
        break;
      case PYPI:
        checkPin(c);
        break;
      case URL:
        checkName(c);
        checkUrl(c);
        break;
      case VCS:
        checkName(c);
        checkVcs(c, hashMode);
        break;
      default:
        throw new AssertionError(c.kind());
    }
    // URL requirements without a hash are url-hash-count findings, VCS ones vcs-in-hash-mode
    if (hashMode.isPresent() && c.hashCount() == 0 && c.kind() == Kind.PYPI) {
      findings.report(
          Rule.MISSING_HASH,
          entry.location(),
          Findings.q(c.shown())
              + " has no --hash, but the file is in hash mode ("
              + hashMode.get()
              + "), where Hermeto needs one on every requirement: add --hash=sha256:<digest> for"
              + " its files (e.g. uv pip compile --generate-hashes)");
    }
    checkHashValues(c);
    entry
        .marker()
        .ifPresent(
            marker ->
                findings.report(
                    Rule.MARKER,
                    entry.location(),
                    Findings.q(c.shown())
                        + " has an environment marker, which Hermeto ignores: it is fetched for"
                        + " every architecture; split the file per architecture (pyhermetic"
                        + " split)"));
  }

  private void checkPin(Classified c) {
    Optional<Requirement> parsed = c.entry().requirement();
    if (parsed.isEmpty()) {
      return;
    }
    Requirement requirement = parsed.get();
    List<Specifier> specifiers = requirement.specifier().specifiers();
    if (specifiers.size() == 1) {
      Specifier s = specifiers.get(0);
      if (s.operator() == Specifier.Operator.ARBITRARY) {
        return;
      }
      if (s.operator() == Specifier.Operator.EQUAL) {
        if (s.isWildcard()) {
          findings.report(
              Rule.WILDCARD_PIN,
              c.entry().location(),
              Findings.q(c.shown())
                  + " is a wildcard pin: Hermeto accepts it but then finds no file for version "
                  + Findings.q(s.version())
                  + "; pin one exact version ("
                  + requirement.name()
                  + "==<version>)");
        }
        return;
      }
    }
    findings.report(
        Rule.UNPINNED,
        c.entry().location(),
        Findings.q(c.shown())
            + " is not pinned: Hermeto needs exactly one == or === specifier; pin it as "
            + requirement.name()
            + "==<version> (e.g. with uv pip compile or pip-compile)");
  }

  private void checkName(Classified c) {
    if (c.entry().kind() == EntryKind.REQUIREMENT) {
      return; // name @ url
    }
    if (Urls.egg(c.url()).filter(egg -> !egg.isBlank()).isPresent()) {
      return;
    }
    findings.report(
        Rule.UNNAMED_URL,
        c.entry().location(),
        Findings.q(c.shown())
            + " has no package name, which Hermeto needs for a direct reference: write it as"
            + " '<name> @ "
            + c.url()
            + "'");
  }

  private void checkUrl(Classified c) {
    Entry entry = c.entry();
    int count = c.hashCount();
    if (count != 1) {
      String fragment = Urls.split(c.url()).fragment();
      boolean fragmentHash =
          fragment.matches("(?s).*\\b(sha\\d+|md5|cachito_hash)=.*") && count == 0;
      findings.report(
          Rule.URL_HASH_COUNT,
          entry.location(),
          Findings.q(c.shown())
              + " has "
              + count
              + " --hash option"
              + (count == 1 ? "" : "s")
              + ", but Hermeto needs exactly one for a URL requirement"
              + (fragmentHash ? " (the hash in the URL fragment does not count)" : "")
              + ": "
              + (count == 0
                  ? "add --hash=sha256:<digest of the file>"
                  : "keep only the one of the file the URL points to"));
    }
    String path = Urls.split(c.url()).path();
    if (URL_EXTENSIONS.stream().noneMatch(path::endsWith)) {
      findings.report(
          Rule.URL_EXTENSION,
          entry.location(),
          "the URL path of "
              + Findings.q(c.shown())
              + " does not end with .zip, .tar.gz, .tar.bz2, .tar.xz, .tar.Z, .tar or .whl, so"
              + " Hermeto rejects it: use a URL whose path names the archive file");
    }
  }

  private void checkVcs(Classified c, Optional<String> hashMode) {
    Entry entry = c.entry();
    if (!c.scheme().startsWith("git")) {
      String vcs = c.scheme().contains("+") ? c.scheme().split("\\+", 2)[0] : c.scheme();
      findings.report(
          Rule.VCS_NOT_GIT,
          entry.location(),
          Findings.q(c.shown())
              + " uses "
              + vcs
              + ", but Hermeto fetches only git repositories: use a git+https URL with a full"
              + " commit hash, or an https archive URL with one --hash");
    } else if (!GIT_REF.matcher(Urls.split(c.url()).path()).find()) {
      findings.report(
          Rule.VCS_REF,
          entry.location(),
          Findings.q(c.shown())
              + " does not end its URL path with '@' and a full 40-hex commit hash, which"
              + " Hermeto requires: replace the ref with the full commit hash");
    }
    if (hashMode.isPresent()) {
      String name = entry.name().map(Object::toString).orElse("<name>");
      findings.report(
          Rule.VCS_IN_HASH_MODE,
          entry.location(),
          Findings.q(c.shown())
              + " is a VCS requirement in a file in hash mode ("
              + hashMode.get()
              + "), which Hermeto rejects: use '"
              + name
              + " @ https://…/<commit>.tar.gz --hash=sha256:…' or move it to a file without"
              + " hashes");
    }
  }

  private String unsupportedScheme(Classified c) {
    String scheme = c.scheme();
    if (scheme.equals("file")) {
      return Findings.q(c.shown())
          + " is a file: URL, which Hermeto does not support: publish the package to an index"
          + " or use an https URL with one --hash";
    }
    if (scheme.equals("git+ssh")) {
      return Findings.q(c.shown())
          + " uses git+ssh, which Hermeto does not support (only git, git+http, git+https and"
          + " git+ftp): use the git+https URL of the same repository and commit";
    }
    return Findings.q(c.shown())
        + " uses the "
        + Findings.q(scheme)
        + " scheme, which Hermeto does not support (not even git+ssh): use http, https or ftp"
        + " with one --hash, or git+https with a full commit hash";
  }

  private void checkHashValues(Classified c) {
    for (OptionUse use : c.hashUses()) {
      String value = use.value().orElse("");
      int colon = value.indexOf(':');
      if (colon < 0 || colon == value.length() - 1) {
        malformedHash(c, value, use.location());
      }
    }
  }

  private void malformedHash(Classified c, String value, Location location) {
    findings.report(
        Rule.MALFORMED_HASH,
        location,
        "--hash="
            + value
            + " of "
            + Findings.q(c.shown())
            + " has no digest, so Hermeto rejects it: write --hash=<algorithm>:<hex digest>");
  }
}
