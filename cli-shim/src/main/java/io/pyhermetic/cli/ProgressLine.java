package io.pyhermetic.cli;

import java.io.PrintWriter;

/**
 * One status line on the terminal, rewritten in place ({@code [done/total] what}) while a long
 * command works, and erased when it is done. Only for an interactive terminal: callers decide.
 */
final class ProgressLine {
  private static final String ERASE = "\r\u001b[K";

  private final PrintWriter terminal;

  ProgressLine(PrintWriter terminal) {
    this.terminal = terminal;
  }

  /** Shows {@code what} as item {@code done} of {@code total}; erases the line at the last. */
  void show(int done, int total, String what) {
    int width = String.valueOf(total).length();
    synchronized (terminal) {
      terminal.printf(ERASE + "[%" + width + "d/%d] %s", done, total, what);
      if (done >= total) {
        terminal.print(ERASE);
      }
      terminal.flush();
    }
  }

  void clear() {
    synchronized (terminal) {
      terminal.print(ERASE);
      terminal.flush();
    }
  }
}
