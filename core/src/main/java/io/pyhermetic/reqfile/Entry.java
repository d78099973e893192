package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.internal.LineLexer;
import io.pyhermetic.reqfile.internal.LineOptions;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Specifier;
import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One requirement of a requirements file, with everything pip keeps for it and what is needed to
 * write it back: where it is, its text, the parsed requirement or link, hashes, options, and the
 * {@code # via} annotations that follow it. Immutable; made with {@link #builder()}.
 *
 * <p>Its text is kept as offsets into the file's text, and what pip derives from its options
 * (hashes, settings) is worked out from them when asked for, so that a file of many pins costs
 * little more than its text.
 */
public final class Entry implements Line {
  private final EntryKind kind;
  private final String source;
  private final int firstLine;
  private final int lastLine;
  private final String fileText;
  private final String requirementText;
  private final Requirement requirement;
  private final Marker marker;
  private final SortedSet<String> extras;
  private final String link;
  private final boolean constraint;
  // given explicitly, or (when null) derived from the line's options
  private final Map<String, List<String>> hashes;
  private final Map<String, List<String>> configSettings;
  private final List<String> globalOptions;
  private final List<OptionUse> options;
  private final LineOptions lineOptions;
  final int startOffset;
  final int endOffset;
  final int annotationEndOffset;

  Entry(EntryBuilder b) {
    this.kind = Objects.requireNonNull(b.kind, "kind");
    Objects.requireNonNull(b.location, "location");
    this.source = b.location.source();
    this.firstLine = b.location.line();
    this.lastLine = Math.max(b.lastLine, firstLine);
    this.fileText = b.fileText;
    this.startOffset = b.start;
    this.endOffset = b.end;
    this.annotationEndOffset = b.annotationEnd;
    this.requirementText = Objects.requireNonNull(b.requirementText, "requirementText");
    this.requirement = b.requirement;
    this.marker = b.marker;
    this.extras =
        b.extras.isEmpty()
            ? Collections.emptySortedSet()
            : Collections.unmodifiableSortedSet(new TreeSet<>(b.extras));
    this.link = b.link;
    this.constraint = b.constraint;
    this.hashes = b.hashes == null ? null : frozen(b.hashes);
    this.configSettings = b.configSettings == null ? null : frozen(b.configSettings);
    this.globalOptions = b.globalOptions == null ? null : List.copyOf(b.globalOptions);
    this.options = b.options == null ? null : List.copyOf(b.options);
    this.lineOptions = b.lineOptions;
  }

  /**
   * A builder for an entry.
   *
   * @return an empty builder
   */
  public static EntryBuilder builder() {
    return new EntryBuilder();
  }

  /**
   * What the entry names.
   *
   * @return a requirement, a URL, a path or an editable
   */
  public EntryKind kind() {
    return kind;
  }

  /**
   * Where the entry is.
   *
   * @return the file and first physical line of the entry (column 1)
   */
  @Override
  public Location location() {
    return new Location(source, firstLine, 1);
  }

  /**
   * The number of the entry's first physical line.
   *
   * @return a 1-based line number
   */
  @Override
  public int line() {
    return firstLine;
  }

  /**
   * The number of its last physical line (continuations included, annotations not).
   *
   * @return a 1-based line number
   */
  @Override
  public int lastLine() {
    return lastLine;
  }

  /**
   * The entry's physical lines exactly as in the file.
   *
   * @return the text, line ends included
   */
  @Override
  public String text() {
    return fileText.substring(startOffset, endOffset);
  }

  /**
   * The requirement part of the logical line, as pip takes it (before any options).
   *
   * @return the requirement text
   */
  public String requirementText() {
    return requirementText;
  }

  /**
   * The requirement: parsed from the line, or for a URL or path derived from a wheel file name
   * ({@code name==version}) or an {@code #egg=} fragment.
   *
   * @return the requirement, empty for unnamed URLs and paths
   */
  public Optional<Requirement> requirement() {
    return Optional.ofNullable(requirement);
  }

  /**
   * The project name, when known.
   *
   * @return the requirement's project name
   */
  public Optional<ProjectName> name() {
    return requirement().map(Requirement::projectName);
  }

  /**
   * The marker: the requirement's, or the one written after a URL.
   *
   * @return the marker, if any
   */
  public Optional<Marker> marker() {
    return Optional.ofNullable(marker);
  }

  /**
   * The extras as written: the requirement's, or those written after a local path.
   *
   * @return the extras, sorted
   */
  public SortedSet<String> extras() {
    return extras;
  }

  /**
   * The URL of a {@code name @ url} requirement, a bare URL, a path or an editable.
   *
   * @return the link, if any
   */
  public Optional<String> link() {
    return Optional.ofNullable(link);
  }

  /**
   * Whether this is an {@code -e} line.
   *
   * @return whether the entry is editable
   */
  public boolean isEditable() {
    return kind == EntryKind.EDITABLE;
  }

  /**
   * Whether the entry comes from a {@code -c} constraints file.
   *
   * @return whether it is a constraint
   */
  public boolean isConstraint() {
    return constraint;
  }

  /**
   * The {@code --hash} values by algorithm, in file order (duplicates kept, as pip keeps them).
   *
   * @return the hashes
   */
  public Map<String, List<String>> hashes() {
    if (hashes != null) {
      return hashes;
    }
    return lineOptions == null ? Map.of() : lineOptions.hashes();
  }

  /**
   * The {@code --config-settings} values by key.
   *
   * @return the settings
   */
  public Map<String, List<String>> configSettings() {
    if (configSettings != null) {
      return configSettings;
    }
    return lineOptions == null ? Map.of() : lineOptions.configSettings();
  }

  /**
   * The {@code --global-option} values (a legacy option pip 25.3 removed).
   *
   * @return the values, in order
   */
  public List<String> globalOptions() {
    if (globalOptions != null) {
      return globalOptions;
    }
    return lineOptions == null ? List.of() : lineOptions.globalOptions();
  }

  /**
   * Every option written on the entry's line ({@code --hash} and the like; for an editable also
   * {@code -e} itself and the options pip does not keep for it), in order, with locations.
   *
   * @return the options
   */
  public List<OptionUse> options() {
    if (options != null) {
      return options;
    }
    return lineOptions == null ? List.of() : lineOptions.optionUses();
  }

  LineOptions lineOptions() {
    return lineOptions;
  }

  /**
   * The packages a {@code # via} annotation names (uv and pip-compile style), in order.
   *
   * @return the names
   */
  public List<String> via() {
    return annotationEndOffset > endOffset
        ? List.copyOf(LineLexer.parseVia(annotationText()))
        : List.of();
  }

  /**
   * The annotation comment lines that follow the entry, exactly as written.
   *
   * @return the annotation text, empty when there is none
   */
  public String annotationText() {
    return fileText.substring(endOffset, annotationEndOffset);
  }

  /**
   * The version of an exact pin: one {@code ==} specifier without wildcard or one {@code ===} that
   * is a valid version.
   *
   * @return the pinned version, empty when the entry is not such a pin
   */
  public Optional<Version> pinnedVersion() {
    if (requirement == null || requirement.url().isPresent()) {
      return Optional.empty();
    }
    List<Specifier> specifiers = requirement.specifier().specifiers();
    if (specifiers.size() != 1) {
      return Optional.empty();
    }
    Specifier s = specifiers.get(0);
    if ((s.operator() == Specifier.Operator.EQUAL && !s.isWildcard())
        || s.operator() == Specifier.Operator.ARBITRARY) {
      return Version.tryParse(s.version());
    }
    return Optional.empty();
  }

  /**
   * pip's test: exactly one specifier, and it is {@code ==} or {@code ===}.
   *
   * @return whether the entry is pinned
   */
  public boolean isPinned() {
    if (requirement == null) {
      return false;
    }
    List<Specifier> specifiers = requirement.specifier().specifiers();
    return specifiers.size() == 1
        && (specifiers.get(0).operator() == Specifier.Operator.EQUAL
            || specifiers.get(0).operator() == Specifier.Operator.ARBITRARY);
  }

  @Override
  public String toString() {
    return location() + " " + requirementText;
  }

  private static Map<String, List<String>> frozen(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
