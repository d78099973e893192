package io.pyhermetic.reqfile.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The options pip 23.2.1 accepts in requirements files, as {@code optparse} defines them. */
public enum OptionSpec {
  /** pip's {@code --index-url} option. */
  INDEX_URL("--index-url", "-i", true, true),
  /** pip's {@code --pypi-url} option. */
  PYPI_URL("--pypi-url", null, true, true),
  /** pip's {@code --extra-index-url} option. */
  EXTRA_INDEX_URL("--extra-index-url", null, true, true),
  /** pip's {@code --no-index} option. */
  NO_INDEX("--no-index", null, false, true),
  /** pip's {@code --constraint} option. */
  CONSTRAINT("--constraint", "-c", true, true),
  /** pip's {@code --requirement} option. */
  REQUIREMENT("--requirement", "-r", true, true),
  /** pip's {@code --editable} option. */
  EDITABLE("--editable", "-e", true, true),
  /** pip's {@code --find-links} option. */
  FIND_LINKS("--find-links", "-f", true, true),
  /** pip's {@code --no-binary} option. */
  NO_BINARY("--no-binary", null, true, true),
  /** pip's {@code --only-binary} option. */
  ONLY_BINARY("--only-binary", null, true, true),
  /** pip's {@code --prefer-binary} option. */
  PREFER_BINARY("--prefer-binary", null, false, true),
  /** pip's {@code --require-hashes} option. */
  REQUIRE_HASHES("--require-hashes", null, false, true),
  /** pip's {@code --pre} option. */
  PRE("--pre", null, false, true),
  /** pip's {@code --trusted-host} option. */
  TRUSTED_HOST("--trusted-host", null, true, true),
  /** pip's {@code --use-feature} option. */
  USE_FEATURE("--use-feature", null, true, true),
  /** pip's {@code --global-option} option. */
  GLOBAL_OPTION("--global-option", null, true, false),
  /** pip's {@code --hash} option. */
  HASH("--hash", null, true, false),
  /** pip's {@code --config-settings} option. */
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

  /**
   * The option's long name.
   *
   * @return the option's long name
   */
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

  /**
   * Whether the option takes a value.
   *
   * @return whether the option takes a value
   */
  public boolean takesValue() {
    return takesValue;
  }

  /**
   * A global option (as opposed to one that belongs to a requirement line).
   *
   * @return A global option
   */
  public boolean isGlobal() {
    return global;
  }

  /**
   * The canonical name pip's option destination is known by ({@code --pypi-url} is {@code -i}).
   *
   * @return the canonical name pip's option destination is known by
   */
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
