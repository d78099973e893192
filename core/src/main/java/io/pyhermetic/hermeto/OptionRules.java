package io.pyhermetic.hermeto;

import io.pyhermetic.reqfile.OptionUse;
import java.util.Optional;
import java.util.Set;

/**
 * Hermeto's rules for the options of a requirements file: the names its lexer knows (as written),
 * the options it does not support or ignores, and its checks of {@code --index-url}.
 */
final class OptionRules {
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

  private final Findings findings;

  OptionRules(Findings findings) {
    this.findings = findings;
  }

  void checkOption(OptionUse use, boolean hasPypi, boolean onEntry) {
    String canonical = use.name();
    Optional<String> token = use.written();
    String typedName =
        token.map(t -> t.indexOf('=') >= 0 ? t.substring(0, t.indexOf('=')) : t).orElse(canonical);
    String shownName = HERMETO_OPTIONS.contains(typedName) ? typedName : canonical;
    String shown = use.value().map(v -> shownName + " " + v).orElse(shownName);

    if (canonical.equals("--config-settings") || canonical.equals("--global-option")) {
      findings.report(
          Rule.UNKNOWN_OPTION,
          use.location(),
          "Hermeto's requirements parser does not know "
              + Findings.q(typedName)
              + " and fails on the file: remove it (Hermeto passes no build options to"
              + " packages)");
    } else if ((typedName.equals("--editable") || typedName.equals("-e"))
        && token.filter(t -> t.indexOf('=') >= 0).isPresent()) {
      findings.report(
          Rule.UNKNOWN_OPTION,
          use.location(),
          "Hermeto's requirements parser takes no value joined to "
              + Findings.q(typedName + "=")
              + " and fails on the file: write "
              + Findings.q("-e " + use.value().orElse("")));
    } else if (!HERMETO_OPTIONS.contains(typedName)) {
      boolean joinedShort = !typedName.startsWith("--") && typedName.length() > 2;
      findings.report(
          Rule.UNKNOWN_OPTION,
          use.location(),
          "Hermeto's requirements parser does not know the option "
              + Findings.q(typedName)
              + " and fails on the file: "
              + (joinedShort
                  ? "write the value after a space, as "
                      + Findings.q(typedName.substring(0, 2) + " " + use.value().orElse(""))
                  : "write the full option name " + Findings.q(canonical)));
    }

    if (UNSUPPORTED_OPTIONS.contains(canonical)) {
      findings.report(
          Rule.UNSUPPORTED_OPTION,
          use.location(),
          "Hermeto does not support "
              + Findings.q(shown)
              + " and fails on the file: "
              + unsupportedHint(canonical));
    } else if (IGNORED_OPTIONS.contains(canonical)) {
      findings.report(Rule.IGNORED_OPTION, use.location(), ignoredMessage(canonical, shown, use));
    } else if (canonical.equals("--index-url") && hasPypi) {
      checkIndexUrl(use);
    } else if (canonical.equals("--hash") && !onEntry) {
      findings.report(
          Rule.OPTION_WITHOUT_REQUIREMENT,
          use.location(),
          Findings.q(shown)
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
            + Findings.q(shown)
            + " and does not read "
            + value
            + ": list "
            + value
            + " in requirements_files of Hermeto's input separately";
      case "--constraint":
        return "Hermeto ignores "
            + Findings.q(shown)
            + " and does not read "
            + value
            + ", so its constraints do not apply: pin every package in this file (list "
            + value
            + " in requirements_files of Hermeto's input separately only if all its packages"
            + " should be fetched)";
      case "--no-binary":
      case "--prefer-binary":
        return "Hermeto ignores "
            + Findings.q(shown)
            + ": choose wheels or sdists with the 'binary' object of Hermeto's JSON input";
      default:
        return "Hermeto ignores "
            + Findings.q(shown)
            + ": it has no effect on what Hermeto fetches";
    }
  }

  private void checkIndexUrl(OptionUse use) {
    String url = use.value().orElse("");
    Urls.Parts parts = Urls.split(url);
    String shown = Findings.q("--index-url " + Urls.redactUserinfo(url));
    boolean web = parts.scheme().equals("http") || parts.scheme().equals("https");
    if (!web) {
      findings.report(
          Rule.INDEX_URL,
          use.location(),
          shown
              + " must use http or https"
              + (parts.scheme().isEmpty()
                  ? ", got none"
                  // without "//", what Python takes for the scheme may be a user name
                  : url.contains("://") ? ", got " + Findings.q(parts.scheme()) : "")
              + ", so Hermeto rejects it: give an https index URL such as"
              + " https://pypi.org/simple/");
    }
    if (web && parts.host().isEmpty()) { // checked after the scheme, as Hermeto does
      findings.report(
          Rule.INDEX_URL,
          use.location(),
          shown
              + " has no host, so Hermeto rejects it: give an https index URL such as"
              + " https://pypi.org/simple/");
    }
    if (parts.userinfo().isPresent()) {
      findings.report(
          Rule.INDEX_URL,
          use.location(),
          shown
              + " embeds credentials, which Hermeto rejects: remove them from the URL and put"
              + " them in .netrc");
    }
  }
}
