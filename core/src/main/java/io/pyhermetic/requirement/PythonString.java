package io.pyhermetic.requirement;

/**
 * The value of a quoted marker string, which packaging obtains with Python's {@code
 * ast.literal_eval}: backslash escapes are interpreted ({@code 'po\x73ix'} is {@code posix}), and
 * what Python's tokenizer rejects is rejected here.
 */
final class PythonString {
  private PythonString() {}

  /** Evaluates the literal {@code s[start:end]}, quotes included. */
  static String literal(String s, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    int i = start + 1;
    int close = end - 1;
    while (i < close) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        throw new Pep508Parser.SyntaxError(
            "Invalid string literal: unterminated string", start, end);
      }
      if (c == '\0') {
        throw new Pep508Parser.SyntaxError("Invalid string literal: null character", start, end);
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= close) {
        // the backslash escapes the closing quote, so the literal never ends
        throw new Pep508Parser.SyntaxError(
            "Invalid string literal: unterminated string", start, end);
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n':
          break;
        case '\r':
          if (i < close && s.charAt(i) == '\n') {
            i++;
          }
          break;
        case '\\':
        case '\'':
        case '"':
          out.append(e);
          break;
        case 'a':
          out.append('\u0007');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'v':
          out.append('\u000b');
          break;
        case 'x':
          out.appendCodePoint(hex(s, i, 2, close, start, end, "truncated \\xXX escape"));
          i += 2;
          break;
        case 'u':
          out.appendCodePoint(hex(s, i, 4, close, start, end, "truncated \\uXXXX escape"));
          i += 4;
          break;
        case 'U':
          int cp = hex(s, i, 8, close, start, end, "truncated \\UXXXXXXXX escape");
          if (cp > Character.MAX_CODE_POINT) {
            throw new Pep508Parser.SyntaxError(
                "Invalid string literal: illegal Unicode character", start, end);
          }
          out.appendCodePoint(cp);
          i += 8;
          break;
        case 'N':
          int closeBrace = i < close && s.charAt(i) == '{' ? s.indexOf('}', i) : -1;
          if (closeBrace < 0 || closeBrace >= close || closeBrace == i + 1) {
            throw new Pep508Parser.SyntaxError(
                "Invalid string literal: malformed \\N character escape", start, end);
          }
          try {
            out.appendCodePoint(Character.codePointOf(s.substring(i + 1, closeBrace)));
          } catch (IllegalArgumentException unknown) {
            throw new Pep508Parser.SyntaxError(
                "Invalid string literal: unknown Unicode character name", start, end);
          }
          i = closeBrace + 1;
          break;
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            int digits = 1;
            while (digits < 3 && i < close && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
              value = value * 8 + (s.charAt(i) - '0');
              i++;
              digits++;
            }
            out.append((char) value);
          } else {
            // unknown escapes stay as written
            out.append('\\').append(e);
          }
      }
    }
    return out.toString();
  }

  private static int hex(String s, int at, int count, int close, int start, int end, String what) {
    if (at + count > close) {
      throw new Pep508Parser.SyntaxError("Invalid string literal: " + what, start, end);
    }
    int value = 0;
    for (int k = at; k < at + count; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 127) {
        throw new Pep508Parser.SyntaxError("Invalid string literal: " + what, start, end);
      }
      value = value * 16 + d;
      if (value > Character.MAX_CODE_POINT) {
        throw new Pep508Parser.SyntaxError(
            "Invalid string literal: illegal Unicode character", start, end);
      }
    }
    return value;
  }
}
