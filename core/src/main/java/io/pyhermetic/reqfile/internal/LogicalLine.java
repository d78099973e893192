package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A line after pip's continuation joining, with a map back to the physical lines it came from so
 * that a position in it can be reported as {@code file:line:column}.
 */
public final class LogicalLine {
  private final String text;
  private final int firstLine;
  private final int lastLine;
  private final int startOffset;
  private final int endOffset;
  private final LinePositions positions;
  private final boolean comment;

  LogicalLine(
      String text,
      int firstLine,
      int lastLine,
      int startOffset,
      int endOffset,
      List<int[]> pieces,
      boolean comment) {
    this.text = text;
    this.firstLine = firstLine;
    this.lastLine = lastLine;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.positions = LinePositions.of(pieces);
    this.comment = comment;
  }

  /**
   * The joined text (a comment line carries pip's prepended space).
   *
   * @return the joined text
   */
  public String text() {
    return text;
  }

  /**
   * The number of the first physical line.
   *
   * @return the number of the first physical line
   */
  public int firstLine() {
    return firstLine;
  }

  /**
   * The number of the last physical line.
   *
   * @return the number of the last physical line
   */
  public int lastLine() {
    return lastLine;
  }

  /**
   * Offset in the file text where the first physical line starts.
   *
   * @return offset in the file text where the first physical line starts
   */
  public int startOffset() {
    return startOffset;
  }

  /**
   * Offset in the file text just after the last physical line's terminator.
   *
   * @return offset in the file text just after the last physical line's terminator
   */
  public int endOffset() {
    return endOffset;
  }

  /**
   * Whether the first physical line is a comment line (starts with optional spaces and #).
   *
   * @return whether the first physical line is a comment line
   */
  public boolean isComment() {
    return comment;
  }

  /**
   * The file position of {@code offset} in {@link #text()}.
   *
   * @param source the name used in the location
   * @param offset an index into {@link #text()}
   * @return the physical line and column of that index
   */
  public Location locate(String source, int offset) {
    return positions.locate(source, offset);
  }

  /**
   * The map from positions in {@link #text()} to physical lines, kept without the text itself.
   *
   * @return the line's position map
   */
  public LinePositions positions() {
    return positions;
  }

  /**
   * Reads a text's logical lines one at a time (Python's splitlines, then pip's join_lines), so
   * that only the line being read is held, never all of them.
   *
   * @param text the text
   * @param from where a physical line starts in it
   * @param firstNumber the 1-based number of that physical line
   * @return a reader positioned at {@code from}
   */
  public static Reader reader(String text, int from, int firstNumber) {
    return new Reader(text, from, firstNumber);
  }

  /** A cursor over the logical lines of a text, with one line of lookahead. */
  public static final class Reader {
    private final String text;
    private int pos;
    private int number;
    private LogicalLine peeked;

    private Reader(String text, int from, int firstNumber) {
      this.text = text;
      this.pos = from;
      this.number = firstNumber - 1;
    }

    /**
     * Whether a logical line is left.
     *
     * @return whether {@link #next()} has a line to return
     */
    public boolean hasNext() {
      return peek() != null;
    }

    /**
     * The next logical line, without consuming it.
     *
     * @return the line, or null at the end of the text
     */
    public LogicalLine peek() {
      if (peeked == null) {
        peeked = read();
      }
      return peeked;
    }

    /**
     * Consumes the next logical line.
     *
     * @return the line
     * @throws java.util.NoSuchElementException at the end of the text
     */
    public LogicalLine next() {
      LogicalLine line = peek();
      if (line == null) {
        throw new java.util.NoSuchElementException();
      }
      peeked = null;
      return line;
    }

    private LogicalLine read() {
      StringBuilder open = null;
      List<int[]> pieces = null;
      int openFirst = 0;
      int openStart = 0;
      int n = text.length();
      while (pos < n) {
        int start = pos;
        int end = contentEnd(text, start);
        int next = afterBreak(text, end);
        pos = next;
        number++;
        boolean isComment = isCommentLine(text, start, end);
        boolean continued = end > start && text.charAt(end - 1) == '\\';
        if (!continued || isComment) {
          if (open != null) {
            pieces.add(new int[] {open.length(), number, isComment ? 0 : 1});
            if (isComment) {
              open.append(' ');
            }
            open.append(text, start, end);
            return new LogicalLine(
                open.toString(), openFirst, number, openStart, next, pieces, false);
          }
          String line = text.substring(start, end);
          List<int[]> single = List.of(new int[] {0, number, isComment ? 0 : 1});
          return new LogicalLine(
              isComment ? " " + line : line, number, number, start, next, single, isComment);
        }
        if (open == null) {
          open = new StringBuilder();
          pieces = new ArrayList<>();
          openFirst = number;
          openStart = start;
        }
        int lead = start;
        while (lead < end && text.charAt(lead) == '\\') {
          lead++;
        }
        int trail = end;
        while (trail > lead && text.charAt(trail - 1) == '\\') {
          trail--;
        }
        pieces.add(new int[] {open.length(), number, lead - start + 1});
        open.append(text, lead, trail);
      }
      if (open != null) {
        return new LogicalLine(open.toString(), openFirst, number, openStart, pos, pieces, false);
      }
      return null;
    }
  }

  /** Where the physical line starting at {@code start} ends (before its line break). */
  private static int contentEnd(String text, int start) {
    int n = text.length();
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if ((c > '\r' && c < '\u001c') || (c > '\u001e' && c < '\u0085')) {
        continue; // the common case: not a line break
      }
      if (isBreak(c)) {
        return i;
      }
    }
    return n;
  }

  /** Where the next physical line starts, after the break at {@code end}. */
  private static int afterBreak(String text, int end) {
    int n = text.length();
    if (end >= n) {
      return n;
    }
    return text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n'
        ? end + 2
        : end + 1;
  }

  private static boolean isBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000b'
        || c == '\u000c'
        || c == '\u001c'
        || c == '\u001d'
        || c == '\u001e'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  private static boolean isCommentLine(String text, int start, int end) {
    int i = start;
    while (i < end
        && (text.charAt(i) == ' ' || io.pyhermetic.internal.PyText.isSpace(text.charAt(i)))) {
      i++;
    }
    return i < end && text.charAt(i) == '#';
  }

  /**
   * Python's {@code str.splitlines()}: each element is {start, contentEnd, end (after the
   * terminator)}.
   *
   * @param text the text
   * @return one element per physical line
   */
  public static List<int[]> physicalLines(String text) {
    List<int[]> lines = new ArrayList<>(16 + text.length() / 32);
    int start = 0;
    while (start < text.length()) {
      int end = contentEnd(text, start);
      int next = afterBreak(text, end);
      lines.add(new int[] {start, end, next});
      start = next;
    }
    return lines;
  }
}
