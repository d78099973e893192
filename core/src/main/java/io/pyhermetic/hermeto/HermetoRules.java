package io.pyhermetic.hermeto;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.EntryKind;
import io.pyhermetic.reqfile.Include;
import io.pyhermetic.reqfile.Line;
import io.pyhermetic.reqfile.OptionLine;
import io.pyhermetic.reqfile.OptionUse;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.VariableUse;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Specifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Hermeto's pip backend (the snapshot described in {@code spec/hermeto.md} §2) would reject,
 * fail on or silently treat otherwise than pip in one requirements file.
 *
 * <p>Only the file's own entries and options are checked: like Hermeto, this does not follow {@code
 * -r} and {@code -c}; every included file must be listed for Hermeto, and checked, on its own. Hash
 * mode is decided for this file alone. Every finding is reported, not only the first one Hermeto
 * would stop at, in file order, each located at the entry or option at fault. Messages never show
 * credentials embedded in URLs.
 */
public final class HermetoRules {

  /** The option names Hermeto's lexer knows, exactly as they must be written. */
  private static final Set<String> HERMETO_OPTIONS =
      Set.of(
          "--constraint",
          "--extra-index-url",
          "--find-links",
          "--index-url",
          "--no-binary",
          "--only-binary",
          "--requirement",
          "--trusted-host",
          "--use-feature",
          "-c",
          "-f",
          "--hash",
          "-i",
          "-r",
          "--editable",
          "-e",
          "--no-index",
          "--pre",
          "--prefer-binary",
          "--require-hashes");

  private static final Set<String> UNSUPPORTED_OPTIONS =
      Set.of("--extra-index-url", "--no-index", "--find-links", "--only-binary");

  private static final Set<String> IGNORED_OPTIONS =
      Set.of(
          "--requirement",
          "--constraint",
          "--no-binary",
          "--prefer-binary",
          "--pre",
          "--use-feature");

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

  private HermetoRules() {}

  /**
   * Every problem Hermeto would have with {@code file}'s own entries and options, in file order.
   * The list is empty when Hermeto accepts the file as it is.
   */
  public static List<Diagnostic> check(RequirementsFile file) {
    Objects.requireNonNull(file, "file");
    return new Checker(file).run();
  }

  /** How Hermeto classifies an entry. */
  private enum Kind {
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
  private record Classified(
      Entry entry, Kind kind, String url, String scheme, String shown, List<OptionUse> hashUses) {

    /** How many {@code --hash} values the entry has. */
    int hashCount() {
      int count = 0;
      for (List<String> values : entry.hashes().values()) {
        count += values.size();
      }
      return Math.max(count, hashUses.size());
    }
  }

  /** The work of checking one file. */
  private static final class Checker {
    private final RequirementsFile file;
    private final List<Diagnostic> found = new ArrayList<>();

    Checker(RequirementsFile file) {
      this.file = file;
    }

    List<Diagnostic> run() {
      // a first pass finds what the checks depend on (hash mode, a requirement from the index),
      // the second checks line by line; each line's options are read from the parsed line when
      // needed and dropped after, so that neither pass holds the options of the whole file
      String requireHashes = null;
      String firstHash = null;
      String firstUrl = null;
      boolean hasPypi = false;
      for (Line line : file.lines()) {
        List<OptionUse> options = optionsOf(line);
        for (OptionUse use : options) {
          if (requireHashes == null && use.name().equals("--require-hashes")) {
            requireHashes = "--require-hashes on line " + use.location().line();
          }
        }
        if (line instanceof Entry entry) {
          Classified c = classify(entry, options);
          hasPypi |= c.kind() == Kind.PYPI;
          if (firstHash == null && c.hashCount() > 0) {
            firstHash = "the --hash of line " + entry.line();
          }
          if (firstUrl == null && c.kind() == Kind.URL) {
            firstUrl = "the URL requirement on line " + entry.line() + ", which needs a --hash";
          }
        }
      }
      Optional<String> hashMode =
          Optional.ofNullable(
              requireHashes != null ? requireHashes : firstHash != null ? firstHash : firstUrl);
      for (Line line : file.lines()) {
        List<OptionUse> options = optionsOf(line);
        if (line instanceof Entry entry) {
          checkEntry(classify(entry, options), hashMode);
        }
        for (OptionUse use : options) {
          checkOption(use, hasPypi, line instanceof Entry);
        }
      }
      checkEnvironmentVariables();
      List<Diagnostic> sorted = new ArrayList<>(found);
      sorted.sort(
          Comparator.comparingInt((Diagnostic d) -> d.location().line())
              .thenComparingInt(d -> d.location().column()));
      return Collections.unmodifiableList(sorted);
    }

    // ------------------------------------------------------------------ entries

