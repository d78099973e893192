package io.pyhermetic.version;

import io.pyhermetic.internal.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One PEP 440 version specifier such as {@code >=1.0} or {@code ==2.*}, with the matching rules of
 * {@code packaging.specifiers.Specifier} 26.x. Immutable and thread-safe.
 *
 * <p>The version keeps its spelling ({@code >=v1.0} stays {@code >=v1.0}); equality uses the
 * canonical form, so {@code ==1.0} equals {@code ==1.0.0} but {@code ~=1.0} does not equal {@code
 * ~=1.0.0}.
 */
public final class Specifier {

  /** The comparison operators of PEP 440. */
  public enum Operator {
    /** {@code ~=}, a compatible release. */
    COMPATIBLE("~="),
    /** {@code ==}, an exact version or a prefix match. */
    EQUAL("=="),
    /** {@code !=}, an excluded version or prefix. */
    NOT_EQUAL("!="),
    /** {@code <=}, at most the version. */
    LESS_EQUAL("<="),
    /** {@code >=}, at least the version. */
    GREATER_EQUAL(">="),
    /** {@code <}, before the version (and not its pre-releases). */
    LESS("<"),
    /** {@code >}, after the version (and not its post-releases). */
    GREATER(">"),
    /** {@code ===}, the exact string (arbitrary equality). */
    ARBITRARY("===");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * The operator as written, such as {@code >=}.
     *
     * @return the symbol
     */
    public String symbol() {
      return symbol;
    }
  }

  private final Operator operator;
  private final String version;
  private final Version parsed; // null for wildcards and for === with a non-version
  private final boolean wildcard;
  private final String[] prefixSplit; // for == X.* , != X.* and ~=
  private final int prefixNumericLength;

  Specifier(Operator operator, String version, Version parsed, boolean wildcard) {
    this.operator = operator;
    this.version = version;
    this.parsed = parsed;
    this.wildcard = wildcard;
    String prefix = null;
    if (wildcard) {
      prefix = version.substring(0, version.length() - 2);
    } else if (operator == Operator.COMPATIBLE) {
      prefix = compatiblePrefix(version);
    }
    if (prefix != null) {
      prefixSplit = versionSplitArray(Version.canonicalize(prefix, false));
      prefixNumericLength = numericPrefixLength(prefixSplit);
    } else {
      prefixSplit = null;
      prefixNumericLength = 0;
    }
  }

  /**
   * Parses one specifier; surrounding whitespace is allowed.
   *
   * @param specifier the specifier, such as {@code >=1.2}
   * @return the parsed specifier
   * @throws InvalidSpecifierException with the column of the problem
   */
  public static Specifier parse(String specifier) {
    Objects.requireNonNull(specifier, "specifier");
    Object result = SpecifierParser.parseRegion(specifier, 0, specifier.length());
    if (result instanceof InvalidSpecifierException) {
      throw (InvalidSpecifierException) result;
    }
    return (Specifier) result;
  }

  /**
   * Parses one specifier, or returns empty when it is not valid (or null).
   *
   * @param specifier the specifier
   * @return the parsed specifier, or empty
   */
  public static Optional<Specifier> tryParse(String specifier) {
    if (specifier == null) {
      return Optional.empty();
    }
    Object result = SpecifierParser.parseRegion(specifier, 0, specifier.length());
    return result instanceof Specifier ? Optional.of((Specifier) result) : Optional.empty();
  }

  /**
   * Whether {@code specifier} is a valid PEP 440 specifier.
   *
   * @param specifier the specifier
   * @return {@code true} when it parses
   */
  public static boolean isValid(String specifier) {
    return tryParse(specifier).isPresent();
  }

  /**
   * The operator.
   *
   * @return the operator
   */
  public Operator operator() {
    return operator;
  }

  /**
   * The version as written (for {@code ===}, any string; for wildcards, ending in {@code .*}).
   *
   * @return the version text
   */
  public String version() {
    return version;
  }

  /**
   * Whether this is a prefix match ({@code ==X.*} or {@code !=X.*}).
   *
   * @return {@code true} for a prefix match
   */
  public boolean isWildcard() {
    return wildcard;
  }

