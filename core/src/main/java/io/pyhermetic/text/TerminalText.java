package io.pyhermetic.text;

import io.pyhermetic.internal.PyText;

/** Text from outside (a requirements line, a server's answer) made safe to print on a terminal. */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code s} with control characters (ESC, BEL, …) shown as escapes instead of acted upon.
   *
   * @param s the text
   * @return the text with control characters escaped
   */
  public static String escapeControls(String s) {
    return PyText.escapeControls(s);
  }

  /**
   * A message for one line of a terminal: control characters escaped, and a very long message
   * clipped with its length said.
   *
   * @param message the message
   * @return the message, safe to print
   */
  public static String escapeMessage(String message) {
    return PyText.escapeMessage(message);
  }
}
