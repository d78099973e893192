package io.pyhermetic.reqfile.internal;

import io.pyhermetic.reqfile.OptionUse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one parsed line, kept as nothing but the line's place in the file's text: they are
 * read again when asked for (the line was checked when the file was parsed), so that a file of many
 * pins does not hold every option of every line.
 */
public final class LineOptions {
  /**
   * What reading a line's options again needs, shared by every line of a file.
   *
   * @param source the name used in locations
   * @param text the file's text
   * @param environment the variables {@code ${NAME}} expanded to
   */
  public record Source(String source, String text, Map<String, String> environment) {}

  /** A line's options as read, with where they are. */
  private record Read(List<OptParse.Use> uses, Locator at, boolean requirementLine) {}

  private static final Read NONE = new Read(List.of(), null, false);

  private final Source file;
  private final int start;
  private final int firstLine;
  private final boolean empty;
  private final boolean formatControl;

  /**
   * The options of a line.
   *
   * @param file the file's text and environment
   * @param start where the line's first physical line starts in the text
   * @param firstLine the 1-based number of that line
   * @param uses the options as first read, of which only a summary is kept
   */
  public LineOptions(Source file, int start, int firstLine, List<OptParse.Use> uses) {
    this.file = file;
    this.start = start;
    this.firstLine = firstLine;
    this.empty = uses.isEmpty();
    boolean format = false;
    for (OptParse.Use use : uses) {
      format |= use.option() == OptionSpec.NO_BINARY || use.option() == OptionSpec.ONLY_BINARY;
    }
    this.formatControl = format;
  }

  /**
   * Whether the line has {@code --no-binary} or {@code --only-binary}, which pip applies from any
   * line.
   *
   * @return whether it has either
   */
  public boolean hasFormatControl() {
    return formatControl;
  }

  private Read read() {
    if (empty) {
      return NONE;
    }
    LineLexer.Lexed lexed =
        new LineLexer(file.text(), start, firstLine, file.source(), file.environment()).next();
    // the line was read without error when the file was parsed: nothing new is reported
    List<OptParse.Use> uses = OptionReader.read(lexed, new Messages(file.text()));
    return new Read(
        uses, lexed.at().shifted(lexed.optionStart()), !lexed.requirementPart().isEmpty());
  }

  /**
   * The options as read.
   *
   * @return the uses, in order
   */
  public List<OptParse.Use> uses() {
    return read().uses();
  }

  /**
   * The options with their locations.
   *
   * @return one {@link OptionUse} per option, in order
   */
  public List<OptionUse> optionUses() {
    Read read = read();
    Locator at = read.at();
    boolean requirementLine = read.requirementLine();
    List<OptionUse> out = new ArrayList<>(read.uses().size());
    for (OptParse.Use use : read.uses()) {
      out.add(
          new OptionUse(
              use.option().canonical().longName(),
              Optional.ofNullable(use.value()),
              at.locate(use.offset()),
              requirementLine,
              at.afterExpansion(use.offset()) ? Optional.empty() : Optional.of(use.written())));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The {@code --hash} values by algorithm, in file order, duplicates kept (as pip keeps them).
   *
   * @return the hashes
   */
  public Map<String, List<String>> hashes() {
    Map<String, List<String>> hashes = new LinkedHashMap<>();
    for (OptParse.Use use : uses()) {
      if (use.option() == OptionSpec.HASH) {
        String value = use.value();
        int colon = value.indexOf(':');
        hashes
            .computeIfAbsent(value.substring(0, colon), k -> new ArrayList<>(4))
            .add(value.substring(colon + 1));
      }
    }
    return frozen(hashes);
  }

  /**
   * The {@code --config-settings} values by key.
   *
   * @return the settings
   */
  public Map<String, List<String>> configSettings() {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    for (OptParse.Use use : uses()) {
      if (use.option() == OptionSpec.CONFIG_SETTINGS) {
        int eq = use.value().indexOf('=');
        settings
            .computeIfAbsent(use.value().substring(0, eq), k -> new ArrayList<>())
            .add(use.value().substring(eq + 1));
      }
    }
    return frozen(settings);
  }

  /**
   * The {@code --global-option} values.
   *
   * @return the values, in order
   */
  public List<String> globalOptions() {
    List<String> values = new ArrayList<>();
    for (OptParse.Use use : uses()) {
      if (use.option() == OptionSpec.GLOBAL_OPTION) {
        values.add(use.value());
      }
    }
    return List.copyOf(values);
  }

  private static Map<String, List<String>> frozen(Map<String, List<String>> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }
}
