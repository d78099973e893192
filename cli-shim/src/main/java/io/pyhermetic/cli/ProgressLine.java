package io.pyhermetic.cli;

import io.pyhermetic.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * One status line on the terminal, rewritten in place ({@code [done/total] what}) while a long
 * command works, and erased when it is done; a step is printed on a line of its own. The one
 * adapter of the library's {@link ProgressListener} to the terminal. Only for an interactive
 * terminal: {@link #of} gives a silent line otherwise.
 */
final class ProgressLine implements ProgressListener {
  private static final String ERASE = "\r\u001b[K";

  private final PrintWriter terminal;
  private final boolean shown;

  ProgressLine(PrintWriter terminal) {
    this(terminal, true);
  }

  private ProgressLine(PrintWriter terminal, boolean shown) {
    this.terminal = terminal;
    this.shown = shown;
  }

  /**
   * A line on {@code terminal} unless {@code quiet} or the process has no interactive terminal, in
   * which case nothing is ever written.
   */
  static ProgressLine of(PrintWriter terminal, boolean quiet) {
    return new ProgressLine(terminal, !quiet && System.console() != null);
  }

  /** Shows {@code what} as item {@code done} of {@code total}; erases the line at the last. */
  @Override
  public void progressed(int done, int total, String what) {
    if (!shown) {
      return;
    }
    int width = String.valueOf(total).length();
    synchronized (terminal) {
      terminal.printf(ERASE + "[%" + width + "d/%d] %s", done, total, what);
      if (done >= total) {
        terminal.print(ERASE);
      }
      terminal.flush();
    }
  }

  /** Erases the line and prints {@code description} on a line of its own. */
  @Override
  public void step(String description) {
    if (!shown) {
      return;
    }
    synchronized (terminal) {
      terminal.print(ERASE);
      terminal.flush();
      terminal.println(description);
      terminal.flush();
    }
  }

  void clear() {
    if (!shown) {
      return;
    }
    synchronized (terminal) {
      terminal.print(ERASE);
      terminal.flush();
    }
  }
}
