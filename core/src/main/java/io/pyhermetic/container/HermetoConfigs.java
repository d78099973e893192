package io.pyhermetic.container;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Hermeto input of each architecture a plan builds, as both plans take them. */
final class HermetoConfigs {
  private HermetoConfigs() {}

  /**
   * An unmodifiable copy of {@code configs}, in their order.
   *
   * @throws IllegalArgumentException when there are none: a plan needs at least one architecture
   */
  static Map<String, String> copyOf(Map<String, String> configs) {
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one architecture");
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(configs));
  }
}
