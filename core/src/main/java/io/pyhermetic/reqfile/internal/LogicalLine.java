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
  private final int[] pieceStart;
  private final int[] pieceLine;
  private final int[] pieceColumn;
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
    this.pieceStart = new int[pieces.size()];
    this.pieceLine = new int[pieces.size()];
    this.pieceColumn = new int[pieces.size()];
    for (int i = 0; i < pieces.size(); i++) {
      pieceStart[i] = pieces.get(i)[0];
      pieceLine[i] = pieces.get(i)[1];
      pieceColumn[i] = pieces.get(i)[2];
    }
    this.comment = comment;
  }

  /** The joined text (a comment line carries pip's prepended space). */
  public String text() {
    return text;
  }

  public int firstLine() {
    return firstLine;
  }

  public int lastLine() {
    return lastLine;
  }

  /** Offset in the file text where the first physical line starts. */
  public int startOffset() {
    return startOffset;
  }

  /** Offset in the file text just after the last physical line's terminator. */
  public int endOffset() {
    return endOffset;
  }

  /** Whether the first physical line is a comment line (starts with optional spaces and #). */
  public boolean isComment() {
    return comment;
  }

  /** The file position of {@code offset} in {@link #text()}. */
  public Location locate(String source, int offset) {
    int k = 0;
    while (k + 1 < pieceStart.length && pieceStart[k + 1] <= offset) {
      k++;
    }
    int within = Math.max(0, offset - pieceStart[k]);
    return new Location(source, pieceLine[k], Math.max(1, pieceColumn[k] + within));
  }

  /** Splits a file's text into pip's logical lines (Python's splitlines, then join_lines). */
  public static List<LogicalLine> split(String text) {
    List<int[]> physical = physicalLines(text);
    List<LogicalLine> out = new ArrayList<>();
    StringBuilder open = null;
    List<int[]> pieces = null;
    int openFirst = 0;
    int openStart = 0;
    for (int i = 0; i < physical.size(); i++) {
      int[] p = physical.get(i);
      String line = text.substring(p[0], p[1]);
      int number = i + 1;
      boolean isComment = isCommentLine(line);
      if (!line.endsWith("\\") || isComment) {
        String piece = isComment ? " " + line : line;
        if (open != null) {
          pieces.add(new int[] {open.length(), number, isComment ? 0 : 1});
          open.append(piece);
          out.add(
              new LogicalLine(open.toString(), openFirst, number, openStart, p[2], pieces, false));
          open = null;
        } else {
          List<int[]> single = new ArrayList<>();
          single.add(new int[] {0, number, isComment ? 0 : 1});
          out.add(new LogicalLine(piece, number, number, p[0], p[2], single, isComment));
        }
      } else {
        if (open == null) {
          open = new StringBuilder();
          pieces = new ArrayList<>();
          openFirst = number;
          openStart = p[0];
        }
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == '\\') {
          lead++;
        }
        int trail = line.length();
        while (trail > lead && line.charAt(trail - 1) == '\\') {
          trail--;
        }
        pieces.add(new int[] {open.length(), number, lead + 1});
        open.append(line, lead, trail);
      }
    }
    if (open != null) {
      int[] last = physical.get(physical.size() - 1);
      out.add(
          new LogicalLine(
              open.toString(), openFirst, physical.size(), openStart, last[2], pieces, false));
    }
    return out;
  }

  /** pip's comment-line test: optional whitespace, then #. */
  static boolean isCommentLine(String line) {
    int i = 0;
    while (i < line.length() && io.pyhermetic.internal.PyText.isSpace(line.charAt(i))) {
      i++;
    }
    return i < line.length() && line.charAt(i) == '#';
  }

  /**
   * Python's {@code str.splitlines()}: each element is {start, contentEnd, end (after the
   * terminator)}.
   */
  public static List<int[]> physicalLines(String text) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int terminator = 0;
      if (c == '\r') {
        terminator = i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
      } else if (c == '\n'
          || c == '\u000b'
          || c == '\u000c'
          || c == '\u001c'
          || c == '\u001d'
          || c == '\u001e'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029') {
        terminator = 1;
      }
      if (terminator > 0) {
        lines.add(new int[] {start, i, i + terminator});
        i += terminator;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) {
      lines.add(new int[] {start, n, n});
    }
    return lines;
  }
}
