package io.pyhermetic.version;

/**
 * The comparison key of a version in two non-negative words, for versions whose fields do not all
 * fit the common layout that {@link Version}'s constructor packs directly.
 *
 * <p>Bit widths of the fields, most significant first: epoch (4), release[0..3] (26, 17, 16, 16), a
 * flag for non-zero release numbers after the fourth (1), pre-release rank (3), pre-release number
 * (14), post (12: 0 when absent, otherwise number + 1) and dev (15: all ones when absent). The
 * first four fields fill {@link #high}, the others {@link #low}.
 *
 * <p>A value that does not fit (it reaches all ones, or is a large number) takes all ones and
 * zeroes every later field; {@link #exact} is then false. The key is order-preserving either way (a
 * smaller key means a smaller version); equal exact keys mean equal public versions, equal inexact
 * keys need the full comparison.
 *
 * @param high the epoch and the first three release numbers
 * @param low the rest of the key
 * @param exact whether no field saturated
 */
record SaturatedKey(long high, long low, boolean exact) {
  private static final int[] WIDTHS = {4, 26, 17, 16, 16, 1, 3, 14, 12, 15};

  private static final int HIGH_FIELDS = 4;

  /**
   * The key of a version's parts as {@link Version} holds them: negative numbers refer to large
   * numbers, {@link Version#ABSENT} marks an absent post or dev number.
   */
  static SaturatedKey of(
      long epoch, long[] release, int preRank, long preNumber, long post, long dev) {
    long high = 0;
    long low = 0;
    boolean saturated = false;
    for (int field = 0; field < WIDTHS.length; field++) {
      int width = WIDTHS[field];
      long max = (1L << width) - 1;
      long value;
      if (saturated) {
        value = 0;
      } else if (field == WIDTHS.length - 1 && dev == Version.ABSENT) {
        value = max; // no dev release sorts after any dev release
      } else {
        value = field(field, epoch, release, preRank, preNumber, post, dev);
        if (value < 0 || value >= max) {
          value = max;
          saturated = true;
        }
      }
      if (field < HIGH_FIELDS) {
        high = (high << width) | value;
      } else {
        low = (low << width) | value;
      }
    }
    return new SaturatedKey(high, low, !saturated);
  }

  /** The raw value of a key field; negative (a large number) or too large values saturate. */
  private static long field(
      int field, long epoch, long[] release, int preRank, long preNumber, long post, long dev) {
    switch (field) {
      case 0:
        return epoch;
      case 1:
      case 2:
      case 3:
      case 4:
        return field - 1 < release.length ? release[field - 1] : 0;
      case 5:
        for (int i = 4; i < release.length; i++) {
          if (release[i] != 0) {
            return 1;
          }
        }
        return 0;
      case 6:
        return preRank + 1;
      case 7:
        return preNumber;
      case 8:
        return post == Version.ABSENT ? 0 : post < 0 || post == Long.MAX_VALUE ? -1 : post + 1;
      default:
        return dev;
    }
  }
}
