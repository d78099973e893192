package io.pyhermetic.version;

import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;

/**
 * PEP 440 order for long lists, stable like {@code Collections.sort}: a least-significant-digit
 * radix sort on the precomputed comparison keys of {@link Version} (the public key words and the
 * keys of the local label's first two parts), over only the bits that vary in the list, so that the
 * cost follows the spread of the versions rather than {@code n log n} comparisons. Only versions
 * whose keys all tie and do not decide equality (a local label the keys do not hold whole, an
 * inexact key) are then compared with {@link Version#compareTo}.
 */
final class VersionSort {
  /** Below this length a comparison sort is cheaper than setting up the radix passes. */
  static final int SMALL = 48;

  private static final int MAX_DIGIT_BITS = 11;

  private VersionSort() {}

  static void sort(List<Version> versions) {
    int n = versions.size();
    if (n < SMALL) {
      versions.sort(null);
      return;
    }
    Version[] items = versions.toArray(new Version[0]);
    long[] high = new long[n];
    long[] low = new long[n];
    boolean[] leavesTies = new boolean[n];
    for (int i = 0; i < n; i++) {
      Version v = items[i];
      high[i] = v.keyHigh();
      low[i] = v.keyLow();
      leavesTies[i] = v.keyLeavesTies();
    }
    int[] order = sortedOrder(Chunks.pack(new long[][] {high, low}));
    Version[] sorted = new Version[n];
    long[] sortedHigh = new long[n];
    long[] sortedLow = new long[n];
    for (int i = 0; i < n; i++) {
      int index = order[i];
      sorted[i] = items[index];
      sortedHigh[i] = high[index];
      sortedLow[i] = low[index];
    }
    int runStart = 0;
    boolean open = false; // whether a version of the current run leaves ties to resolve
    for (int i = 0; i <= n; i++) {
      if (i == n || sortedHigh[i] != sortedHigh[runStart] || sortedLow[i] != sortedLow[runStart]) {
        if (i - runStart > 1 && open) {
          resolveTies(sorted, runStart, i);
        }
        runStart = i;
        open = false;
      }
      open |= i < n && leavesTies[order[i]];
    }
    ListIterator<Version> out = versions.listIterator();
    for (Version v : sorted) {
      out.next();
      out.set(v);
    }
  }

  /**
   * Orders {@code sorted[from:to]}, versions with equal keys in input order. With an inexact key
   * only the full comparison decides. With exact keys they differ at most in their local labels: a
   * long run is first ordered by the keys of the labels' first two parts, and only versions whose
   * label keys tie are compared in full.
   */
  private static void resolveTies(Version[] sorted, int from, int to) {
    int length = to - from;
    boolean exact = true;
    for (int k = from; k < to && exact; k++) {
      exact = sorted[k].keyExact();
    }
    if (!exact) {
      Arrays.sort(sorted, from, to); // stable: equal versions stay in input order
      return;
    }
    long[] first = new long[length];
    long[] second = new long[length];
    Version[] run = Arrays.copyOfRange(sorted, from, to);
    for (int k = 0; k < length; k++) {
      first[k] = run[k].localKey();
      second[k] = run[k].localKey2();
    }
    int[] order =
        length < SMALL
            ? insertionOrder(first, second)
            : sortedOrder(Chunks.pack(new long[][] {first, second}));
    int tieStart = 0;
    for (int k = 0; k <= length; k++) {
      if (k < length) {
        sorted[from + k] = run[order[k]];
      }
      if (k == length
          || first[order[k]] != first[order[tieStart]]
          || second[order[k]] != second[order[tieStart]]) {
        if (k - tieStart > 1) {
          Arrays.sort(sorted, from + tieStart, from + k);
        }
        tieStart = k;
      }
    }
  }

  /** The permutation that sorts (major, minor) pairs stably, by insertion: for short runs. */
  private static int[] insertionOrder(long[] major, long[] minor) {
    int n = major.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int j = i - 1;
      while (j >= 0
          && (major[order[j]] > major[i]
              || (major[order[j]] == major[i] && minor[order[j]] > minor[i]))) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = i;
    }
    return order;
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
  private static int[] sortedOrder(long[][] chunks) {
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
    private static final int CHUNK_BITS = 63;

    private Chunks() {}

    static long[][] pack(long[][] words) {
      int n = words[0].length;
      int[][] runs = new int[words.length][];
      int total = 0;
      for (int w = 0; w < words.length; w++) {
        runs[w] = varyingRuns(words[w]);
        for (int r = 1; r < runs[w].length; r += 2) {
          total += runs[w][r];
        }
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

    private static int widthOf(int[] runs) {
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
