package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;

/**
 * One logical line of a requirements file (physical lines joined by continuations), as pip reads
 * it: a requirement, a line of options, an include, a comment or a blank line. Switch over the
 * permitted types to handle every kind.
 */
public sealed interface Line permits Entry, OptionLine, Include, CommentLine, BlankLine {

  /**
   * Where the line starts.
   *
   * @return the file and first physical line (column 1)
   */
  Location location();

  /**
   * The number of the line's first physical line.
   *
   * @return a 1-based line number
   */
  default int line() {
    return location().line();
  }

  /**
   * The number of the line's last physical line (continuations included).
   *
   * @return a 1-based line number
   */
  int lastLine();

  /**
   * The line's physical lines exactly as in the file.
   *
   * @return the text, line ends included
   */
  String text();
}