  /**
   * Whether this specifier by itself allows pre-releases: empty when it cannot tell (an {@code ===}
   * with a non-version), as packaging's {@code Specifier.prereleases}.
   *
   * @return whether pre-releases are allowed, or empty when this specifier cannot tell
   */
  public Optional<Boolean> prereleases() {
    if (operator == Operator.NOT_EQUAL || (operator == Operator.EQUAL && wildcard)) {
      return Optional.of(false);
    }
    return parsed == null ? Optional.empty() : Optional.of(parsed.isPrerelease());
  }

  /**
   * Whether {@code candidate} matches; a matching pre-release is accepted (packaging 26 rule).
   *
   * @param candidate the version
   * @return {@code true} when it matches
   */
  public boolean contains(Version candidate) {
    return contains(candidate, null);
  }

  /**
   * Whether {@code candidate} matches. {@code prereleases}: {@code true} or {@code null} accept a
   * matching pre-release, {@code false} rejects every pre-release.
   *
   * @param candidate the version
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return {@code true} when it matches
   */
  public boolean contains(Version candidate, Boolean prereleases) {
    Objects.requireNonNull(candidate, "candidate");
    if (Boolean.FALSE.equals(prereleases) && candidate.isPrerelease()) {
      return false;
    }
    return matches(candidate, candidate.toString());
  }

  /**
   * Like {@link #contains(Version, Boolean)} for a version string as given: {@code ===} compares
   * this exact text, and a string that is not a version can only match {@code ===}.
   *
   * @param candidate the version string
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return {@code true} when it matches
   */
  public boolean contains(String candidate, Boolean prereleases) {
    Objects.requireNonNull(candidate, "candidate");
    Version v = VersionParser.parseOrNull(candidate);
    if (v == null) {
      return operator == Operator.ARBITRARY && matchesArbitrary(candidate);
    }
    if (Boolean.FALSE.equals(prereleases) && v.isPrerelease()) {
      return false;
    }
    return matches(v, candidate);
  }

  /**
   * The versions that match, in input order, with packaging's default pre-release policy.
   *
   * @param versions the versions
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions) {
    return filter(versions, null);
  }

  /**
   * The versions that match, in input order: pre-releases only when this specifier names one, when
   * {@code prereleases} is {@code true}, or when no final release matched (packaging's {@code
   * Specifier.filter}).
   *
   * @param versions the versions
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions, Boolean prereleases) {
    return SpecifierSet.of(List.of(this)).filter(versions, prereleases);
  }

  boolean matchesArbitrary(String raw) {
    return PyText.lower(raw).equals(PyText.lower(version));
  }

  /** The operator test alone, without pre-release policy. {@code raw} serves {@code ===}. */
  boolean matches(Version v, String raw) {
    switch (operator) {
      case ARBITRARY:
        return matchesArbitrary(raw);
      case EQUAL:
        return wildcard ? prefixMatches(v) : equalMatches(v);
      case NOT_EQUAL:
        return !(wildcard ? prefixMatches(v) : equalMatches(v));
      case COMPATIBLE:
        return v.publicVersion().compareTo(parsed) >= 0 && prefixMatches(v);
      case LESS_EQUAL:
        return v.publicVersion().compareTo(parsed) <= 0;
      case GREATER_EQUAL:
        return v.publicVersion().compareTo(parsed) >= 0;
      case LESS:
        if (v.compareTo(parsed) >= 0) {
          return false;
        }
        // "<V" excludes pre-releases of V itself unless V is a pre-release.
        return parsed.isPrerelease()
            || !v.isPrerelease()
            || v.compareTo(parsed.earliestPrerelease()) < 0;
      case GREATER:
        if (v.compareTo(parsed) <= 0) {
          return false;
        }
        // ">V" excludes post-releases and local versions of V itself.
        if (!parsed.isPostrelease() && v.isPostrelease() && v.postBase().equals(parsed)) {
          return false;
        }
        return !(v.hasLocal() && v.publicVersion().equals(parsed));
      default:
        throw new AssertionError(operator);
    }
  }

  private boolean equalMatches(Version v) {
    return (parsed.hasLocal() ? v : v.publicVersion()).equals(parsed);
  }

