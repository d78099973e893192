package io.pyhermetic.version;

import java.util.Arrays;

/**
 * The stable sorting permutation of rows of non-negative key words (most significant word first),
 * without comparisons: a least-significant-digit radix sort over only the bits that vary in the
 * rows, or, when that would take many passes and the rows repeat a lot, a grouping of the equal
 * rows (hashing) followed by the radix sort of the distinct rows alone.
 */
final class KeyOrder {
  private static final int MAX_DIGIT_BITS = 11;

  /** From this many radix passes on, grouping equal rows first is tried. */
  static final int GROUPING_PASSES = 8;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private KeyOrder() {}

  /**
   * The permutation that sorts the rows {@code words[*][i]} stably.
   *
   * @param words the key words, each of the same length, most significant first
   */
  static int[] of(long[][] words) {
    int n = words[0].length;
    int[][] runs = new int[words.length][];
    int width = 0;
    for (int w = 0; w < words.length; w++) {
      runs[w] = Chunks.varyingRuns(words[w]);
      width += Chunks.widthOf(runs[w]);
    }
    if (passes(width) >= GROUPING_PASSES) {
      int[] order = grouped(words, n / 2);
      if (order != null) {
        return order;
      }
    }
    return sortedOrder(Chunks.pack(words, runs));
  }

  /** How many counting-sort passes {@link #sortedOrder} makes over rows of {@code width} bits. */
  static int passes(int width) {
    int fullChunks = width / Chunks.CHUNK_BITS;
    int rest = width % Chunks.CHUNK_BITS;
    return fullChunks * digitsOf(Chunks.CHUNK_BITS) + digitsOf(rest);
  }

