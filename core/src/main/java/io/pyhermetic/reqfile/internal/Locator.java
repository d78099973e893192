package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;

/**
 * Where things are on a logical line after comment stripping and variable expansion: maps an offset
 * in the line's content (from {@code base}) back to the file.
 *
 * @param source the name used in locations
 * @param positions the logical line's map to physical lines
 * @param leading how many characters the content's leading whitespace took
 * @param expandedAt where the first expanded variable starts in the content, or -1
 * @param base the offset in the content that offset 0 stands for
 */
public record Locator(
    String source, LinePositions positions, int leading, int expandedAt, int base) {

  /**
   * The same line, counting from further along its content.
   *
   * @param offset how far further
   * @return the shifted locator
   */
  public Locator shifted(int offset) {
    return new Locator(source, positions, leading, expandedAt, base + offset);
  }

  /**
   * Whether an offset is past a variable expanded from the environment, so that it has no place of
   * its own in the file.
   *
   * @param offset an offset from {@code base}
   * @return whether it lies after the first expansion
   */
  public boolean afterExpansion(int offset) {
    return expandedAt >= 0 && base + offset > expandedAt;
  }

  /**
   * The file location of an offset.
   *
   * @param offset an offset from {@code base}
   * @return its location (an offset after an expanded variable is located at the variable)
   */
  public Location locate(int offset) {
    int inContent = base + offset;
    if (expandedAt >= 0 && inContent > expandedAt) {
      inContent = expandedAt; // positions after an expanded variable are not in the file
    }
    return positions.locate(source, leading + inContent);
  }
}
