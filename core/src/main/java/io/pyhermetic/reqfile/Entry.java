package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Specifier;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One requirement of a requirements file, with everything pip keeps for it and what is needed to
 * write it back: where it is, its text, the parsed requirement or link, hashes, options, and the
 * {@code # via} annotations that follow it. Immutable.
 */
public final class Entry {
  private final EntryKind kind;
  private final Location location;
  private final int lastLine;
  private final String text;
  private final String requirementText;
  private final Requirement requirement;
  private final Marker marker;
  private final java.util.SortedSet<String> extras;
  private final String link;
  private final boolean constraint;
  private final Map<String, List<String>> hashes;
  private final Map<String, List<String>> configSettings;
  private final List<String> globalOptions;
  private final List<String> via;
  private final String annotationText;
  final int startOffset;
  final int endOffset;
  final int annotationEndOffset;

  Entry(
      EntryKind kind,
      Location location,
      int lastLine,
      String text,
      String requirementText,
      Requirement requirement,
      Marker marker,
      java.util.SortedSet<String> extras,
      String link,
      boolean constraint,
      Map<String, List<String>> hashes,
      Map<String, List<String>> configSettings,
      List<String> globalOptions,
      List<String> via,
      String annotationText,
      int startOffset,
      int endOffset,
      int annotationEndOffset) {
    this.kind = kind;
    this.location = location;
    this.lastLine = lastLine;
    this.text = text;
    this.requirementText = requirementText;
    this.requirement = requirement;
    this.marker = marker;
    this.extras = extras;
    this.link = link;
    this.constraint = constraint;
    this.hashes = hashes;
    this.configSettings = configSettings;
    this.globalOptions = globalOptions;
    this.via = via;
    this.annotationText = annotationText;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.annotationEndOffset = annotationEndOffset;
  }

  public EntryKind kind() {
    return kind;
  }

  /** The file and first physical line of the entry (column 1). */
  public Location location() {
    return location;
  }

  /** 1-based number of the entry's first physical line. */
  public int line() {
    return location.line();
  }

  /** 1-based number of its last physical line (continuations included, annotations not). */
  public int lastLine() {
    return lastLine;
  }

  /** The entry's physical lines exactly as in the file, line ends included. */
  public String text() {
    return text;
  }

  /** The requirement part of the logical line, as pip takes it (before any options). */
  public String requirementText() {
    return requirementText;
  }

  /**
   * The requirement: parsed from the line, or for a URL or path derived from a wheel file name
   * ({@code name==version}) or an {@code #egg=} fragment. Empty for unnamed URLs and paths.
   */
  public Optional<Requirement> requirement() {
    return Optional.ofNullable(requirement);
  }

  /** The project name, when known. */
  public Optional<ProjectName> name() {
    return requirement().map(Requirement::projectName);
  }

  /** The marker: the requirement's, or the one written after a URL. */
  public Optional<Marker> marker() {
    return Optional.ofNullable(marker);
  }

  /** The extras as written: the requirement's, or those written after a local path. */
  public java.util.SortedSet<String> extras() {
    return extras;
  }

  /** The URL of a {@code name @ url} requirement, a bare URL, a path or an editable. */
  public Optional<String> link() {
    return Optional.ofNullable(link);
  }

  public boolean isEditable() {
    return kind == EntryKind.EDITABLE;
  }

  /** Whether the entry comes from a {@code -c} constraints file. */
  public boolean isConstraint() {
    return constraint;
  }

  /** {@code --hash} values by algorithm, in file order (duplicates kept, as pip keeps them). */
  public Map<String, List<String>> hashes() {
    return hashes;
  }

  /** {@code --config-settings} values by key. */
  public Map<String, List<String>> configSettings() {
    return configSettings;
  }

  /** {@code --global-option} values (a legacy option pip 25.3 removed). */
  public List<String> globalOptions() {
    return globalOptions;
  }

  /** The packages a {@code # via} annotation names (uv and pip-compile style), in order. */
  public List<String> via() {
    return via;
  }

  /** The annotation comment lines that follow the entry, exactly as written (may be empty). */
  public String annotationText() {
    return annotationText;
  }

  /**
   * The version of an exact pin: one {@code ==} specifier without wildcard or one {@code ===} that
   * is a valid version. Empty otherwise.
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

  /** pip's test: exactly one specifier, and it is {@code ==} or {@code ===}. */
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
    return location + " " + requirementText;
  }
}
