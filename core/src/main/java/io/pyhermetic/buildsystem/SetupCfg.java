package io.pyhermetic.buildsystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of Python's {@code ConfigParser} needed for {@code [options] setup_requires} and {@code
 * [metadata] name/version}: no interpolation, keys compared case-insensitively.
 */
final class SetupCfg {
  private SetupCfg() {}

  /** The non-empty lines of the {@code setup_requires} value of section {@code [options]}. */
  static List<String> setupRequires(String text) {
    return values(text, "options", "setup_requires");
  }

  /** The non-empty lines of the value of {@code key} in {@code section} (empty when absent). */
  static List<String> values(String text, String section, String key) {
    List<String> lines = new ArrayList<>();
    String current = null;
    boolean inValue = false;
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      String stripped = raw.strip();
      boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (inValue && indented && !stripped.isEmpty()) {
        lines.add(stripped);
        continue;
      }
      if (stripped.isEmpty()) {
        continue;
      }
      inValue = false;
      if (!indented && stripped.startsWith("[") && stripped.endsWith("]")) {
        current = stripped.substring(1, stripped.length() - 1).strip();
        continue;
      }
      if (!section.equals(current) || indented) {
        continue;
      }
      int eq = delimiter(stripped);
      if (eq < 0) {
        continue;
      }
      String name = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (name.equals(key)) {
        inValue = true;
        String first = stripped.substring(eq + 1).strip();
        if (!first.isEmpty()) {
          lines.add(first);
        }
      }
    }
    return lines;
  }

  private static int delimiter(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  /** The keys of {@code section}, lower-cased, in order. */
  static List<String> keys(String text, String section) {
    List<String> keys = new ArrayList<>();
    String current = null;
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      String stripped = raw.strip();
      boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";") || indented) {
        continue;
      }
      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        current = stripped.substring(1, stripped.length() - 1).strip();
        continue;
      }
      int eq = delimiter(stripped);
      if (section.equals(current) && eq > 0) {
        String key = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!keys.contains(key)) {
          keys.add(key);
        }
      }
    }
    return keys;
  }
}
