package io.pyhermetic.internal;

/**
 * Character rules of CPython that the PEP 440/508 reference implementation relies on: what {@code
 * str.isspace()} and the regex {@code \s} accept, and what {@code \w} treats as a word character.
 * Java's own notions differ (for example on U+00A0 and U+0085).
 */
public final class PyText {
  private PyText() {}

  /** CPython's {@code str.isspace()} for one code point. */
  public static boolean isSpace(int cp) {
    if (cp < 128) {
      return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
    }
    return cp == 0x85
        || cp == 0xa0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200a)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202f
        || cp == 0x205f
        || cp == 0x3000;
  }

  /** CPython's regex {@code \w} in Unicode mode: letters, numbers and underscore. */
  public static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= '0' && cp <= '9')
          || cp == '_';
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** Index of the first code unit that is not Python whitespace, at or after {@code from}. */
  public static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** End index after removing trailing Python whitespace from {@code s[from:to]}. */
  public static int trimEnd(String s, int from, int to) {
    int i = to;
    while (i > from) {
      int cp = s.codePointBefore(i);
      if (!isSpace(cp)) {
        break;
      }
      i -= Character.charCount(cp);
    }
    return i;
  }

  /** Python's {@code str.strip()} with no arguments. */
  public static String strip(String s) {
    int start = skipSpace(s, 0);
    int end = trimEnd(s, start, s.length());
    return s.substring(start, end);
  }

  /** Whether {@code s} has a word boundary (regex {@code \b}) at index {@code i}. */
  public static boolean isWordBoundary(String s, int i) {
    boolean before = i > 0 && isWordChar(s.codePointBefore(i));
    boolean after = i < s.length() && isWordChar(s.codePointAt(i));
    return before != after;
  }

  /** Python's {@code repr()} of a string, for messages that quote input as the reference does. */
  public static String repr(String s) {
    boolean hasSingle = s.indexOf('\'') >= 0;
    boolean hasDouble = s.indexOf('"') >= 0;
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp < 0x20 || cp == 0x7f) {
        out.append(String.format("\\x%02x", cp));
      } else if (!isPrintable(cp)) {
        if (cp <= 0xff) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.append(quote).toString();
  }

  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    int type = Character.getType(cp);
    switch (type) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /** Python's string ordering: by code point (Java's compareTo orders by UTF-16 unit). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Python's {@code str.lower()}. */
  public static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }
}
