package io.pyhermetic.reqfile.internal;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code shlex.split(s)} (POSIX mode, no comments), which pip applies to options. */
public final class Shlex {
  /** A token and the offset in the input where it starts. */
  public record Token(String text, int offset) {}

  /** Thrown for an unbalanced quote or a trailing backslash, with shlex's message. */
  public static final class SplitException extends Exception {
    private static final long serialVersionUID = 1L;

    SplitException(String message) {
      super(message, null, false, false);
    }
  }

  private Shlex() {}

  public static List<Token> split(String s) throws SplitException {
    List<Token> tokens = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (current != null) {
          tokens.add(new Token(current.toString(), start));
          current = null;
        }
        i++;
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
        start = i;
      }
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new SplitException("No escaped character");
        }
        current.append(s.charAt(i + 1));
        i += 2;
      } else if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        if (close < 0) {
          throw new SplitException("No closing quotation");
        }
        current.append(s, i + 1, close);
        i = close + 1;
      } else if (c == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new SplitException("No closing quotation");
          }
          char d = s.charAt(i);
          if (d == '"') {
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
            current.append(s.charAt(i + 1));
            i += 2;
          } else if (d == '\\' && i + 1 >= n) {
            throw new SplitException("No closing quotation");
          } else {
            current.append(d);
            i++;
          }
        }
      } else {
        current.append(c);
        i++;
      }
    }
    if (current != null) {
      tokens.add(new Token(current.toString(), start));
    }
    return tokens;
  }
}
