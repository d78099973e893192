package io.pyhermetic.version;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;

/**
 * Reads one PEP 440 specifier as packaging's {@code Specifier} does, returning a located error
 * instead of throwing, so that {@link SpecifierSet} and {@code tryParse} pay for no exception.
 */
final class SpecifierParser {
  private SpecifierParser() {}

  /** Parses {@code s[from:to]}; returns the Specifier or the exception (located in {@code s}). */
  static Object parseRegion(String s, int from, int to) {
    int start = PyText.skipSpace(s, from);
    int end = PyText.trimEnd(s, start, to);
    Specifier.Operator op;
    if (s.startsWith("===", start) && start + 3 <= end) {
      op = Specifier.Operator.ARBITRARY;
    } else if (end - start >= 2 && s.startsWith("~=", start)) {
      op = Specifier.Operator.COMPATIBLE;
    } else if (end - start >= 2 && s.startsWith("==", start)) {
      op = Specifier.Operator.EQUAL;
    } else if (end - start >= 2 && s.startsWith("!=", start)) {
      op = Specifier.Operator.NOT_EQUAL;
    } else if (end - start >= 2 && s.startsWith("<=", start)) {
      op = Specifier.Operator.LESS_EQUAL;
    } else if (end - start >= 2 && s.startsWith(">=", start)) {
      op = Specifier.Operator.GREATER_EQUAL;
    } else if (start < end && s.charAt(start) == '<') {
      op = Specifier.Operator.LESS;
    } else if (start < end && s.charAt(start) == '>') {
      op = Specifier.Operator.GREATER;
    } else {
      return invalid(
          s,
          from,
          to,
          start,
          start < end
              ? "expected an operator (~=, ==, !=, <=, >=, <, >, ===)"
              : "expected a version specifier");
    }
    int versionStart = PyText.skipSpace(s, start + op.symbol().length());
    if (versionStart > end) {
      versionStart = end;
    }
    String text = s.substring(versionStart, end);
    if (op == Specifier.Operator.ARBITRARY) {
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        if (PyText.isSpace(cp) || cp == ';' || cp == ')') {
          return invalid(
              s,
              from,
              to,
              versionStart + i,
              "unexpected " + PyText.repr(Character.toString(cp)) + " in an arbitrary version");
        }
        i += Character.charCount(cp);
      }
      return new Specifier(op, text, VersionParser.parseOrNull(text), false);
    }
    if (text.isEmpty()) {
      return invalid(s, from, to, versionStart, "expected a version after " + op.symbol());
    }
    if (text.endsWith(".*")) {
      if (op != Specifier.Operator.EQUAL && op != Specifier.Operator.NOT_EQUAL) {
        return invalid(s, from, to, end - 2, ".* suffix can only be used with == or != operators");
      }
      int bad = wildcardPrefixError(text);
      if (bad >= 0) {
        return invalid(
            s,
            from,
            to,
            versionStart + bad,
            "a .* suffix needs a plain release before it (no pre, post, dev or local part)");
      }
      return new Specifier(op, text, null, true);
    }
    VersionParser parser = new VersionParser(text);
    Version v = parser.parse();
    if (v == null) {
      InvalidVersionException e = parser.error();
      return invalid(s, from, to, versionStart + offsetOf(text, e.column()), e.reason());
    }
    if (v.hasLocal() && op != Specifier.Operator.EQUAL && op != Specifier.Operator.NOT_EQUAL) {
      return invalid(
          s,
          from,
          to,
          versionStart + text.indexOf('+'),
          "local version label can only be used with == or != operators");
    }
    if (op == Specifier.Operator.COMPATIBLE && v.releaseArray().length < 2) {
      return invalid(
          s, from, to, versionStart, "~= needs a version with at least two release numbers");
    }
    return new Specifier(op, text, v, false);
  }

  private static int offsetOf(String text, int column) {
    return text.offsetByCodePoints(0, Math.min(column - 1, text.codePointCount(0, text.length())));
  }

  /** Index of the first character not allowed in {@code v?(N!)?N(.N)*.*}, or -1. */
  private static int wildcardPrefixError(String text) {
    int end = text.length() - 2;
    int i = 0;
    if (i < end && (text.charAt(i) == 'v' || text.charAt(i) == 'V')) {
      i++;
    }
    int j = i;
    while (j < end && isDigit(text.charAt(j))) {
      j++;
    }
    if (j > i && j < end && text.charAt(j) == '!') {
      i = j + 1;
    }
    boolean needDigit = true;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        needDigit = false;
      } else if (c == '.' && !needDigit) {
        needDigit = true;
      } else {
        return i;
      }
    }
    return needDigit ? end : -1;
  }

  private static InvalidSpecifierException invalid(
      String s, int from, int to, int offset, String detail) {
    String piece = s.substring(from, to);
    return new InvalidSpecifierException(
        s,
        Location.inString(s, offset),
        "Invalid specifier: " + PyText.repr(PyText.strip(piece)) + ": " + detail);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
