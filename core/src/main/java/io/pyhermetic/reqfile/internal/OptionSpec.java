package io.pyhermetic.reqfile.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The options pip 23.2.1 accepts in requirements files, as {@code optparse} defines them. */
public enum OptionSpec {
  INDEX_URL("--index-url", "-i", true, true),
  PYPI_URL("--pypi-url", null, true, true),
  EXTRA_INDEX_URL("--extra-index-url", null, true, true),
  NO_INDEX("--no-index", null, false, true),
  CONSTRAINT("--constraint", "-c", true, true),
  REQUIREMENT("--requirement", "-r", true, true),
  EDITABLE("--editable", "-e", true, true),
  FIND_LINKS("--find-links", "-f", true, true),
  NO_BINARY("--no-binary", null, true, true),
  ONLY_BINARY("--only-binary", null, true, true),
  PREFER_BINARY("--prefer-binary", null, false, true),
  REQUIRE_HASHES("--require-hashes", null, false, true),
  PRE("--pre", null, false, true),
  TRUSTED_HOST("--trusted-host", null, true, true),
  USE_FEATURE("--use-feature", null, true, true),
  GLOBAL_OPTION("--global-option", null, true, false),
  HASH("--hash", null, true, false),
  CONFIG_SETTINGS("--config-settings", "-C", true, false);

  /** Allowed values of {@code --use-feature} in pip 23.2.1. */
  public static final List<String> FEATURES =
      List.of("fast-deps", "truststore", "no-binary-enable-wheel-cache");

  private static final Map<String, OptionSpec> LONG = new TreeMap<>();
  private static final Map<String, OptionSpec> SHORT = new TreeMap<>();

  static {
    for (OptionSpec o : values()) {
      LONG.put(o.longName, o);
      if (o.shortName != null) {
        SHORT.put(o.shortName, o);
      }
    }
  }

  private final String longName;
  private final String shortName;
  private final boolean takesValue;
  private final boolean global;

  OptionSpec(String longName, String shortName, boolean takesValue, boolean global) {
    this.longName = longName;
    this.shortName = shortName;
    this.takesValue = takesValue;
    this.global = global;
  }

  public String longName() {
    return longName;
  }

  /**
   * The short name.
   *
   * @return {@code -i} and the like, or null for options without one
   */
  public String shortName() {
    return shortName;
  }

  public boolean takesValue() {
    return takesValue;
  }

  /** A global option (as opposed to one that belongs to a requirement line). */
  public boolean isGlobal() {
    return global;
  }

  /** The canonical name pip's option destination is known by ({@code --pypi-url} is {@code -i}). */
  public OptionSpec canonical() {
    return this == PYPI_URL ? INDEX_URL : this;
  }

  static Map<String, OptionSpec> longOptions() {
    return LONG;
  }

  static OptionSpec shortOption(String name) {
    return SHORT.get(name);
  }
}
