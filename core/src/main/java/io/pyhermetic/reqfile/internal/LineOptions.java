package io.pyhermetic.reqfile.internal;

import io.pyhermetic.reqfile.OptionUse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one parsed line, kept as read (without the line's text) so that their locations
 * and the values pip derives from them are worked out only when asked for.
 */
public final class LineOptions {
  private final List<OptParse.Use> uses;
  private final Locator at;
  private final boolean requirementLine;

  /**
   * The options of a line.
   *
   * @param uses the options, in order
   * @param at where offsets of the uses are in the file
   * @param requirementLine whether they follow a requirement on the line
   */
  public LineOptions(List<OptParse.Use> uses, Locator at, boolean requirementLine) {
    this.uses = List.copyOf(uses);
    this.at = at;
    this.requirementLine = requirementLine;
  }

  /**
   * The options as read.
   *
   * @return the uses, in order
   */
  public List<OptParse.Use> uses() {
    return uses;
  }

  /**
   * The options with their locations.
   *
   * @return one {@link OptionUse} per option, in order
   */
  public List<OptionUse> optionUses() {
    List<OptionUse> out = new ArrayList<>(uses.size());
    for (OptParse.Use use : uses) {
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
    for (OptParse.Use use : uses) {
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
    for (OptParse.Use use : uses) {
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
    for (OptParse.Use use : uses) {
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
