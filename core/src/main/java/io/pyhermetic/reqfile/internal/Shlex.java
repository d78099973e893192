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
    private final int start;
    private final int end;
    private final int offset;
    private String text;

    Token(String text, int offset) {
      this.source = null;
      this.text = text;
      this.start = offset;
      this.end = -1;
      this.offset = offset;
    }

    Token(String source, int start, int end, int offset) {
      this.source = source;
      this.start = start;
      this.end = end;
      this.offset = offset;
    }

    /**
     * The token's text.
     *
     * @return the token's text
     */
    public String text() {
      if (text == null) {
        text = source.substring(start, end);
      }
      return text;
    }

    /**
     * Where the token starts, counted from the start of the split text.
     *
     * @return where the token starts, counted from the start of the split text
     */
    public int offset() {
      return offset;
    }

    /**
     * The text from {@code from} (an index into the text) to its end.
     *
     * @param from the from
     * @return the text from {@code from}
     */
    public String textFrom(int from) {
      return text != null ? text.substring(from) : source.substring(start + from, end);
    }

    /**
     * Whether the text starts with {@code prefix}.
     *
     * @param prefix the prefix
     * @return whether the text starts with {@code prefix}
     */
    public boolean startsWith(String prefix) {
      return text != null
          ? text.startsWith(prefix)
          : source.startsWith(prefix, start) && end - start >= prefix.length();
    }

    /**
     * Index of {@code c} in the text, or -1.
     *
     * @param c the c
     * @return index of {@code c} in the text, or -1
     */
    public int indexOf(char c) {
      if (text != null) {
        return text.indexOf(c);
      }
      int i = source.indexOf(c, start);
      return i < 0 || i >= end ? -1 : i - start;
    }

    /**
     * The first {@code length} characters of the text.
     *
     * @param length the length
     * @return the first {@code length} characters of the text
     */
    public String prefix(int length) {
      return text != null ? text.substring(0, length) : source.substring(start, start + length);
    }

    /**
     * The token's length.
     *
     * @return the token's length
     */
    public int length() {
      return text != null ? text.length() : end - start;
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

  /**
   * Splits a string as shlex.split does.
   *
   * @param s the s
   * @return the tokens
   * @throws SplitException for an unbalanced quote or a trailing backslash
   */
  public static List<Token> split(String s) throws SplitException {
    return split(s, 0);
  }

  /**
   * Splits {@code s} from index {@code from}; token offsets count from {@code from}.
   *
   * @param s the s
   * @param from the from
   * @return the tokens
   * @throws SplitException for an unbalanced quote or a trailing backslash
   */
  public static List<Token> split(String s, int from) throws SplitException {
    if (s.indexOf('\'', from) < 0 && s.indexOf('"', from) < 0 && s.indexOf('\\', from) < 0) {
      return splitPlain(s, from);
    }
    if (from > 0) {
      return split(s.substring(from), 0);
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
  private static List<Token> splitPlain(String s, int from) {
    int n = s.length();
    List<Token> tokens = new ArrayList<>(8 + (n - from) / 48);
    if (s.indexOf('\t', from) < 0 && s.indexOf('\r', from) < 0 && s.indexOf('\n', from) < 0) {
      int i = from;
      while (i < n) {
        int space = s.indexOf(' ', i);
        int end = space < 0 ? n : space;
        if (end > i) {
          tokens.add(new Token(s, i, end, i - from));
        }
        i = end + 1;
      }
      return tokens;
    }
    int i = from;
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
      tokens.add(new Token(s, start, i, start - from));
    }
    return tokens;
  }

  private static boolean isShlexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
