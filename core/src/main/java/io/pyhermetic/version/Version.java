package io.pyhermetic.version;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PEP 440 version, parsed and ordered exactly as {@code packaging.version.Version} 26.x does.
 *
 * <p>Immutable and thread-safe. {@link #equals} and {@link #compareTo} follow PEP 440, so {@code
 * 1.0}, {@code 1.0.0} and {@code v1.0} are equal; {@link #toString()} is packaging's normalized
 * form ({@code 1.0-ALPHA.2} becomes {@code 1.0a2}). Numbers may have any size (up to CPython's
 * 4300-digit limit); the common ones that fit in a {@code long} are kept unboxed.
 */
public final class Version implements Comparable<Version> {

  /** A pre-release segment: {@code label} is {@code a}, {@code b} or {@code rc}. */
  public record Pre(String label, BigInteger number) {
    @Override
    public String toString() {
      return label + number;
    }
  }

  static final byte NONE = -1;

  /** Marks an absent post or dev number; other negative numbers refer to {@link #bigs}. */
  static final long ABSENT = Long.MIN_VALUE;

  static final byte ALPHA = 0;
  static final byte BETA = 1;
  static final byte RC = 2;
  private static final String[] PRE_LABELS = {"a", "b", "rc"};

  private final long epoch;
  private final long[] release;
  private final byte preKind;
  private final long preNumber;
  private final long post;
  private final long dev;
  private final Object[] local; // Long, BigInteger or lower-case String parts; null when absent
  private final BigInteger[] bigs; // numbers too large for a long; null when none
  // The first three release numbers, zero-padded, kept inline so that most comparisons are
  // decided without touching the release array (sorting is bound by memory access).
  private final long r0;
  private final long r1;
  private final long r2;
  private int hash;
  private String text;

  Version(
      long epoch,
      long[] release,
      byte preKind,
      long preNumber,
      long post,
      long dev,
      Object[] local,
      BigInteger[] bigs) {
    this.epoch = epoch;
    this.release = release;
    this.preKind = preKind;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
    this.bigs = bigs;
    this.r0 = release.length > 0 ? release[0] : 0;
    this.r1 = release.length > 1 ? release[1] : 0;
    this.r2 = release.length > 2 ? release[2] : 0;
  }

  /**
   * Parses a version string.
   *
   * @throws InvalidVersionException with the column of the first offending character
   */
  public static Version parse(String version) {
    Objects.requireNonNull(version, "version");
    VersionParser parser = new VersionParser(version);
    Version result = parser.parse();
    if (result == null) {
      throw parser.error();
    }
    return result;
  }

  /** Parses a version string, or returns empty if it is not a valid version. */
  public static Optional<Version> tryParse(String version) {
    return version == null
        ? Optional.empty()
        : Optional.ofNullable(new VersionParser(version).parse());
  }

  /** Whether {@code version} is a valid PEP 440 version. */
  public static boolean isValid(String version) {
    return version != null && new VersionParser(version).parse() != null;
  }

  /** A final release with the given release numbers, such as {@code of(3, 12)}. */
  public static Version of(long... release) {
    if (release.length == 0) {
      throw new IllegalArgumentException("a version needs at least one release number");
    }
    for (long part : release) {
      if (part < 0) {
        throw new IllegalArgumentException("release numbers are non-negative: " + part);
      }
    }
    return new Version(0, release.clone(), NONE, 0, ABSENT, ABSENT, null, null);
  }

  public BigInteger epoch() {
    return big(epoch);
  }

  /** The release numbers as written, trailing zeros included. */
  public List<BigInteger> release() {
    List<BigInteger> parts = new ArrayList<>(release.length);
    for (long part : release) {
      parts.add(big(part));
    }
    return Collections.unmodifiableList(parts);
  }

  /** The first release number, when it fits in an int (as it does for Python versions). */
  public int major() {
    return part(0);
  }

  /** The second release number (0 when absent), when it fits in an int. */
  public int minor() {
    return part(1);
  }

  /** The third release number (0 when absent), when it fits in an int. */
  public int micro() {
    return part(2);
  }

  private int part(int index) {
    return index < release.length ? big(release[index]).intValueExact() : 0;
  }

  public Optional<Pre> pre() {
    return preKind == NONE
        ? Optional.empty()
        : Optional.of(new Pre(PRE_LABELS[preKind], big(preNumber)));
  }

  public Optional<BigInteger> post() {
    return post == ABSENT ? Optional.empty() : Optional.of(big(post));
  }

  public Optional<BigInteger> dev() {
    return dev == ABSENT ? Optional.empty() : Optional.of(big(dev));
  }

  /** The local label, normalized (lower case, dot separated), without the {@code +}. */
  public Optional<String> local() {
    if (local == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    appendLocal(out);
    return Optional.of(out.toString());
  }

  /** A pre-release or a development release. */
  public boolean isPrerelease() {
    return preKind != NONE || dev != ABSENT;
  }

  public boolean isPostrelease() {
    return post != ABSENT;
  }

  public boolean isDevrelease() {
    return dev != ABSENT;
  }

  /** This version without its local label. */
  public Version publicVersion() {
    return local == null
        ? this
        : new Version(epoch, release, preKind, preNumber, post, dev, null, bigs);
  }

  /** Epoch and release only. */
  public Version baseVersion() {
    if (local == null && preKind == NONE && post == ABSENT && dev == ABSENT) {
      return this;
    }
    return new Version(epoch, release, NONE, 0, ABSENT, ABSENT, null, bigs);
  }

  /** The earliest pre-release of this version: same parts, {@code dev0}, no local label. */
  Version earliestPrerelease() {
    return new Version(epoch, release, preKind, preNumber, post, 0, null, bigs);
  }

  /** The version this is a post-release of: no post, dev or local parts. */
  Version postBase() {
    return new Version(epoch, release, preKind, preNumber, ABSENT, ABSENT, null, bigs);
  }

  boolean hasLocal() {
    return local != null;
  }

  long[] releaseArray() {
    return release;
  }

  /**
   * Sorts versions in place into PEP 440 order, stably (equal versions such as {@code 1.0} and
   * {@code 1.0.0} keep their relative order): the same result as {@code Collections.sort}, several
   * times faster on large lists. Each version gets a 64-bit key that orders all but exact ties; the
   * keys sort as plain numbers and only runs of equal keys are compared in full.
   */
  public static void sort(List<Version> versions) {
    int n = versions.size();
    if (n < 64) {
      versions.sort(null);
      return;
    }
    Version[] items = versions.toArray(new Version[0]);
    int indexBits = 64 - Long.numberOfLeadingZeros(n - 1);
    int keyBits = 63 - indexBits;
    if (keyBits < 41) {
      versions.sort(null);
      return;
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = (items[i].sortKey(keyBits) << indexBits) | i;
    }
    Arrays.sort(packed);
    Version[] sorted = new Version[n];
    long indexMask = (1L << indexBits) - 1;
    for (int i = 0; i < n; i++) {
      sorted[i] = items[(int) (packed[i] & indexMask)];
    }
    int runStart = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || (packed[i] >>> indexBits) != (packed[runStart] >>> indexBits)) {
        if (i - runStart > 1) {
          Arrays.sort(sorted, runStart, i); // stable: the run is in input order
        }
        runStart = i;
      }
    }
    for (int i = 0; i < n; i++) {
      versions.set(i, sorted[i]);
    }
  }

  /**
   * An order-preserving prefix of the comparison key in {@code bits} bits: a smaller key means a
   * smaller version; equal keys need a full comparison. A field too large for its bits takes its
   * maximum and zeroes everything after it, which keeps that guarantee.
   */
  private long sortKey(int bits) {
    // epoch != 0 (1) | r0 (16) | r1 (10) | r2 (10) | nonzero tail (1) | pre rank (3) | pre number
    if (epoch != 0) {
      return 1L << (bits - 1);
    }
    long key = 0;
    int used = 1;
    long[] fields = {r0, r1, r2};
    int[] widths = {16, 10, 10};
    for (int f = 0; f < fields.length; f++) {
      long max = (1L << widths[f]) - 1;
      long value = fields[f] < 0 || fields[f] >= max ? max : fields[f];
      key = (key << widths[f]) | value;
      used += widths[f];
      if (value == max) {
        return key << (bits - used);
      }
    }
    for (int i = 3; i < release.length; i++) {
      if (release[i] != 0) {
        return ((key << 1) | 1) << (bits - used - 1);
      }
    }
    key = ((key << 1) << 3) | (preRank() + 1);
    used += 4;
    int preBits = bits - used;
    long preMax = (1L << preBits) - 1;
    long pre = preKind == NONE ? 0 : preNumber;
    return (key << preBits) | (pre < 0 || pre >= preMax ? preMax : pre);
  }

  @Override
  public int compareTo(Version other) {
    if (this == other) {
      return 0;
    }
    int c;
    if ((epoch | other.epoch | r0 | other.r0 | r1 | other.r1 | r2 | other.r2) >= 0) {
      // fast path: no large numbers among epoch and the first three release numbers
      if (epoch != other.epoch) {
        return Long.compare(epoch, other.epoch);
      }
      if (r0 != other.r0) {
        return Long.compare(r0, other.r0);
      }
      if (r1 != other.r1) {
        return Long.compare(r1, other.r1);
      }
      if (r2 != other.r2) {
        return Long.compare(r2, other.r2);
      }
      c = compareRelease(other, 3);
    } else {
      c = compareNumbers(epoch, other, other.epoch);
      if (c == 0) {
        c = compareRelease(other, 0);
      }
    }
    if (c != 0) {
      return c;
    }
    return compareSuffix(other);
  }

  private int compareRelease(Version other, int from) {
    long[] a = release;
    long[] b = other.release;
    int n = Math.max(a.length, b.length);
    for (int i = from; i < n; i++) {
      long x = i < a.length ? a[i] : 0;
      long y = i < b.length ? b[i] : 0;
      if (x != y || x < 0) {
        int c = compareNumbers(x, other, y);
        if (c != 0) {
          return c;
        }
      }
    }
    return 0;
  }

  private int compareSuffix(Version other) {
    int c = Integer.compare(preRank(), other.preRank());
    if (c != 0) {
      return c;
    }
    c =
        compareNumbers(
            preKind == NONE ? 0 : preNumber, other, other.preKind == NONE ? 0 : other.preNumber);
    if (c != 0) {
      return c;
    }
    // no post release sorts before any post release
    if (post == ABSENT || other.post == ABSENT) {
      c = Boolean.compare(post != ABSENT, other.post != ABSENT);
    } else {
      c = compareNumbers(post, other, other.post);
    }
    if (c != 0) {
      return c;
    }
    // a dev release sorts before the same version without one
    if (dev == ABSENT || other.dev == ABSENT) {
      c = Boolean.compare(dev == ABSENT, other.dev == ABSENT);
    } else {
      c = compareNumbers(dev, other, other.dev);
    }
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  private int compareNumbers(long x, Version other, long y) {
    if (x >= 0 && y >= 0) {
      return Long.compare(x, y);
    }
    return big(x).compareTo(other.big(y));
  }

  /** The number a field holds: itself, or the large number it refers to. */
  private BigInteger big(long value) {
    return value >= 0 ? BigInteger.valueOf(value) : bigs[(int) (-value - 1)];
  }

  private int preRank() {
    if (preKind != NONE) {
      return preKind;
    }
    return post == ABSENT && dev != ABSENT ? -1 : 3;
  }

  private static int compareLocal(Object[] a, Object[] b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      Object x = a[i];
      Object y = b[i];
      int c;
      if (x instanceof String && y instanceof String) {
        c = ((String) x).compareTo((String) y);
      } else if (x instanceof String || y instanceof String) {
        c = x instanceof String ? -1 : 1; // strings sort before numbers
      } else if (x instanceof Long && y instanceof Long) {
        c = Long.compare((Long) x, (Long) y);
      } else {
        c = toBig(x).compareTo(toBig(y));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static BigInteger toBig(Object number) {
    return number instanceof BigInteger ? (BigInteger) number : BigInteger.valueOf((Long) number);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof Version && compareTo((Version) obj) == 0;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = numberHash(epoch);
      int end = release.length;
      while (end > 0 && release[end - 1] == 0) {
        end--;
      }
      for (int i = 0; i < end; i++) {
        h = 31 * h + numberHash(release[i]);
      }
      h = 31 * h + preRank();
      h = 31 * h + numberHash(preKind == NONE ? 0 : preNumber);
      h = 31 * h + (post == ABSENT ? -7 : numberHash(post));
      h = 31 * h + (dev == ABSENT ? -7 : numberHash(dev));
      h = 31 * h + (local == null ? 0 : Arrays.hashCode(local));
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  private int numberHash(long value) {
    return value >= 0 ? Long.hashCode(value) : big(value).hashCode();
  }

  /** The normalized form, exactly as packaging's {@code str(Version(...))}. */
  @Override
  public String toString() {
    String s = text;
    if (s == null) {
      StringBuilder out = new StringBuilder(16);
      if (epoch != 0) {
        appendNumber(out, epoch).append('!');
      }
      appendRelease(out, release.length);
      if (preKind != NONE) {
        appendNumber(out.append(PRE_LABELS[preKind]), preNumber);
      }
      if (post != ABSENT) {
        appendNumber(out.append(".post"), post);
      }
      if (dev != ABSENT) {
        appendNumber(out.append(".dev"), dev);
      }
      if (local != null) {
        out.append('+');
        appendLocal(out);
      }
      s = out.toString();
      text = s;
    }
    return s;
  }

  /**
   * packaging's {@code canonicalize_version}: the normalized form, with trailing zeros of the
   * release removed (keeping at least one number) when {@code stripTrailingZero} is set.
   */
  public String canonical(boolean stripTrailingZero) {
    if (!stripTrailingZero) {
      return toString();
    }
    int end = release.length;
    while (end > 1 && release[end - 1] == 0) {
      end--;
    }
    if (end == release.length) {
      return toString();
    }
    return new Version(
            epoch, Arrays.copyOf(release, end), preKind, preNumber, post, dev, local, bigs)
        .toString();
  }

  /**
   * packaging's {@code canonicalize_version} on a string: the canonical form of a valid version, or
   * the string unchanged when it is not one.
   */
  public static String canonicalize(String version, boolean stripTrailingZero) {
    Version parsed = new VersionParser(version).parse();
    return parsed == null ? version : parsed.canonical(stripTrailingZero);
  }

  private void appendRelease(StringBuilder out, int end) {
    for (int i = 0; i < end; i++) {
      if (i > 0) {
        out.append('.');
      }
      appendNumber(out, release[i]);
    }
  }

  private StringBuilder appendNumber(StringBuilder out, long value) {
    return value >= 0 ? out.append(value) : out.append(bigs[(int) (-value - 1)]);
  }

  private void appendLocal(StringBuilder out) {
    for (int i = 0; i < local.length; i++) {
      if (i > 0) {
        out.append('.');
      }
      out.append(local[i]);
    }
  }

  /** Builds the exception for an invalid version at a 0-based offset. */
  static InvalidVersionException invalid(String input, int offset, String detail) {
    return new InvalidVersionException(
        input,
        Location.inString(input, offset),
        "Invalid version: " + PyText.repr(input) + ": " + detail);
  }
}
