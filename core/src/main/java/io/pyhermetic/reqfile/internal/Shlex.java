package io.pyhermetic.reqfile.internal;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code shlex.split(s)} (POSIX mode, no comments), which pip applies to options. */
public final class Shlex {
  /**
   * A token and the offset in the input where it starts. Unquoted tokens are views of the input
   * (their text is cut out only when asked for), which keeps long hash lines cheap.
   */
  public static final class Token {
    private final String source;
    private final int offset;
    private final int end;
    private String text;

    Token(String text, int offset) {
      this.source = null;
      this.text = text;
      this.offset = offset;
      this.end = -1;
    }

    Token(String source, int offset, int end) {
      this.source = source;
      this.offset = offset;
      this.end = end;
    }

    public String text() {
      if (text == null) {
        text = source.substring(offset, end);
      }
      return text;
    }

    public int offset() {
      return offset;
    }

    /** The text from {@code from} (an index into the text) to its end. */
    public String textFrom(int from) {
      return text != null ? text.substring(from) : source.substring(offset + from, end);
    }

    /** Whether the text starts with {@code prefix}. */
    public boolean startsWith(String prefix) {
      return text != null
          ? text.startsWith(prefix)
          : source.startsWith(prefix, offset) && end - offset >= prefix.length();
    }

    /** Index of {@code c} in the text, or -1. */
    public int indexOf(char c) {
      if (text != null) {
        return text.indexOf(c);
      }
      int i = source.indexOf(c, offset);
      return i < 0 || i >= end ? -1 : i - offset;
    }

    /** The first {@code length} characters of the text. */
    public String prefix(int length) {
      return text != null ? text.substring(0, length) : source.substring(offset, offset + length);
    }

    public int length() {
      return text != null ? text.length() : end - offset;
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** Thrown for an unbalanced quote or a trailing backslash, with shlex's message. */
  public static final class SplitException extends Exception {
    private static final long serialVersionUID = 1L;

    SplitException(String message) {
      super(message, null, false, false);
    }
  }

  private Shlex() {}

  public static List<Token> split(String s) throws SplitException {
    if (s.indexOf('\'') < 0 && s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
      return splitPlain(s);
    }
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

  /** Without quotes or backslashes, shlex only splits on whitespace. */
  private static List<Token> splitPlain(String s) {
    int n = s.length();
    List<Token> tokens = new ArrayList<>(8 + n / 48);
    if (s.indexOf('\t') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
      int i = 0;
      while (i < n) {
        int space = s.indexOf(' ', i);
        int end = space < 0 ? n : space;
        if (end > i) {
          tokens.add(new Token(s, i, end));
        }
        i = end + 1;
      }
      return tokens;
    }
    int i = 0;
    while (i < n) {
      while (i < n && isShlexSpace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !isShlexSpace(s.charAt(i))) {
        i++;
      }
      tokens.add(new Token(s, start, i));
    }
    return tokens;
  }

  private static boolean isShlexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