    private Classified classify(Entry entry, List<OptionUse> options) {
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

    /** The options written on a line: of its entry (an editable's too), option line or include. */
    private static List<OptionUse> optionsOf(Line line) {
      if (line instanceof Entry entry) {
        return entry.options();
      } else if (line instanceof OptionLine optionLine) {
        return optionLine.options();
      } else if (line instanceof Include include) {
        return include.options();
      }
      return List.of();
    }

    private void checkEntry(Classified c, Optional<String> hashMode) {
      Entry entry = c.entry();
      switch (c.kind()) {
        case LOCAL:
          report(
              Rule.LOCAL_REQUIREMENT,
              entry.location(),
              q(c.shown())
                  + " is a local "
                  + (entry.isEditable() ? "editable project" : "path")
                  + ", which Hermeto cannot fetch: remove it from the file (uv export emits '-e .':"
                  + " filter it out or use --no-emit-project)");
          break;
        case UNSUPPORTED:
          report(Rule.UNSUPPORTED_SCHEME, entry.location(), unsupportedScheme(c));
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
        report(
            Rule.MISSING_HASH,
            entry.location(),
            q(c.shown())
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
                  report(
                      Rule.MARKER,
                      entry.location(),
                      q(c.shown())
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
            report(
                Rule.WILDCARD_PIN,
                c.entry().location(),
                q(c.shown())
                    + " is a wildcard pin: Hermeto accepts it but then finds no file for version "
                    + q(s.version())
                    + "; pin one exact version ("
                    + requirement.name()
                    + "==<version>)");
          }
          return;
        }
      }
      report(
          Rule.UNPINNED,
          c.entry().location(),
          q(c.shown())
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
      report(
          Rule.UNNAMED_URL,
          c.entry().location(),
          q(c.shown())
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
        report(
            Rule.URL_HASH_COUNT,
            entry.location(),
            q(c.shown())
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
        report(
            Rule.URL_EXTENSION,
            entry.location(),
            "the URL path of "
                + q(c.shown())
                + " does not end with .zip, .tar.gz, .tar.bz2, .tar.xz, .tar.Z, .tar or .whl, so"
                + " Hermeto rejects it: use a URL whose path names the archive file");
      }
    }

    private void checkVcs(Classified c, Optional<String> hashMode) {
      Entry entry = c.entry();
      if (!c.scheme().startsWith("git")) {
        String vcs = c.scheme().contains("+") ? c.scheme().split("\\+", 2)[0] : c.scheme();
        report(
            Rule.VCS_NOT_GIT,
            entry.location(),
            q(c.shown())
                + " uses "
                + vcs
                + ", but Hermeto fetches only git repositories: use a git+https URL with a full"
                + " commit hash, or an https archive URL with one --hash");
      } else if (!GIT_REF.matcher(Urls.split(c.url()).path()).find()) {
        report(
            Rule.VCS_REF,
            entry.location(),
            q(c.shown())
                + " does not end its URL path with '@' and a full 40-hex commit hash, which"
                + " Hermeto requires: replace the ref with the full commit hash");
      }
      if (hashMode.isPresent()) {
        String name = entry.name().map(Object::toString).orElse("<name>");
        report(
            Rule.VCS_IN_HASH_MODE,
            entry.location(),
            q(c.shown())
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
        return q(c.shown())
            + " is a file: URL, which Hermeto does not support: publish the package to an index"
            + " or use an https URL with one --hash";
      }
      if (scheme.equals("git+ssh")) {
        return q(c.shown())
            + " uses git+ssh, which Hermeto does not support (only git, git+http, git+https and"
            + " git+ftp): use the git+https URL of the same repository and commit";
      }
      return q(c.shown())
          + " uses the "
          + q(scheme)
          + " scheme, which Hermeto does not support (not even git+ssh): use http, https or ftp"
          + " with one --hash, or git+https with a full commit hash";
    }

    private void checkHashValues(Classified c) {
      Entry entry = c.entry();
      if (!c.hashUses().isEmpty()) {
        for (OptionUse use : c.hashUses()) {
          String value = use.value().orElse("");
          int colon = value.indexOf(':');
          if (colon < 0 || colon == value.length() - 1) {
            malformedHash(c, value, use.location());
          }
        }
        return;
      }
      for (Map.Entry<String, List<String>> hashes : entry.hashes().entrySet()) {
        for (String digest : hashes.getValue()) {
          if (digest.isEmpty()) {
            malformedHash(c, hashes.getKey() + ":", entry.location());
          }
        }
      }
    }

    private void malformedHash(Classified c, String value, Location location) {
      report(
          Rule.MALFORMED_HASH,
          location,
          "--hash="
              + value
              + " of "
              + q(c.shown())
              + " has no digest, so Hermeto rejects it: write --hash=<algorithm>:<hex digest>");
    }

    // ------------------------------------------------------------------ options

    private void checkOption(OptionUse use, boolean hasPypi, boolean onEntry) {
      String canonical = use.name();
      Optional<String> token = use.written();
      String typedName =
          token
              .map(t -> t.indexOf('=') >= 0 ? t.substring(0, t.indexOf('=')) : t)
              .orElse(canonical);
      String shownName = HERMETO_OPTIONS.contains(typedName) ? typedName : canonical;
      String shown = use.value().map(v -> shownName + " " + v).orElse(shownName);

      if (canonical.equals("--config-settings") || canonical.equals("--global-option")) {
        report(
            Rule.UNKNOWN_OPTION,
            use.location(),
            "Hermeto's requirements parser does not know "
                + q(typedName)
                + " and fails on the file: remove it (Hermeto passes no build options to"
                + " packages)");
      } else if ((typedName.equals("--editable") || typedName.equals("-e"))
          && token.filter(t -> t.indexOf('=') >= 0).isPresent()) {
        report(
            Rule.UNKNOWN_OPTION,
            use.location(),
            "Hermeto's requirements parser takes no value joined to "
                + q(typedName + "=")
                + " and fails on the file: write "
                + q("-e " + use.value().orElse("")));
      } else if (!HERMETO_OPTIONS.contains(typedName)) {
        boolean joinedShort = !typedName.startsWith("--") && typedName.length() > 2;
        report(
            Rule.UNKNOWN_OPTION,
            use.location(),
            "Hermeto's requirements parser does not know the option "
                + q(typedName)
                + " and fails on the file: "
                + (joinedShort
                    ? "write the value after a space, as "
                        + q(typedName.substring(0, 2) + " " + use.value().orElse(""))
                    : "write the full option name " + q(canonical)));
      }

      if (UNSUPPORTED_OPTIONS.contains(canonical)) {
        report(
            Rule.UNSUPPORTED_OPTION,
            use.location(),
            "Hermeto does not support "
                + q(shown)
                + " and fails on the file: "
                + unsupportedHint(canonical));
      } else if (IGNORED_OPTIONS.contains(canonical)) {
        report(Rule.IGNORED_OPTION, use.location(), ignoredMessage(canonical, shown, use));
      } else if (canonical.equals("--index-url") && hasPypi) {
        checkIndexUrl(use);
      } else if (canonical.equals("--hash") && !onEntry) {
        report(
            Rule.OPTION_WITHOUT_REQUIREMENT,
            use.location(),
            q(shown)
                + " is on a line without a requirement, which Hermeto rejects (pip only warns):"
                + " attach it to its requirement with a line continuation, or remove it");
      }
    }

    private static String unsupportedHint(String canonical) {
      switch (canonical) {
        case "--extra-index-url":
          return "serve every package from the one index given with --index-url";
        case "--only-binary":
          return "remove it and choose wheels with the 'binary' object of Hermeto's JSON input";
        default:
          return "remove it; Hermeto fetches from one index, given with --index-url";
      }
    }

    private static String ignoredMessage(String canonical, String shown, OptionUse use) {
      String value = use.value().orElse("");
      switch (canonical) {
        case "--requirement":
          return "Hermeto ignores "
              + q(shown)
              + " and does not read "
              + value
              + ": list "
              + value
              + " in requirements_files of Hermeto's input separately";
        case "--constraint":
          return "Hermeto ignores "
              + q(shown)
              + " and does not read "
              + value
              + ", so its constraints do not apply: pin every package in this file (list "
              + value
              + " in requirements_files of Hermeto's input separately only if all its packages"
              + " should be fetched)";
        case "--no-binary":
        case "--prefer-binary":
          return "Hermeto ignores "
              + q(shown)
              + ": choose wheels or sdists with the 'binary' object of Hermeto's JSON input";
        default:
          return "Hermeto ignores " + q(shown) + ": it has no effect on what Hermeto fetches";
      }
    }

    private void checkIndexUrl(OptionUse use) {
      String url = use.value().orElse("");
      Urls.Parts parts = Urls.split(url);
      String shown = q("--index-url " + Urls.redactUserinfo(url));
      boolean web = parts.scheme().equals("http") || parts.scheme().equals("https");
      if (!web) {
        report(
            Rule.INDEX_URL,
            use.location(),
            shown
                + " must use http or https"
                + (parts.scheme().isEmpty()
                    ? ", got none"
                    // without "//", what Python takes for the scheme may be a user name
                    : url.contains("://") ? ", got " + q(parts.scheme()) : "")
                + ", so Hermeto rejects it: give an https index URL such as"
                + " https://pypi.org/simple/");
      }
      if (web && parts.host().isEmpty()) { // checked after the scheme, as Hermeto does
        report(
            Rule.INDEX_URL,
            use.location(),
            shown
                + " has no host, so Hermeto rejects it: give an https index URL such as"
                + " https://pypi.org/simple/");
      }
      if (parts.userinfo().isPresent()) {
        report(
            Rule.INDEX_URL,
            use.location(),
            shown
                + " embeds credentials, which Hermeto rejects: remove them from the URL and put"
                + " them in .netrc");
      }
    }

    // ------------------------------------------------------------------ text

    private void checkEnvironmentVariables() {
      for (VariableUse variable : file.variableUses()) {
        report(
            Rule.ENV_VAR,
            variable.location(),
            q(variable.written())
                + " is an environment variable, which Hermeto does not expand: it reads the"
                + " text literally; write the value itself");
      }
    }

    private void report(Rule rule, Location location, String message) {
      String oneLine = Urls.redact(message).replaceAll("\\R", " ");
      found.add(new Diagnostic(rule.severity(), rule.id(), location, oneLine));
    }

    private static String q(String text) {
      return "'" + text + "'";
    }
  }
}
