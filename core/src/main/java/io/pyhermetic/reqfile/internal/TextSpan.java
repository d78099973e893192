package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;

/**
 * Physical lines of a file, as offsets into the file's text (shared, never copied per line).
 *
 * @param source the name used in locations
 * @param fileText the whole text of the file
 * @param start where the first physical line starts
 * @param end just after the last physical line's terminator
 * @param firstLine the 1-based number of the first physical line
 * @param lastLine the 1-based number of the last physical line
 */
public record TextSpan(
    String source, String fileText, int start, int end, int firstLine, int lastLine) {

  /**
   * The span of a logical line.
   *
   * @param source the name used in locations
   * @param fileText the whole text of the file
   * @param line the logical line
   * @return its span
   */
  public static TextSpan of(String source, String fileText, LogicalLine line) {
    return new TextSpan(
        source, fileText, line.startOffset(), line.endOffset(), line.firstLine(), line.lastLine());
  }

  /**
   * Where the span starts.
   *
   * @return its first line, column 1
   */
  public Location location() {
    return new Location(source, firstLine, 1);
  }

  /**
   * The physical lines exactly as in the file, line ends included.
   *
   * @return the text of the span
   */
  public String text() {
    return fileText.substring(start, end);
  }

  @Override
  public String toString() {
    return source + ":" + firstLine;
  }
}