  private static int digitsOf(int bits) {
    return (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
  }

  /**
   * The stable sorting permutation of the rows of {@code words} found by grouping equal rows in a
   * hash table: the distinct rows alone are radix sorted, and one counting pass then places every
   * row after the rows of the smaller groups and after the earlier rows of its own group. Returns
   * {@code null} when the rows hold more than {@code maxGroups} distinct values.
   */
  static int[] grouped(long[][] words, int maxGroups) {
    int n = words[0].length;
    int tableBits = 64 - Long.numberOfLeadingZeros(Math.max(1, 2L * maxGroups - 1));
    int mask = (1 << tableBits) - 1;
    int[] slots = new int[1 << tableBits]; // group + 1; 0 when empty
    int[] firstRow = new int[maxGroups];
    int[] counts = new int[maxGroups];
    int[] groupOf = new int[n];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      long hash = 0;
      for (long[] word : words) {
        hash = (hash ^ word[i]) * GOLDEN;
      }
      int slot = (int) (hash >>> (64 - tableBits));
      while (true) {
        int group = slots[slot] - 1;
        if (group < 0) {
          if (groups == maxGroups) {
            return null;
          }
          group = groups++;
          slots[slot] = group + 1;
          firstRow[group] = i;
        } else if (!sameRow(words, firstRow[group], i)) {
          slot = (slot + 1) & mask;
          continue;
        }
        groupOf[i] = group;
        counts[group]++;
        break;
      }
    }
    long[][] groupKeys = new long[words.length][groups];
    for (int w = 0; w < words.length; w++) {
      for (int g = 0; g < groups; g++) {
        groupKeys[w][g] = words[w][firstRow[g]];
      }
    }
    int[] groupOrder = sortedOrder(Chunks.pack(groupKeys));
    int[] next = firstRow; // reused: the next free position of each group
    int position = 0;
    for (int group : groupOrder) {
      next[group] = position;
      position += counts[group];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[groupOf[i]]++] = i;
    }
    return order;
  }

  private static boolean sameRow(long[][] words, int a, int b) {
    for (long[] word : words) {
      if (word[a] != word[b]) {
        return false;
      }
    }
    return true;
  }

  private static long[] gather(long[] values, int[] order) {
    long[] out = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  /**
   * The permutation that sorts the rows of {@code chunks} (most significant chunk first, each a
   * non-negative number), stably: counting-sort passes over the digits of the last chunk, then of
   * the one before, each chunk first put into the order reached so far.
   */
  static int[] sortedOrder(long[][] chunks) {
    int n = chunks.length == 0 ? 0 : chunks[0].length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] spareOrder = new int[n];
    long[] spareKey = new long[n];
    int[] counts = new int[1 << MAX_DIGIT_BITS];
    for (int c = chunks.length - 1; c >= 0; c--) {
      long[] key = c == chunks.length - 1 ? chunks[c].clone() : gather(chunks[c], order);
      int bits = 64 - Long.numberOfLeadingZeros(or(key));
      if (bits == 0) {
        continue;
      }
      int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
      int digitBits = (bits + passes - 1) / passes;
      long mask = (1L << digitBits) - 1;
      int buckets = 1 << digitBits;
      for (int p = 0; p < passes; p++) {
        int shift = p * digitBits;
        Arrays.fill(counts, 0, buckets, 0);
        for (int i = 0; i < n; i++) {
          counts[(int) ((key[i] >>> shift) & mask)]++;
        }
        int total = 0;
        boolean oneBucket = false;
        for (int b = 0; b < buckets; b++) {
          int count = counts[b];
          oneBucket |= count == n;
          counts[b] = total;
          total += count;
        }
        if (oneBucket) {
          continue; // every key has this digit: nothing moves
        }
        for (int i = 0; i < n; i++) {
          int slot = counts[(int) ((key[i] >>> shift) & mask)]++;
          spareKey[slot] = key[i];
          spareOrder[slot] = order[i];
        }
        long[] k = key;
        key = spareKey;
        spareKey = k;
        int[] o = order;
        order = spareOrder;
        spareOrder = o;
      }
    }
    return order;
  }

  private static long or(long[] values) {
    long or = 0;
    for (long v : values) {
      or |= v;
    }
    return or;
  }

  /**
   * Packs rows of several key words into as few 63-bit chunks as hold them, after dropping the bit
   * positions that are the same in every row of a word (a software "parallel bit extract" with the
   * mask of the varying bits). Dropping bits that never differ and concatenating what is left keep
   * the order of the rows.
   */
  static final class Chunks {
    static final int CHUNK_BITS = 63;

    private Chunks() {}

    static long[][] pack(long[][] words) {
      int[][] runs = new int[words.length][];
      for (int w = 0; w < words.length; w++) {
        runs[w] = varyingRuns(words[w]);
      }
      return pack(words, runs);
    }

    /** {@link #pack(long[][])} with the varying runs of each word already known. */
    static long[][] pack(long[][] words, int[][] runs) {
      int n = words[0].length;
      int total = 0;
      for (int[] wordRuns : runs) {
        total += widthOf(wordRuns);
      }
      int count = Math.max(1, (total + CHUNK_BITS - 1) / CHUNK_BITS);
      long[][] chunks = new long[count][n];
      if (count == 1) {
        // the common case: what varies fits one chunk
        long[] chunk = chunks[0];
        for (int w = 0; w < words.length; w++) {
          long[] word = words[w];
          int[] wordRuns = runs[w];
          int width = widthOf(wordRuns);
          for (int i = 0; i < n; i++) {
            chunk[i] = (chunk[i] << width) | extract(word[i], wordRuns);
          }
        }
        return chunks;
      }
      for (int i = 0; i < n; i++) {
        int chunk = 0;
        int used = 0;
        long value = 0;
        for (int w = 0; w < words.length; w++) {
          int width = widthOf(runs[w]);
          long bits = extract(words[w][i], runs[w]);
          while (width > 0) {
            int take = Math.min(width, CHUNK_BITS - used);
            value = (value << take) | (bits >>> (width - take));
            width -= take;
            bits &= (1L << width) - 1;
            used += take;
            if (used == CHUNK_BITS) {
              chunks[chunk++][i] = value;
              value = 0;
              used = 0;
            }
          }
        }
        if (used > 0) {
          chunks[chunk][i] = value;
        }
      }
      return chunks;
    }

    /** The bits of {@code word} at the varying runs, concatenated. */
    private static long extract(long word, int[] runs) {
      long out = 0;
      for (int r = 0; r < runs.length; r += 2) {
        int width = runs[r + 1];
        out = (out << width) | ((word >>> runs[r]) & ((1L << width) - 1));
      }
      return out;
    }

    static int widthOf(int[] runs) {
      int width = 0;
      for (int r = 1; r < runs.length; r += 2) {
        width += runs[r];
      }
      return width;
    }

    /**
     * The runs of bit positions that differ between rows, most significant first, as (shift, width)
     * pairs.
     */
    static int[] varyingRuns(long[] values) {
      long and = -1;
      long or = 0;
      for (long v : values) {
        or |= v;
        and &= v;
      }
      long varying = or ^ and;
      int[] runs = new int[2 * Long.bitCount(varying)];
      int count = 0;
      for (long m = varying; m != 0; m &= m + (m & -m)) { // each step clears the lowest run
        int shift = Long.numberOfTrailingZeros(m);
        runs[count++] = shift;
        runs[count++] = Long.numberOfTrailingZeros(~(m >>> shift));
      }
      int[] ordered = new int[count];
      for (int r = 0; r < count; r += 2) {
        ordered[count - 2 - r] = runs[r];
        ordered[count - 1 - r] = runs[r + 1];
      }
      return ordered;
    }
  }
}
