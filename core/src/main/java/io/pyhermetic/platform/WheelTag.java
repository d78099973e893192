package io.pyhermetic.platform;

import io.pyhermetic.error.Location;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One wheel compatibility tag, {@code interpreter-abi-platform} such as {@code
 * cp312-cp312-manylinux_2_17_x86_64}, compared lower-cased as packaging does.
 *
 * @param interpreter the interpreter tag, such as {@code cp312}
 * @param abi the ABI tag, such as {@code abi3}
 * @param platform the platform tag, such as {@code manylinux_2_17_x86_64}
 */
public record WheelTag(String interpreter, String abi, String platform) {
  /**
   * Checks that no part is null, and lower-cases the parts.
   *
   * @param interpreter the interpreter tag, such as {@code cp312}
   * @param abi the ABI tag, such as {@code abi3}
   * @param platform the platform tag, such as {@code manylinux_2_17_x86_64}
   */
  public WheelTag {
    interpreter = Objects.requireNonNull(interpreter, "interpreter").toLowerCase(Locale.ROOT);
    abi = Objects.requireNonNull(abi, "abi").toLowerCase(Locale.ROOT);
    platform = Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
  }

  /**
   * Expands a (possibly compressed) tag such as {@code py2.py3-none-any} into its tags, as
   * packaging's {@code parse_tag}: exactly three {@code -}-separated components, each a {@code
   * .}-separated set (order not required).
   *
   * @param tag the tag triple, such as {@code py2.py3-none-any}
   * @return the tags, in order
   * @throws InvalidFilenameException when there are not exactly three components
   */
  public static Set<WheelTag> parseSet(String tag) {
    String[] components = tag.split("-", -1);
    if (components.length != 3) {
      throw new InvalidFilenameException(
          tag,
          Location.inString(tag, 0),
          "Invalid tag "
              + tag
              + ": expected interpreter-abi-platform, got "
              + components.length
              + " parts");
    }
    java.util.LinkedHashSet<WheelTag> tags = new java.util.LinkedHashSet<>();
    for (String interpreter : components[0].split("\\.", -1)) {
      for (String abi : components[1].split("\\.", -1)) {
        for (String platform : components[2].split("\\.", -1)) {
          tags.add(new WheelTag(interpreter, abi, platform));
        }
      }
    }
    return java.util.Collections.unmodifiableSet(tags);
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
