package io.pyhermetic.version;

/**
 * The order of normalized local labels ({@code ubuntu.20.04}), as packaging compares them, and the
 * order-preserving keys of their first two parts that {@link VersionSort} sorts by before it falls
 * back to the full comparison.
 */
final class LocalLabels {
  private static final int TEXT_CHARACTERS = 10;
  private static final int NUMBER_DIGITS = 13;

  private LocalLabels() {}

  /**
   * An order-preserving prefix of the comparison key of one part of a local label, in 63 bits, with
   * the top bit set (an absent part is 0 and sorts first): a 0 bit and up to ten characters (6 bits
   * each, 0 marking the end) for a string, or a 1 bit, the digit count (6 bits, saturating, with
   * the digits then left out) and up to thirteen digits (4 bits each) for a number. Equal keys need
   * the full comparison unless the part fits ({@link #partFits}).
   */
  private static long partKey(String local, int from, int end) {
    int length = end - from;
    int scanned = Math.min(length, NUMBER_DIGITS);
    boolean number = true;
    long text = 0; // six bits a character
    long digits = 0; // four bits a digit
    for (int i = 0; i < scanned; i++) {
      char c = local.charAt(from + i);
      boolean digit = c <= '9';
      number &= digit;
      if (i < TEXT_CHARACTERS) {
        text = (text << 6) | (digit ? c - '0' + 1 : c - 'a' + 11);
      }
      digits = (digits << 4) | ((c - '0') & 0xf);
    }
    for (int i = scanned; number && i < length; i++) {
      number = local.charAt(from + i) <= '9';
    }
    if (number) {
      if (length >= 63) {
        return ((0b11L << 6) | 63) << 55;
      }
      digits <<= 4 * (NUMBER_DIGITS - scanned);
      return ((((0b11L << 6) | length) << (4 * NUMBER_DIGITS)) | digits) << 3;
    }
    text <<= 6 * (TEXT_CHARACTERS - Math.min(length, TEXT_CHARACTERS));
    return ((0b10L << (6 * TEXT_CHARACTERS)) | text) << 1;
  }

  /** Whether {@link #partKey} holds all of the part. */
  private static boolean partFits(long partKey, int length) {
    boolean number = (partKey & (1L << 61)) != 0;
    return length <= (number ? 13 : 9); // a string of nine keeps its end mark
  }

  /** The key of the label's first part: see {@link #partKey}; 0 without a label. */
  static long firstPartKey(String local) {
    if (local == null) {
      return 0;
    }
    int end = local.indexOf('.');
    return partKey(local, 0, end < 0 ? local.length() : end);
  }

  /** The key of the label's second part when the first key holds all of the first part, else 0. */
  static long secondPartKey(String local, long firstKey) {
    if (local == null) {
      return 0;
    }
    int end = local.indexOf('.');
    if (end < 0 || !partFits(firstKey, end)) {
      return 0;
    }
    int next = local.indexOf('.', end + 1);
    return partKey(local, end + 1, next < 0 ? local.length() : next);
  }

  /**
   * Compares normalized local labels as packaging does: part by part, a string part before a number
   * part, strings by code point, numbers by value (normalized numbers have no leading zeros, so the
   * shorter is smaller), and a label that is a prefix of the other first.
   */
  static int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.equals(b)) {
      return 0;
    }
    int na = a.length();
    int nb = b.length();
    int i = 0;
    int j = 0;
    while (true) {
      if (i > na || j > nb) {
        return i > na ? (j > nb ? 0 : -1) : 1;
      }
      int ie = partEnd(a, i, na);
      int je = partEnd(b, j, nb);
      boolean aNumber = isNumber(a, i, ie);
      boolean bNumber = isNumber(b, j, je);
      if (aNumber != bNumber) {
        return aNumber ? 1 : -1;
      }
      int la = ie - i;
      int lb = je - j;
      if (aNumber && la != lb) {
        return la < lb ? -1 : 1;
      }
      int common = Math.min(la, lb);
      for (int k = 0; k < common; k++) {
        char x = a.charAt(i + k);
        char y = b.charAt(j + k);
        if (x != y) {
          return x < y ? -1 : 1;
        }
      }
      if (la != lb) {
        return la < lb ? -1 : 1;
      }
      i = ie + 1;
      j = je + 1;
    }
  }

  private static int partEnd(String s, int from, int end) {
    int i = from;
    while (i < end && s.charAt(i) != '.') {
      i++;
    }
    return i;
  }

  private static boolean isNumber(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
