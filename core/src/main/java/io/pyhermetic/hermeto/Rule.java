package io.pyhermetic.hermeto;

import io.pyhermetic.error.Severity;
import java.util.Optional;

/**
 * The checks {@link HermetoRules} runs on a requirements file, each with a stable kebab-case id
 * (the {@code rule} of a {@link io.pyhermetic.error.Diagnostic}), its severity and what it checks.
 * Errors are what Hermeto rejects or cannot fetch; warnings are what it silently handles otherwise
 * than pip.
 */
public enum Rule {
  /** A PyPI requirement must have exactly one specifier, and it must be == or ===. */
  UNPINNED(
      "unpinned",
      Severity.ERROR,
      "A PyPI requirement must have exactly one specifier, and it must be == or ===."),
  /** A ==X.* pin passes Hermeto's validation but then matches no file on the index. */
  WILDCARD_PIN(
      "wildcard-pin",
      Severity.ERROR,
      "A ==X.* pin passes Hermeto's validation but then matches no file on the index."),
  /**
   * In hash mode (--require-hashes, any --hash or any URL requirement) every requirement needs a
   * --hash.
   */
  MISSING_HASH(
      "missing-hash",
      Severity.ERROR,
      "In hash mode (--require-hashes, any --hash or any URL requirement) every requirement needs"
          + " a --hash."),
  /** A URL requirement needs exactly one --hash option; hashes in the URL fragment do not count. */
  URL_HASH_COUNT(
      "url-hash-count",
      Severity.ERROR,
      "A URL requirement needs exactly one --hash option; hashes in the URL fragment do not count."),
  /**
   * A URL requirement's path must end with .zip, .tar.gz, .tar.bz2, .tar.xz, .tar.Z, .tar or .whl.
   */
  URL_EXTENSION(
      "url-extension",
      Severity.ERROR,
      "A URL requirement's path must end with .zip, .tar.gz, .tar.bz2, .tar.xz, .tar.Z, .tar or"
          + " .whl."),
  /** A direct reference needs a name: 'name @ url' or a non-empty #egg= fragment. */
  UNNAMED_URL(
      "unnamed-url",
      Severity.ERROR,
      "A direct reference needs a name: 'name @ url' or a non-empty #egg= fragment."),
  /**
   * Direct references must use http, https, ftp or one of Hermeto's VCS schemes (not file: or
   * git+ssh:).
   */
  UNSUPPORTED_SCHEME(
      "unsupported-scheme",
      Severity.ERROR,
      "Direct references must use http, https, ftp or one of Hermeto's VCS schemes (not file:"
          + " or git+ssh:)."),
  /** Hermeto fetches only git VCS requirements. */
  VCS_NOT_GIT("vcs-not-git", Severity.ERROR, "Hermeto fetches only git VCS requirements."),
  /** A git requirement's URL path must end with @ and a full 40-hex commit hash. */
  VCS_REF(
      "vcs-ref",
      Severity.ERROR,
      "A git requirement's URL path must end with @ and a full 40-hex commit hash."),
  /** Hermeto rejects VCS requirements in a file in hash mode. */
  VCS_IN_HASH_MODE(
      "vcs-in-hash-mode",
      Severity.ERROR,
      "Hermeto rejects VCS requirements in a file in hash mode."),
  /** A --hash value must be algorithm:digest with a digest. */
  MALFORMED_HASH(
      "malformed-hash", Severity.ERROR, "A --hash value must be algorithm:digest with a digest."),
  /** Hermeto fails on --extra-index-url, --no-index, -f/--find-links and --only-binary. */
  UNSUPPORTED_OPTION(
      "unsupported-option",
      Severity.ERROR,
      "Hermeto fails on --extra-index-url, --no-index, -f/--find-links and --only-binary."),
  /**
   * Hermeto's requirements lexer does not know the option as written (e.g. --config-settings,
   * --global-option, -rfile, abbreviations).
   */
  UNKNOWN_OPTION(
      "unknown-option",
      Severity.ERROR,
      "Hermeto's requirements lexer does not know the option as written (e.g. --config-settings,"
          + " --global-option, -rfile, abbreviations)."),
  /**
   * Hermeto ignores -r, -c, --no-binary, --prefer-binary, --pre and --use-feature; it does not read
   * included files.
   */
  IGNORED_OPTION(
      "ignored-option",
      Severity.WARNING,
      "Hermeto ignores -r, -c, --no-binary, --prefer-binary, --pre and --use-feature; it does not"
          + " read included files."),
  /** Hermeto cannot fetch local paths and local editable projects (such as -e .). */
  LOCAL_REQUIREMENT(
      "local-requirement",
      Severity.ERROR,
      "Hermeto cannot fetch local paths and local editable projects (such as -e .)."),
  /** --index-url must be an http or https URL with a host and without embedded credentials. */
  INDEX_URL(
      "index-url",
      Severity.ERROR,
      "--index-url must be an http or https URL with a host and without embedded credentials."),
  /** Hermeto ignores environment markers and fetches the requirement for every architecture. */
  MARKER(
      "marker",
      Severity.WARNING,
      "Hermeto ignores environment markers and fetches the requirement for every architecture."),
  /** Hermeto fails on --hash or -e on a line without a requirement (pip only warns). */
  OPTION_WITHOUT_REQUIREMENT(
      "option-without-requirement",
      Severity.ERROR,
      "Hermeto fails on --hash or -e on a line without a requirement (pip only warns)."),
  /** Hermeto does not expand ${VAR} environment variables; it reads them literally. */
  ENV_VAR(
      "env-var",
      Severity.ERROR,
      "Hermeto does not expand ${VAR} environment variables; it reads them literally.");

  private final String id;
  private final Severity severity;
  private final String description;

  Rule(String id, Severity severity, String description) {
    this.id = id;
    this.severity = severity;
    this.description = description;
  }

  /**
   * The stable kebab-case id, as in {@link io.pyhermetic.error.Diagnostic#rule()}.
   *
   * @return the stable kebab-case id, as in {@link io.pyhermetic.error.Diagnostic#rule()}
   */
  public String id() {
    return id;
  }

  /**
   * The severity of this rule's findings.
   *
   * @return the severity of this rule's findings
   */
  public Severity severity() {
    return severity;
  }

  /**
   * One line saying what the rule checks.
   *
   * @return one line saying what the rule checks
   */
  public String description() {
    return description;
  }

  /**
   * The rule with this id.
   *
   * @param id the id
   * @return the rule with this id
   */
  public static Optional<Rule> byId(String id) {
    for (Rule rule : values()) {
      if (rule.id.equals(id)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
