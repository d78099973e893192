package io.pyhermetic.version;

import io.pyhermetic.internal.PyText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A comma-separated set of version specifiers, such as {@code >=1.0,!=1.5.*,<2}, with the semantics
 * of {@code packaging.specifiers.SpecifierSet} 26.x. The empty set matches every version. Immutable
 * and thread-safe.
 *
 * <p>Pre-releases follow packaging 26: {@link #contains} accepts a matching pre-release unless told
 * {@code prereleases = false}; {@link #filter} returns pre-releases only when no final release
 * matched, unless a member names a pre-release or {@code prereleases = true} is given.
 */
public final class SpecifierSet implements Iterable<Specifier> {
  private static final SpecifierSet EMPTY = new SpecifierSet(List.of());

  private final List<Specifier> specifiers; // sorted by text, duplicates removed

  private SpecifierSet(List<Specifier> specifiers) {
    this.specifiers = specifiers;
  }

  /**
   * The set that matches every version.
   *
   * @return the empty set
   */
  public static SpecifierSet empty() {
    return EMPTY;
  }

  /**
   * Parses a comma-separated set; empty pieces are ignored, so {@code ""} and {@code ">=1,"} are
   * valid.
   *
   * @param specifiers the comma-separated specifiers
   * @return the parsed set
   * @throws InvalidSpecifierException located at the offending piece
   */
  public static SpecifierSet parse(String specifiers) {
    Objects.requireNonNull(specifiers, "specifiers");
    List<Specifier> parsed = new ArrayList<>();
    int start = 0;
    while (true) {
      int comma = specifiers.indexOf(',', start);
      int end = comma < 0 ? specifiers.length() : comma;
      if (PyText.skipSpace(specifiers, start) < end) {
        Object result = SpecifierParser.parseRegion(specifiers, start, end);
        if (result instanceof InvalidSpecifierException) {
          throw (InvalidSpecifierException) result;
        }
        parsed.add((Specifier) result);
      }
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return of(parsed);
  }

  /**
   * Parses a comma-separated set, or returns empty when it is not valid (or null).
   *
   * @param specifiers the comma-separated specifiers
   * @return the parsed set, or empty
   */
  public static Optional<SpecifierSet> tryParse(String specifiers) {
    if (specifiers == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(specifiers));
    } catch (InvalidSpecifierException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code specifiers} is a valid comma-separated set.
   *
   * @param specifiers the comma-separated specifiers
   * @return {@code true} when it parses
   */
  public static boolean isValid(String specifiers) {
    return tryParse(specifiers).isPresent();
  }

  /**
   * The set of the given specifiers (order and duplicates do not matter).
   *
   * @param specifiers the specifiers
   * @return the set
   */
  public static SpecifierSet of(Iterable<Specifier> specifiers) {
    List<Specifier> sorted = new ArrayList<>();
    specifiers.forEach(s -> sorted.add(Objects.requireNonNull(s)));
    if (sorted.isEmpty()) {
      return EMPTY;
    }
    sorted.sort((a, b) -> PyText.compareCodePoints(a.toString(), b.toString()));
    List<Specifier> unique = new ArrayList<>(sorted.size());
    for (Specifier s : sorted) {
      if (!unique.contains(s)) {
        unique.add(s);
      }
    }
    return new SpecifierSet(Collections.unmodifiableList(unique));
  }

  /**
   * The members, in a stable order.
   *
   * @return the members
   */
  public List<Specifier> specifiers() {
    return specifiers;
  }

  /**
   * Whether the set has no members (and so matches every version).
   *
   * @return {@code true} for the empty set
   */
  public boolean isEmpty() {
    return specifiers.isEmpty();
  }

  /**
   * How many members the set has.
   *
   * @return the number of members
   */
  public int size() {
    return specifiers.size();
  }

  @Override
  public Iterator<Specifier> iterator() {
    return specifiers.iterator();
  }

  /**
   * This set and {@code other} together.
   *
   * @param other another set
   * @return the set of both sets' members
   */
  public SpecifierSet and(SpecifierSet other) {
    List<Specifier> all = new ArrayList<>(specifiers);
    all.addAll(other.specifiers);
    return of(all);
  }

  /**
   * {@code true} when a member names a pre-release (so pre-releases are wanted), otherwise empty:
   * packaging's {@code SpecifierSet.prereleases} for a set without an explicit value.
   *
   * @return {@code true}, or empty
   */
  public Optional<Boolean> prereleases() {
    for (Specifier s : specifiers) {
      if (s.prereleases().orElse(false)) {
        return Optional.of(true);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether every member matches {@code candidate}; a matching pre-release is accepted.
   *
   * @param candidate the version
   * @return {@code true} when every member matches
   */
  public boolean contains(Version candidate) {
    return contains(candidate, null);
  }

  /**
   * Whether every member matches {@code candidate}. {@code prereleases = false} rejects every
   * pre-release; {@code true} and {@code null} (packaging's default) accept a matching one.
   *
   * @param candidate the version
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return {@code true} when every member matches
   */
  public boolean contains(Version candidate, Boolean prereleases) {
    Objects.requireNonNull(candidate, "candidate");
    return containsParsed(candidate, candidate.toString(), prereleases);
  }

  /**
   * Like {@link #contains(Version, Boolean)} for a version string as given: {@code ===} compares
   * the text as written, and a string that is not a version matches only {@code ===} members (or
   * the empty set).
   *
   * @param candidate the version string
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return {@code true} when every member matches
   */
  public boolean contains(String candidate, Boolean prereleases) {
    Objects.requireNonNull(candidate, "candidate");
    return containsParsed(VersionParser.parseOrNull(candidate), candidate, prereleases);
  }

  private boolean containsParsed(Version v, String raw, Boolean prereleases) {
    if (v != null && Boolean.FALSE.equals(prereleases) && v.isPrerelease()) {
      return false;
    }
    return matchesAll(v, raw);
  }

  private boolean matchesAll(Version v, String raw) {
    if (v == null) {
      for (Specifier s : specifiers) {
        if (s.operator() != Specifier.Operator.ARBITRARY || !s.matchesArbitrary(raw)) {
          return false;
        }
      }
      return true;
    }
    for (Specifier s : specifiers) {
      if (!s.matches(v, raw)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The versions that match, in input order, with the default pre-release policy.
   *
   * @param versions the versions
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions) {
    return filter(versions, null);
  }

  /**
   * The versions that match, in input order (packaging's {@code SpecifierSet.filter}).
   *
   * @param versions the versions
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions, Boolean prereleases) {
    return filter(versions, Version::toString, v -> v, prereleases);
  }

  /**
   * {@link #filter(Iterable, Boolean)} over version strings as given; invalid ones can match {@code
   * ===}.
   *
   * @param versions the version strings
   * @param prereleases whether to accept pre-releases, or null for the default
   * @return the matching strings
   */
  public List<String> filterStrings(Iterable<String> versions, Boolean prereleases) {
    return filter(versions, s -> s, s -> VersionParser.parseOrNull(s), prereleases);
  }

  private <T> List<T> filter(
      Iterable<T> items, Function<T, String> raw, Function<T, Version> parse, Boolean prereleases) {
    Boolean pre = prereleases;
    if (pre == null && prereleases().isPresent()) {
      pre = Boolean.TRUE;
    }
    List<T> matched = new ArrayList<>();
    List<Version> parsed = new ArrayList<>();
    for (T item : items) {
      Version v = parse.apply(item);
      if (!specifiers.isEmpty() || Boolean.FALSE.equals(pre)) {
        if (v != null && Boolean.FALSE.equals(pre) && v.isPrerelease()) {
          continue;
        }
        if (!matchesAll(v, raw.apply(item))) {
          continue;
        }
      }
      matched.add(item);
      parsed.add(v);
    }
    if (pre != null) {
      return matched;
    }
    return finalsUnlessNone(matched, parsed);
  }

  /**
   * PEP 440's rule: pre-releases only when no final release is there. Strings that are not versions
   * are kept, as packaging keeps them.
   */
  private static <T> List<T> finalsUnlessNone(List<T> items, List<Version> parsed) {
    boolean anyFinal = false;
    for (Version v : parsed) {
      if (v != null && !v.isPrerelease()) {
        anyFinal = true;
        break;
      }
    }
    if (!anyFinal) {
      return items;
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Version v = parsed.get(i);
      if (v == null || !v.isPrerelease()) {
        result.add(items.get(i));
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof SpecifierSet && specifiers.equals(((SpecifierSet) obj).specifiers);
  }

  @Override
  public int hashCode() {
    return specifiers.hashCode();
  }

  /** Members sorted by text and joined by commas, as packaging's {@code str(SpecifierSet)}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Specifier s : specifiers) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(s);
    }
    return out.toString();
  }
}
