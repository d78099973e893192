package io.pyhermetic.internal;

/**
 * Character rules of CPython that the PEP 440/508 reference implementation relies on: what {@code
 * str.isspace()} and the regex {@code \s} accept, and what {@code \w} treats as a word character.
 * Java's own notions differ (for example on U+00A0 and U+0085).
 */
public final class PyText {
  private PyText() {}

  /**
   * CPython's {@code str.isspace()} for one code point.
   *
   * @param cp the code point
   * @return {@code true} when Python counts it as whitespace
   */
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

  /**
   * CPython's regex {@code \w} in Unicode mode: letters, numbers and underscore.
   *
   * @param cp the code point
   * @return {@code true} for a word character
   */
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

  /**
   * Index of the first code unit that is not Python whitespace, at or after {@code from}.
   *
   * @param s the text
   * @param from where to start
   * @return the index, or {@code s.length()} when only whitespace follows
   */
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

  /**
   * End index after removing trailing Python whitespace from {@code s[from:to]}.
   *
   * @param s the text
   * @param from the start of the range
   * @param to the end of the range (exclusive)
   * @return the end index of the trimmed range
   */
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

  /**
   * Python's {@code str.strip()} with no arguments.
   *
   * @param s the text
   * @return the text without leading and trailing Python whitespace
   */
  public static String strip(String s) {
    int start = skipSpace(s, 0);
    int end = trimEnd(s, start, s.length());
    return s.substring(start, end);
  }

  /**
   * Whether {@code s} has a word boundary (regex {@code \b}) at index {@code i}.
   *
   * @param s the text
   * @param i the index
   * @return {@code true} at a word boundary
   */
  public static boolean isWordBoundary(String s, int i) {
    boolean before = i > 0 && isWordChar(s.codePointBefore(i));
    boolean after = i < s.length() && isWordChar(s.codePointAt(i));
    return before != after;
  }

  /**
   * {@code text} with every line longer than {@code max} characters cut there, and how much was
   * left out said instead: a message quoting a hostile input stays readable.
   *
   * @param text the text
   * @param max the longest line kept whole
   * @return the text with long lines clipped
   */
  public static String clipLines(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 4 * max));
    int start = 0;
    while (true) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      if (end - start <= max) {
        out.append(text, start, end);
      } else {
        int cut = start + max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
          cut--;
        }
        out.append(text, start, cut).append("... (").append(end - cut).append(" more characters)");
      }
      if (newline < 0) {
        return out.toString();
      }
      out.append('\n');
      start = newline + 1;
    }
  }

  /**
   * {@code s} with what would disturb a terminal (control characters, ESC and BEL among them, and
   * other unprintable ones) written as {@link #repr} writes them, without quotes; a line break
   * stays one.
   *
   * @param s the text
   * @return the text with unprintable characters escaped
   */
  public static String escapeControls(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cp != '\n' && (cp < 0x20 || (cp != ' ' && !isPrintable(cp)))) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n' || (cp >= 0x20 && (cp == ' ' || isPrintable(cp)))) {
        out.appendCodePoint(cp);
      } else {
        out.append(escape(cp));
      }
    }
    return out.toString();
  }

  /**
   * A multi-line message (pip's and packaging's: a reason, the input, a caret line under it) with
   * {@link #escapeControls} applied to each line, the carets moved along with the characters they
   * point at.
   *
   * @param message the message
   * @return the message with unprintable characters escaped
   */
  public static String escapeMessage(String message) {
    String escaped = escapeControls(message);
    if (escaped.equals(message) || message.indexOf('^') < 0) {
      return escaped;
    }
    String[] lines = message.split("\n", -1);
    StringBuilder out = new StringBuilder(escaped.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      String line = lines[i];
      if (i > 0 && line.matches(" *~*\\^") && !lines[i - 1].equals(escapeControls(lines[i - 1]))) {
        String above = lines[i - 1];
        int tildes = line.indexOf('~');
        int caret = line.length() - 1;
        int from = tildes < 0 ? caret : tildes;
        int shownFrom = shownWidth(above, from);
        int shownCaret = shownWidth(above, caret);
        out.append(" ".repeat(shownFrom))
            .append("~".repeat(Math.max(0, shownCaret - shownFrom)))
            .append('^');
      } else {
        out.append(escapeControls(line));
      }
    }
    return out.toString();
  }

  // the width of the first {@code columns} characters of {@code line} once escaped (columns past
  // its end count one each)
  private static int shownWidth(String line, int columns) {
    int inLine = Math.min(columns, line.length());
    return escapeControls(line.substring(0, inLine)).length() + (columns - inLine);
  }

  /** How {@link #repr} writes a character that is not shown as itself. */
  private static String escape(int cp) {
    switch (cp) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        if (cp <= 0xff) {
          return String.format("\\x%02x", cp);
        }
        return cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }
  }

  /**
   * Python's {@code repr()} of a string, for messages that quote input as the reference does.
   *
   * @param s the text
   * @return the quoted, escaped text
   */
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

  /**
   * Python's string ordering: by code point (Java's compareTo orders by UTF-16 unit).
   *
   * @param a a string
   * @param b another string
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
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

  /**
   * Python's {@code str.lower()}.
   *
   * @param s the text
   * @return the text in lower case
   */
  public static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }
}
