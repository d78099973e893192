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
  static final String[] PRE_LABELS = {"a", "b", "rc"};

  final long epoch;
  final long[] release;
  final byte preKind;
  final long preNumber;
  final long post;
  final long dev;
  final String local; // normalized (lower case, dot separated); null when absent
  final BigInteger[] bigs; // numbers too large for a long; null when none
  // packaging's comparison key of the public version, computed once: see SaturatedKey.
  private final long keyHigh;
  private final long keyLow;
  private final boolean keyExact;
  private int hash;
  private String text;

  Version(
      long epoch,
      long[] release,
      byte preKind,
      long preNumber,
      long post,
      long dev,
      String local,
      BigInteger[] bigs) {
    this.epoch = epoch;
    this.release = release;
    this.preKind = preKind;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
    this.bigs = bigs;
    long r0 = release[0];
    long r1 = release.length > 1 ? release[1] : 0;
    long r2 = release.length > 2 ? release[2] : 0;
    long r3 = release.length > 3 ? release[3] : 0;
    long pre = preKind == NONE ? 0 : preNumber;
    if (epoch == 0
        && release.length <= 4
        && (r0 | r1 | r2 | r3 | pre) >= 0
        && r0 < (1L << 26) - 1
        && (r1 | r2 | r3) < (1L << 16) - 1
        && pre < (1L << 14) - 1
        && (post == ABSENT || (post >= 0 && post < (1L << 12) - 2))
        && (dev == ABSENT || (dev >= 0 && dev < (1L << 15) - 1))) {
      // the common case: every field fits, no saturation
      this.keyHigh = (((r0 << 17) | r1) << 16) | r2;
      this.keyLow =
          ((((((r3 << 1) << 3) | (preRank() + 1)) << 14 | pre) << 12
                      | (post == ABSENT ? 0 : post + 1))
                  << 15)
              | (dev == ABSENT ? (1L << 15) - 1 : dev);
      this.keyExact = true;
      return;
    }
    SaturatedKey key =
        SaturatedKey.of(epoch, release, preRank(), preKind == NONE ? 0 : preNumber, post, dev);
    this.keyHigh = key.high();
    this.keyLow = key.low();
    this.keyExact = key.exact();
  }

  /**
   * Parses a version string.
   *
   * @param version the version string
   * @return the version
   * @throws InvalidVersionException with the column of the first offending character
   */
  public static Version parse(String version) {
    Objects.requireNonNull(version, "version");
    Version common = CommonShapeParser.parse(version);
    if (common != null) {
      return common;
    }
    VersionParser parser = new VersionParser(version);
    Version result = parser.parse();
    if (result == null) {
      throw parser.error();
    }
    return result;
  }

  /**
   * Parses a version string, or returns empty if it is not a valid version.
   *
   * @param version the version string
   * @return the version, or empty
   */
  public static Optional<Version> tryParse(String version) {
    return version == null
        ? Optional.empty()
        : Optional.ofNullable(VersionParser.parseOrNull(version));
  }

  /**
   * Whether {@code version} is a valid PEP 440 version.
   *
   * @param version the version string
   * @return {@code true} when it parses
   */
  public static boolean isValid(String version) {
    return version != null && VersionParser.parseOrNull(version) != null;
  }

  /**
   * A final release with the given release numbers, such as {@code of(3, 12)}.
   *
   * @param release the release numbers
   * @return the version
   */
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

  /**
   * The epoch (0 when not written).
   *
   * @return the epoch
   */
  public BigInteger epoch() {
    return big(epoch);
  }

  /**
   * The release numbers as written, trailing zeros included.
   *
   * @return the release numbers
   */
  public List<BigInteger> release() {
    List<BigInteger> parts = new ArrayList<>(release.length);
    for (long part : release) {
      parts.add(big(part));
    }
    return Collections.unmodifiableList(parts);
  }

  /**
   * The first release number, when it fits in an int (as it does for Python versions).
   *
   * @return the major version
   */
  public int major() {
    return part(0);
  }

  /**
   * The second release number (0 when absent), when it fits in an int.
   *
   * @return the minor version
   */
  public int minor() {
    return part(1);
  }

  /**
   * The third release number (0 when absent), when it fits in an int.
   *
   * @return the micro version
   */
  public int micro() {
    return part(2);
  }

  private int part(int index) {
    return index < release.length ? big(release[index]).intValueExact() : 0;
  }

  /**
   * The pre-release segment, such as {@code rc1}.
   *
   * @return the pre-release, or empty
   */
  public Optional<Pre> pre() {
    return preKind == NONE
        ? Optional.empty()
        : Optional.of(new Pre(PRE_LABELS[preKind], big(preNumber)));
  }

  /**
   * The post-release number.
   *
   * @return the number, or empty when this is not a post-release
   */
  public Optional<BigInteger> post() {
    return post == ABSENT ? Optional.empty() : Optional.of(big(post));
  }

  /**
   * The development release number.
   *
   * @return the number, or empty when this is not a development release
   */
  public Optional<BigInteger> dev() {
    return dev == ABSENT ? Optional.empty() : Optional.of(big(dev));
  }

  /**
   * The local label, normalized (lower case, dot separated), without the {@code +}.
   *
   * @return the local label, or empty
   */
  public Optional<String> local() {
    if (local == null) {
      return Optional.empty();
    }
    return Optional.of(local);
  }

  /**
   * A pre-release or a development release.
   *
   * @return {@code true} for a pre-release or development release
   */
  public boolean isPrerelease() {
    return preKind != NONE || dev != ABSENT;
  }

  /**
   * Whether this is a post-release.
   *
   * @return {@code true} when it has a post-release segment
   */
  public boolean isPostrelease() {
    return post != ABSENT;
  }

  /**
   * Whether this is a development release.
   *
   * @return {@code true} when it has a development release segment
   */
  public boolean isDevrelease() {
    return dev != ABSENT;
  }

  /**
   * This version without its local label.
   *
   * @return the public version
   */
  public Version publicVersion() {
    return local == null
        ? this
        : new Version(epoch, release, preKind, preNumber, post, dev, null, bigs);
  }

  /**
   * Epoch and release only.
   *
   * @return the base version
   */
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
   * times faster on long lists (see {@link VersionSort}).
   *
   * @param versions the versions to sort
   */
  public static void sort(List<Version> versions) {
    VersionSort.sort(versions);
  }

  /** The high word of the comparison key (see {@link SaturatedKey}). */
  long keyHigh() {
    return keyHigh;
  }

  /** The low word of the comparison key (see {@link SaturatedKey}). */
  long keyLow() {
    return keyLow;
  }

  /**
   * Whether an equal key may hide a difference: a local label, or an inexact key (which may also
   * equal an exact one).
   */
  boolean keyLeavesTies() {
    return !keyExact || local != null;
  }

  /** Whether equal keys mean equal public versions. */
  boolean keyExact() {
    return keyExact;
  }

  @Override
  public int compareTo(Version other) {
    if (keyHigh != other.keyHigh) {
      return keyHigh < other.keyHigh ? -1 : 1;
    }
    if (keyLow != other.keyLow) {
      return keyLow < other.keyLow ? -1 : 1;
    }
    if (this == other) {
      return 0;
    }
    if (!keyExact || !other.keyExact) {
      int c = PublicOrder.compare(this, other);
      if (c != 0) {
        return c;
      }
    }
    return LocalLabels.compare(local, other.local);
  }

  /** The number a field holds: itself, or the large number it refers to. */
  BigInteger big(long value) {
    return value >= 0 ? BigInteger.valueOf(value) : bigs[(int) (-value - 1)];
  }

  int preRank() {
    if (preKind != NONE) {
      return preKind;
    }
    return post == ABSENT && dev != ABSENT ? -1 : 3;
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
      h = 31 * h + (local == null ? 0 : local.hashCode());
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
      s = VersionText.format(this);
      text = s;
    }
    return s;
  }

  /**
   * packaging's {@code canonicalize_version}: the normalized form, with trailing zeros of the
   * release removed (keeping at least one number) when {@code stripTrailingZero} is set.
   *
   * @param stripTrailingZero whether to remove trailing zeros of the release
   * @return the canonical form
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
   *
   * @param version the version string
   * @param stripTrailingZero whether to remove trailing zeros of the release
   * @return the canonical form, or the string unchanged
   */
  public static String canonicalize(String version, boolean stripTrailingZero) {
    Version parsed = VersionParser.parseOrNull(version);
    return parsed == null ? version : parsed.canonical(stripTrailingZero);
  }

  /** Builds the exception for an invalid version at a 0-based offset. */
  static InvalidVersionException invalid(String input, int offset, String detail) {
    return new InvalidVersionException(
        input,
        Location.inString(input, offset),
        "Invalid version: " + PyText.repr(input) + ": " + detail);
  }
}
