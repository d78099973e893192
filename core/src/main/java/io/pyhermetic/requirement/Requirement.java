package io.pyhermetic.requirement;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.version.InvalidSpecifierException;
import io.pyhermetic.version.SpecifierSet;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier such as {@code requests[socks]>=2.31; python_version >= "3.8"} or
 * {@code pkg @ https://example.com/pkg-1.0.tar.gz}, parsed and printed as {@code
 * packaging.requirements.Requirement} 26.x does. Immutable and thread-safe.
 */
public final class Requirement {
  private static final TreeSet<String> NO_EXTRAS = new TreeSet<>(PyText::compareCodePoints);

  private final String name;
  private final SortedSet<String> extras;
  private final SpecifierSet specifier;
  private final String url;
  private final Marker marker;

  private Requirement(
      String name, SortedSet<String> extras, SpecifierSet specifier, String url, Marker marker) {
    this.name = name;
    this.extras = extras;
    this.specifier = specifier;
    this.url = url;
    this.marker = marker;
  }

  /**
   * Parses a dependency specifier.
   *
   * @param requirement the requirement
   * @return the requirement
   * @throws InvalidRequirementException with the column and packaging's wording (plus a hint for
   *     {@code foo=1.0})
   */
  public static Requirement parse(String requirement) {
    Objects.requireNonNull(requirement, "requirement");
    Pep508Parser.Parsed parsed;
    try {
      parsed = Pep508Parser.parseRequirement(requirement);
    } catch (InvalidRequirementException e) {
      throw withHint(requirement, e);
    }
    SpecifierSet specifier;
    try {
      specifier = SpecifierSet.parse(parsed.specifier());
    } catch (InvalidSpecifierException e) {
      // The specifier text is a verbatim slice of the input, so the column carries over.
      int offset = parsed.specifierStart();
      while (offset < requirement.length() && requirement.charAt(offset) == '(') {
        offset++;
      }
      int column =
          requirement.codePointCount(0, Math.min(offset, requirement.length())) + e.column();
      throw new InvalidRequirementException(
          requirement, new Location(Location.STRING_SOURCE, 1, column), e.reason());
    }
    // most requirements have no extras: they share one empty set (never modified)
    TreeSet<String> extras = NO_EXTRAS;
    if (!parsed.extras().isEmpty()) {
      extras = new TreeSet<>(PyText::compareCodePoints);
      extras.addAll(parsed.extras());
    }
    Marker marker = parsed.marker() == null ? null : new Marker(parsed.marker());
    return new Requirement(parsed.name(), extras, specifier, parsed.url(), marker);
  }

  /**
   * Parses a requirement, if it is valid.
   *
   * @param requirement the requirement
   * @return the requirement, if any
   */
  public static Optional<Requirement> tryParse(String requirement) {
    if (requirement == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(requirement));
    } catch (InvalidRequirementException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a requirement parses.
   *
   * @param requirement the requirement
   * @return whether a requirement parses
   */
  public static boolean isValid(String requirement) {
    return tryParse(requirement).isPresent();
  }

  private static InvalidRequirementException withHint(String input, InvalidRequirementException e) {
    int offset = input.offsetByCodePoints(0, e.column() - 1);
    boolean singleEquals =
        e.reason().startsWith("Expected semicolon (after name with no version specifier)")
            && input.startsWith("=", offset)
            && !input.startsWith("==", offset);
    if (!singleEquals) {
      return e;
    }
    return new InvalidRequirementException(
        input, e.location(), e.reason() + "\nHint: = is not a valid operator. Did you mean == ?");
  }

  /**
   * This requirement with {@code newMarker} (or none) instead of its marker.
   *
   * @param newMarker the new marker
   * @return this requirement with {@code newMarker}
   */
  public Requirement withMarker(Optional<Marker> newMarker) {
    return new Requirement(name, extras, specifier, url, newMarker.orElse(null));
  }

  /**
   * The name as written.
   *
   * @return the name as written
   */
  public String name() {
    return name;
  }

  /**
   * The name as a {@link ProjectName} (compared by its normalized form).
   *
   * @return the name as a {@link ProjectName}
   */
  public ProjectName projectName() {
    return ProjectName.lenient(name);
  }

  /**
   * The extras as written, sorted.
   *
   * @return the extras as written, sorted
   */
  public SortedSet<String> extras() {
    return java.util.Collections.unmodifiableSortedSet(extras);
  }

  /**
   * The version specifiers; empty for none (and for URL requirements).
   *
   * @return the version specifiers
   */
  public SpecifierSet specifier() {
    return specifier;
  }

  /**
   * The URL of a {@code name @ url} requirement.
   *
   * @return the URL of a {@code name @ url} requirement
   */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /**
   * The requirement's marker.
   *
   * @return the requirement's marker
   */
  public Optional<Marker> marker() {
    return Optional.ofNullable(marker);
  }

  @Override
  public boolean equals(Object obj) {
    if (!(obj instanceof Requirement)) {
      return false;
    }
    Requirement other = (Requirement) obj;
    return ProjectName.canonicalize(name).equals(ProjectName.canonicalize(other.name))
        && extras.equals(other.extras)
        && specifier.equals(other.specifier)
        && Objects.equals(url, other.url)
        && Objects.equals(marker, other.marker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ProjectName.canonicalize(name), extras, specifier, url, marker);
  }

  /** packaging's {@code str(Requirement)}: {@code name[extras]specifier @ url ; marker}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name);
    if (!extras.isEmpty()) {
      out.append('[').append(String.join(",", extras)).append(']');
    }
    out.append(specifier);
    if (url != null) {
      out.append(" @ ").append(url);
      if (marker != null) {
        out.append(' ');
      }
    }
    if (marker != null) {
      out.append("; ").append(marker);
    }
    return out.toString();
  }
}
