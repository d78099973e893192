package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;
import java.util.Arrays;
import java.util.List;

/**
 * Where the pieces of a logical line come from: for each piece, its start in the joined text, its
 * physical line and the column it starts at. Small and text-free, so that a parsed line can locate
 * its options long after the joined text is gone.
 */
public final class LinePositions {
  private final int[] pieceStart;
  private final int[] pieceLine;
  private final int[] pieceColumn;

  private LinePositions(int[] pieceStart, int[] pieceLine, int[] pieceColumn) {
    this.pieceStart = pieceStart;
    this.pieceLine = pieceLine;
    this.pieceColumn = pieceColumn;
  }

  static LinePositions of(List<int[]> pieces) {
    int n = pieces.size();
    int[] start = new int[n];
    int[] line = new int[n];
    int[] column = new int[n];
    for (int i = 0; i < n; i++) {
      start[i] = pieces.get(i)[0];
      line[i] = pieces.get(i)[1];
      column[i] = pieces.get(i)[2];
    }
    return new LinePositions(start, line, column);
  }

  /**
   * The file position of an index into the joined text.
   *
   * @param source the name used in the location
   * @param offset an index into the joined text
   * @return the physical line and column of that index
   */
  public Location locate(String source, int offset) {
    int k = Arrays.binarySearch(pieceStart, offset);
    if (k < 0) {
      k = Math.max(0, -k - 2);
    }
    while (k + 1 < pieceStart.length && pieceStart[k + 1] == pieceStart[k]) {
      k++; // an empty piece shares its start with the next one
    }
    int within = Math.max(0, offset - pieceStart[k]);
    return new Location(source, pieceLine[k], Math.max(1, pieceColumn[k] + within));
  }
}
