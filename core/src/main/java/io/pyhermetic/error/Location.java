package io.pyhermetic.error;

import java.util.Objects;

/**
 * Where a problem was found: a source (a file path, or {@code <string>} for text given directly), a
 * 1-based line and a 1-based column counted in Unicode code points.
 *
 * @param source the file path, or {@code <string>}
 * @param line the 1-based line
 * @param column the 1-based column, in code points
 */
public record Location(String source, int line, int column) {

  /** The source name used for text that did not come from a file. */
  public static final String STRING_SOURCE = "<string>";

  /**
   * Checks the source is not null and the line and column are at least 1.
   *
   * @param source the file path, or {@code <string>}
   * @param line the 1-based line
   * @param column the 1-based column, in code points
   */
  public Location {
    Objects.requireNonNull(source, "source");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /**
   * A location inside a single-line string given directly, at a 0-based UTF-16 offset.
   *
   * @param text the string
   * @param offset the 0-based UTF-16 offset in it
   * @return the location (line 1)
   */
  public static Location inString(String text, int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    return new Location(STRING_SOURCE, 1, text.codePointCount(0, clamped) + 1);
  }

  /**
   * The same place seen from an enclosing text that starts at {@code line}:{@code column}.
   *
   * @param newSource the enclosing text's source name
   * @param newLine the line of the enclosing text where this text starts
   * @param startColumn the column of the enclosing text where this text starts
   * @return the location in the enclosing text
   */
  public Location shiftedTo(String newSource, int newLine, int startColumn) {
    return new Location(
        newSource, newLine + line - 1, line == 1 ? startColumn + column - 1 : column);
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