  /**
   * packaging's prefix match: both sides split into epoch, release numbers and suffix parts, the
   * candidate padded with zeros to the prefix's numeric length, then compared as strings.
   */
  private boolean prefixMatches(Version v) {
    List<String> candidate = versionSplit(v.publicVersion().toString());
    int numeric = numericPrefixLength(candidate);
    int m = prefixSplit.length;
    int padded = candidate.size() + Math.max(0, prefixNumericLength - numeric);
    if (padded < m) {
      return false;
    }
    for (int i = 0; i < m; i++) {
      String part;
      if (i < numeric) {
        part = candidate.get(i);
      } else if (i < prefixNumericLength) {
        part = "0";
      } else {
        part = candidate.get(i - Math.max(0, prefixNumericLength - numeric));
      }
      if (!part.equals(prefixSplit[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * packaging's {@code ~=} prefix: the written release without its last number, plus {@code .*}.
   */
  private static String compatiblePrefix(String written) {
    List<String> parts = versionSplit(written);
    List<String> kept = new ArrayList<>();
    for (String part : parts) {
      if (part.startsWith("dev")
          || part.startsWith("a")
          || part.startsWith("b")
          || part.startsWith("rc")
          || part.startsWith("post")) {
        break;
      }
      kept.add(part);
    }
    kept.remove(kept.size() - 1);
    return kept.get(0) + "!" + String.join(".", kept.subList(1, kept.size()));
  }

  /** packaging's {@code _version_split}: epoch, then dot parts, with {@code 1rc2} split in two. */
  private static String[] versionSplitArray(String version) {
    return versionSplit(version).toArray(new String[0]);
  }

  private static List<String> versionSplit(String version) {
    List<String> result = new ArrayList<>();
    int bang = version.lastIndexOf('!');
    String epoch = bang < 0 ? "" : version.substring(0, bang);
    result.add(epoch.isEmpty() ? "0" : epoch);
    String rest = version.substring(bang + 1);
    int start = 0;
    while (true) {
      int dot = rest.indexOf('.', start);
      String item = dot < 0 ? rest.substring(start) : rest.substring(start, dot);
      int split = preSplitPoint(item);
      if (split > 0) {
        result.add(item.substring(0, split));
        result.add(item.substring(split));
      } else {
        result.add(item);
      }
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return result;
  }

  /** Where {@code ([0-9]+)((?:a|b|c|rc)[0-9]+)} splits {@code item}, or -1 if it does not match. */
  private static int preSplitPoint(String item) {
    int i = 0;
    while (i < item.length() && isDigit(item.charAt(i))) {
      i++;
    }
    if (i == 0 || i == item.length()) {
      return -1;
    }
    int j = i;
    if (item.startsWith("rc", j)) {
      j += 2;
    } else {
      char c = item.charAt(j);
      if (c != 'a' && c != 'b' && c != 'c') {
        return -1;
      }
      j++;
    }
    if (j == item.length()) {
      return -1;
    }
    for (int k = j; k < item.length(); k++) {
      if (!isDigit(item.charAt(k))) {
        return -1;
      }
    }
    return i;
  }

  private static int numericPrefixLength(List<String> split) {
    int count = 0;
    for (String part : split) {
      if (!isAllDigits(part)) {
        break;
      }
      count++;
    }
    return count;
  }

  private static int numericPrefixLength(String[] split) {
    return numericPrefixLength(List.of(split));
  }

  private static boolean isAllDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!Character.isDigit(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The form compared by {@link #equals}: packaging's {@code _canonical_spec}. */
  private String canonicalVersion() {
    if (operator == Operator.ARBITRARY || wildcard) {
      return version;
    }
    return parsed.canonical(operator != Operator.COMPATIBLE);
  }

  @Override
  public boolean equals(Object obj) {
    if (!(obj instanceof Specifier)) {
      return false;
    }
    Specifier other = (Specifier) obj;
    return operator == other.operator && canonicalVersion().equals(other.canonicalVersion());
  }

  @Override
  public int hashCode() {
    return operator.hashCode() * 31 + canonicalVersion().hashCode();
  }

  /** Operator and version as written, without whitespace, as packaging's {@code str()}. */
  @Override
  public String toString() {
    return operator.symbol() + version;
  }
}
