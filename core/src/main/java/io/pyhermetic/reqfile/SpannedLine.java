package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.internal.TextSpan;
import java.util.Objects;

/** What every kind of line but an entry is made of: its place in the file's shared text. */
abstract class SpannedLine {
  private final TextSpan span;

  SpannedLine(TextSpan span) {
    this.span = Objects.requireNonNull(span, "span");
  }

  /**
   * Where the line starts.
   *
   * @return the file and first physical line (column 1)
   */
  public Location location() {
    return span.location();
  }

  /**
   * The number of the line's last physical line.
   *
   * @return a 1-based line number
   */
  public int lastLine() {
    return span.lastLine();
  }

  /**
   * The line's physical lines exactly as in the file.
   *
   * @return the text, line ends included
   */
  public String text() {
    return span.text();
  }

  @Override
  public String toString() {
    return span.toString();
  }
}
