package io.pyhermetic.version;

/**
 * packaging's order of public versions, field by field (epoch, release, pre-, post- and
 * dev-release), for the versions whose precomputed keys do not decide it: numbers too large for the
 * keys, release numbers past the fourth.
 */
final class PublicOrder {
  private PublicOrder() {}

  /** Compares the public parts of {@code a} and {@code b} (local labels are left out). */
  static int compare(Version a, Version b) {
    int c = compareNumbers(a, a.epoch, b, b.epoch);
    if (c == 0) {
      c = compareRelease(a, b);
    }
    return c != 0 ? c : compareSuffix(a, b);
  }

  private static int compareRelease(Version a, Version b) {
    long[] x = a.release;
    long[] y = b.release;
    int n = Math.max(x.length, y.length);
    for (int i = 0; i < n; i++) {
      long p = i < x.length ? x[i] : 0;
      long q = i < y.length ? y[i] : 0;
      if (p != q || p < 0) {
        int c = compareNumbers(a, p, b, q);
        if (c != 0) {
          return c;
        }
      }
    }
    return 0;
  }

  private static int compareSuffix(Version a, Version b) {
    int c = Integer.compare(a.preRank(), b.preRank());
    if (c != 0) {
      return c;
    }
    c =
        compareNumbers(
            a,
            a.preKind == Version.NONE ? 0 : a.preNumber,
            b,
            b.preKind == Version.NONE ? 0 : b.preNumber);
    if (c != 0) {
      return c;
    }
    // no post release sorts before any post release
    if (a.post == Version.ABSENT || b.post == Version.ABSENT) {
      c = Boolean.compare(a.post != Version.ABSENT, b.post != Version.ABSENT);
    } else {
      c = compareNumbers(a, a.post, b, b.post);
    }
    if (c != 0) {
      return c;
    }
    // a dev release sorts before the same version without one
    if (a.dev == Version.ABSENT || b.dev == Version.ABSENT) {
      c = Boolean.compare(a.dev == Version.ABSENT, b.dev == Version.ABSENT);
    } else {
      c = compareNumbers(a, a.dev, b, b.dev);
    }
    return c;
  }

  /** Compares a field of {@code a} with one of {@code b}, either possibly a large number. */
  private static int compareNumbers(Version a, long x, Version b, long y) {
    if (x >= 0 && y >= 0) {
      return Long.compare(x, y);
    }
    return a.big(x).compareTo(b.big(y));
  }
}
