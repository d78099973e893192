package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.internal.LineOptions;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.Requirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/** Builds an {@link Entry}; every setter returns the builder. */
public final class EntryBuilder {
  EntryKind kind = EntryKind.REQUIREMENT;
  Location location;
  int lastLine;
  String fileText = "";
  int start;
  int end;
  int annotationEnd;
  String requirementText;
  Requirement requirement;
  Marker marker;
  SortedSet<String> extras = Collections.emptySortedSet();
  String link;
  boolean constraint;
  Map<String, List<String>> hashes;
  Map<String, List<String>> configSettings;
  List<String> globalOptions;
  List<OptionUse> options;
  LineOptions lineOptions;

  EntryBuilder() {}

  /**
   * Sets what the entry names (a requirement unless set).
   *
   * @param kind the kind
   * @return this builder
   */
  public EntryBuilder kind(EntryKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
    return this;
  }

  /**
   * Sets where the entry is; its column is not kept (an entry starts at column 1).
   *
   * @param location the file and first physical line
   * @return this builder
   */
  public EntryBuilder location(Location location) {
    this.location = Objects.requireNonNull(location, "location");
    return this;
  }

  /**
   * Sets the last physical line (the first one unless set).
   *
   * @param lastLine a 1-based line number
   * @return this builder
   */
  public EntryBuilder lastLine(int lastLine) {
    this.lastLine = lastLine;
    return this;
  }

  /**
   * Sets the entry's text and the annotation lines after it.
   *
   * @param text the entry's physical lines
   * @param annotationText the annotation lines (may be empty)
   * @return this builder
   */
  public EntryBuilder text(String text, String annotationText) {
    String all = text + annotationText;
    return span(all, 0, text.length(), all.length());
  }

  /** The entry's place in its file's text, which is shared rather than copied. */
  EntryBuilder span(String fileText, int start, int end, int annotationEnd) {
    this.fileText = Objects.requireNonNull(fileText, "fileText");
    this.start = start;
    this.end = end;
    this.annotationEnd = annotationEnd;
    return this;
  }

  /**
   * Sets the requirement part of the line.
   *
   * @param requirementText the text before any option
   * @return this builder
   */
  public EntryBuilder requirementText(String requirementText) {
    this.requirementText = Objects.requireNonNull(requirementText, "requirementText");
    return this;
  }

  /**
   * Sets the requirement.
   *
   * @param requirement the parsed or derived requirement, empty for unnamed URLs and paths
   * @return this builder
   */
  public EntryBuilder requirement(Optional<Requirement> requirement) {
    this.requirement = requirement.orElse(null);
    return this;
  }

  /**
   * Sets the marker.
   *
   * @param marker the marker, if any
   * @return this builder
   */
  public EntryBuilder marker(Optional<Marker> marker) {
    this.marker = marker.orElse(null);
    return this;
  }

  /**
   * Sets the extras.
   *
   * @param extras the extras as written
   * @return this builder
   */
  public EntryBuilder extras(SortedSet<String> extras) {
    this.extras = Objects.requireNonNull(extras, "extras");
    return this;
  }

  /**
   * Sets the link.
   *
   * @param link the URL, path or editable target, if any
   * @return this builder
   */
  public EntryBuilder link(Optional<String> link) {
    this.link = link.orElse(null);
    return this;
  }

  /**
   * Sets whether the entry comes from a constraints file.
   *
   * @param constraint whether it is a constraint
   * @return this builder
   */
  public EntryBuilder constraint(boolean constraint) {
    this.constraint = constraint;
    return this;
  }

  /**
   * Sets the hashes (derived from the line's options unless set).
   *
   * @param hashes the values by algorithm
   * @return this builder
   */
  public EntryBuilder hashes(Map<String, List<String>> hashes) {
    this.hashes = new LinkedHashMap<>(hashes);
    return this;
  }

  /**
   * Sets the {@code --config-settings} values (derived from the line's options unless set).
   *
   * @param configSettings the values by key
   * @return this builder
   */
  public EntryBuilder configSettings(Map<String, List<String>> configSettings) {
    this.configSettings = new LinkedHashMap<>(configSettings);
    return this;
  }

  /**
   * Sets the {@code --global-option} values (derived from the line's options unless set).
   *
   * @param globalOptions the values
   * @return this builder
   */
  public EntryBuilder globalOptions(List<String> globalOptions) {
    this.globalOptions = new ArrayList<>(globalOptions);
    return this;
  }

  /**
   * Sets the options of the line (those read from the file unless set).
   *
   * @param options the options, in order
   * @return this builder
   */
  public EntryBuilder options(List<OptionUse> options) {
    this.options = new ArrayList<>(options);
    return this;
  }

  /** The options as read from the file, from which hashes and settings are derived. */
  EntryBuilder lineOptions(LineOptions lineOptions) {
    this.lineOptions = lineOptions;
    return this;
  }

  /**
   * Builds the entry.
   *
   * @return the entry
   * @throws NullPointerException when the location or requirement text is missing
   */
  public Entry build() {
    return new Entry(this);
  }
}
