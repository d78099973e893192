package io.pyhermetic.version;

import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;

/**
 * PEP 440 order for long lists, stable like {@code Collections.sort}: the versions are put in the
 * order of their precomputed comparison keys by {@link KeyOrder} (no comparisons), and only
 * versions whose keys all tie and do not decide equality (a local label the keys do not hold whole,
 * an inexact key) are then compared with {@link Version#compareTo}.
 *
 * <p>The keys of the local labels' first two parts ({@link LocalLabels}) are computed here, not
 * when parsing: when many versions carry a label they join the public key words in one sort,
 * otherwise only the runs of equal public keys that hold a label are ordered by them.
 */
final class VersionSort {
  /** Below this length a comparison sort is cheaper than setting up the radix passes. */
  static final int SMALL = 48;

  private static final byte INEXACT = 1;
  private static final byte LABELLED = 2;

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
    byte[] ties = new byte[n];
    long[][] labelKeys = null; // the keys of the labels' first and second parts
    for (int i = 0; i < n; i++) {
      Version v = items[i];
      high[i] = v.keyHigh();
      low[i] = v.keyLow();
      if (!v.keyExact()) {
        ties[i] = INEXACT;
      } else if (v.local != null) {
        // read here, in input order, where the versions' memory is read in sequence
        if (labelKeys == null) {
          labelKeys = new long[2][n];
        }
        long first = LocalLabels.firstPartKey(v.local);
        labelKeys[0][i] = first;
        labelKeys[1][i] = LocalLabels.secondPartKey(v.local, first);
        ties[i] = LABELLED;
      }
    }
    int[] order = KeyOrder.of(new long[][] {high, low});
    Version[] sorted = new Version[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = items[order[i]];
    }
    int runStart = 0;
    int runTies = 0; // the kinds of ties the versions of the current run leave
    for (int i = 0; i <= n; i++) {
      if (i == n
          || high[order[i]] != high[order[runStart]]
          || low[order[i]] != low[order[runStart]]) {
        if (i - runStart > 1 && runTies != 0) {
          if ((runTies & INEXACT) != 0) {
            Arrays.sort(sorted, runStart, i); // stable: equal versions stay in input order
          } else {
            orderLabels(sorted, order, labelKeys, runStart, i);
          }
        }
        runStart = i;
        runTies = 0;
      }
      runTies |= i < n ? ties[order[i]] : 0;
    }
    ListIterator<Version> out = versions.listIterator();
    for (Version v : sorted) {
      out.next();
      out.set(v);
    }
  }

  /**
   * Orders {@code sorted[from:to]}: versions with equal exact public keys, in input order, which
   * differ at most in their local labels. The run is first ordered by the keys of the labels' first
   * two parts (rows {@code order[from:to]} of {@code labelKeys}), and only versions whose label
   * keys tie are compared in full.
   */
  private static void orderLabels(
      Version[] sorted, int[] order, long[][] labelKeys, int from, int to) {
    int length = to - from;
    long[] first = new long[length];
    long[] second = new long[length];
    for (int k = 0; k < length; k++) {
      first[k] = labelKeys[0][order[from + k]];
      second[k] = labelKeys[1][order[from + k]];
    }
    int[] runOrder =
        length < SMALL ? insertionOrder(first, second) : KeyOrder.of(new long[][] {first, second});
    Version[] run = Arrays.copyOfRange(sorted, from, to);
    int tieStart = 0;
    for (int k = 0; k <= length; k++) {
      if (k < length) {
        sorted[from + k] = run[runOrder[k]];
      }
      if (k == length
          || first[runOrder[k]] != first[runOrder[tieStart]]
          || second[runOrder[k]] != second[runOrder[tieStart]]) {
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
}
