package io.pyhermetic.text;

import java.util.List;
import java.util.Optional;

/**
 * A table for the terminal: columns left-aligned, two spaces apart, no trailing blanks, each line
 * ended by LF; a cell may be coloured with an ANSI code (the padding never is).
 */
public final class TextTable {
  private static final String RESET = "\u001b[0m";

  /** The ANSI colour of a body cell, or empty for none. */
  @FunctionalInterface
  public interface Colours {
    /**
     * The colour of one body cell.
     *
     * @param row the 0-based row
     * @param column the 0-based column
     * @param cell the cell's text
     * @return the ANSI colour code, or empty for none
     */
    Optional<String> of(int row, int column, String cell);

    /** No colour anywhere. */
    Colours NONE = (row, column, cell) -> Optional.empty();

    /**
     * {@code colours} when {@code on}, else {@link #NONE}: for output that is coloured only on a
     * terminal.
     *
     * @param on whether to colour
     * @param colours the colours to use then
     * @return the colours to render with
     */
    static Colours when(boolean on, Colours colours) {
      return on ? colours : NONE;
    }
  }

  private TextTable() {}

  /**
   * The header and rows (each as long as the header) as aligned lines.
   *
   * @param header the column titles
   * @param rows the rows
   * @param colours the colour of each body cell
   * @return the table's text
   */
  public static String render(List<String> header, List<List<String>> rows, Colours colours) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths, -1, Colours.NONE);
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), widths, r, colours);
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, List<String> cells, int[] widths, int row, Colours colours) {
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      Optional<String> code = colours.of(row, c, cell);
      out.append(code.map(a -> a + cell + RESET).orElse(cell));
      if (c < cells.size() - 1) {
        out.append(" ".repeat(widths[c] - cell.length() + 2));
      }
    }
    out.append('\n');
  }
}
