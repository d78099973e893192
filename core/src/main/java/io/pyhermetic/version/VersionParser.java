package io.pyhermetic.version;

import io.pyhermetic.internal.PyText;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written matcher equivalent to packaging's {@code VERSION_PATTERN} (with its possessive
 * quantifiers), about an order of magnitude faster than a regular expression. Returns {@code null}
 * on failure and remembers where and why, so that {@code tryParse} never pays for an exception.
 */
final class VersionParser {
  private static final int MAX_DIGITS_WITHOUT_CHECK = 18;
  private static final int MAX_DIGITS = 4300;
  private static final int DIGITS_SPLIT = 256;
  private static final long ERROR = Long.MIN_VALUE + 1;

  private final String s;
  private List<BigInteger> bigs;
  private int errorOffset;
  private String errorDetail;
  private boolean normalized;

  VersionParser(String s) {
    this.s = s;
  }

  /** The version {@code s} spells, or {@code null} when it is not a valid version. */
  static Version parseOrNull(String s) {
    Version common = CommonShapeParser.parse(s);
    return common != null ? common : new VersionParser(s).parse();
  }

  InvalidVersionException error() {
    return Version.invalid(s, errorOffset, errorDetail);
  }

  Version parse() {
    int n = s.length();
    if (isSimple(n)) {
      return parseSimple(n);
    }
    int start = PyText.skipSpace(s, 0);
    int end = PyText.trimEnd(s, start, n);
    int i = start;
    if (i < end && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
      i++;
    }
    long epoch = 0;
    int j = digitsEnd(i, end);
    if (j > i && j < end && s.charAt(j) == '!') {
      epoch = number(i, j);
      if (epoch == ERROR) {
        return null;
      }
      i = j + 1;
      j = digitsEnd(i, end);
    }
    if (j == i) {
      return fail(
          i,
          i < end
              ? "expected a release number, found " + describe(i)
              : "expected a release number");
    }
    long first = number(i, j);
    if (first == ERROR) {
      return null;
    }
    int count = 1;
    int releaseEnd = j;
    while (releaseEnd + 1 < end
        && s.charAt(releaseEnd) == '.'
        && isDigit(s.charAt(releaseEnd + 1))) {
      releaseEnd = digitsEnd(releaseEnd + 1, end);
      count++;
    }
    long[] release = new long[count];
    release[0] = first;
    i = j;
    for (int k = 1; k < count; k++) {
      j = digitsEnd(i + 1, end);
      long part = number(i + 1, j);
      if (part == ERROR) {
        return null;
      }
      release[k] = part;
      i = j;
    }

    byte preKind = Version.NONE;
    long preNumber = 0;
    int p = i;
    if (p < end && isSeparator(s.charAt(p))) {
      p++;
    }
    int preMatch = matchPre(p, end);
    if (preMatch != 0) {
      preKind = (byte) (preMatch >> 8);
      p += preMatch & 0xff;
      if (p < end && isSeparator(s.charAt(p))) {
        p++;
      }
      int q = digitsEnd(p, end);
      if (q > p) {
        preNumber = number(p, q);
        if (preNumber == ERROR) {
          return null;
        }
      }
      i = q;
    }

    long post = Version.ABSENT;
    if (i + 1 < end && s.charAt(i) == '-' && isDigit(s.charAt(i + 1))) {
      int q = digitsEnd(i + 1, end);
      post = number(i + 1, q);
      if (post == ERROR) {
        return null;
      }
      i = q;
    } else {
      p = i;
      if (p < end && isSeparator(s.charAt(p))) {
        p++;
      }
      int postLength = matchPost(p, end);
      if (postLength != 0) {
        p += postLength;
        if (p < end && isSeparator(s.charAt(p))) {
          p++;
        }
        int q = digitsEnd(p, end);
        post = 0;
        if (q > p) {
          post = number(p, q);
          if (post == ERROR) {
            return null;
          }
        }
        i = q;
      }
    }

    long dev = Version.ABSENT;
    p = i;
    if (p < end && isSeparator(s.charAt(p))) {
      p++;
    }
    if (regionMatchesAscii(p, end, "dev")) {
      p += 3;
      if (p < end && isSeparator(s.charAt(p))) {
        p++;
      }
      int q = digitsEnd(p, end);
      dev = 0;
      if (q > p) {
        dev = number(p, q);
        if (dev == ERROR) {
          return null;
        }
      }
      i = q;
    }

    String local = null;
    if (i < end && s.charAt(i) == '+') {
      int localStart = i + 1;
      int localEnd = localEnd(localStart, end);
      if (localEnd < 0) {
        return null;
      }
      local = normalized ? s.substring(localStart, localEnd) : normalizeLocal(localStart, localEnd);
      i = localEnd;
    }

    if (i != end) {
      return fail(i, "unexpected " + describe(i));
    }
    return new Version(epoch, release, preKind, preNumber, post, dev, local, bigArray());
  }

  private boolean isSimple(int n) {
    if (n == 0) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private Version parseSimple(int n) {
    int dots = 0;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) == '.') {
        dots++;
      }
    }
    long[] release = new long[dots + 1];
    int start = 0;
    for (int k = 0; k <= dots; k++) {
      int end = s.indexOf('.', start);
      if (end < 0) {
        end = n;
      }
      if (end == start) {
        return fail(start, n == 0 ? "empty string" : "empty release number");
      }
      long part = number(start, end);
      if (part == ERROR) {
        return null;
      }
      release[k] = part;
      start = end + 1;
    }
    return new Version(
        0, release, Version.NONE, 0, Version.ABSENT, Version.ABSENT, null, bigArray());
  }

  /**
   * Parses ASCII digits {@code s[from:to]}: the value when it fits in a long, otherwise a negative
   * reference to an entry of {@link #bigs}; -1 with the error recorded past CPython's 4300-digit
   * limit for integer strings.
   */
  private long number(int from, int to) {
    if (to - from > MAX_DIGITS) {
      fail(from, "a number with more than " + MAX_DIGITS + " digits");
      return ERROR;
    }
    int i = from;
    while (i < to - 1 && s.charAt(i) == '0') {
      i++;
    }
    if (to - i <= MAX_DIGITS_WITHOUT_CHECK) {
      long value = 0;
      for (; i < to; i++) {
        value = value * 10 + (s.charAt(i) - '0');
      }
      return value;
    }
    BigInteger big = digits(s, i, to);
    if (big.bitLength() < 64) {
      return big.longValue();
    }
    if (bigs == null) {
      bigs = new ArrayList<>(2);
    }
    bigs.add(big);
    return -bigs.size();
  }

  /**
   * The value of the ASCII digits {@code s[from:to]}: long numbers are split in halves, so that the
   * cost follows {@link BigInteger#multiply}'s rather than the quadratic cost of parsing digit by
   * digit.
   */
  static BigInteger digits(String s, int from, int to) {
    int length = to - from;
    if (length <= DIGITS_SPLIT) {
      return new BigInteger(s.substring(from, to));
    }
    int low = length / 2;
    return digits(s, from, to - low).multiply(BigInteger.TEN.pow(low)).add(digits(s, to - low, to));
  }

  private BigInteger[] bigArray() {
    return bigs == null ? null : bigs.toArray(new BigInteger[0]);
  }

  /**
   * Scans the local label starting at {@code from} (just after the {@code +}): returns where it
   * ends, or -1 with the error recorded, and sets {@link #normalized} when it is already in
   * normalized form (lower case, dot separated, numbers without leading zeros).
   */
  private int localEnd(int from, int end) {
    normalized = true;
    int i = from;
    while (true) {
      int partStart = i;
      boolean number = true;
      while (i < end) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          i++;
        } else if (c >= 'a' && c <= 'z') {
          number = false;
          i++;
        } else if (c >= 'A' && c <= 'Z') {
          number = false;
          normalized = false;
          i++;
        } else {
          break;
        }
      }
      if (i == partStart) {
        fail(partStart, "expected a local version label after '+'");
        return -1;
      }
      if (number) {
        if (i - partStart > MAX_DIGITS) {
          fail(partStart, "a number with more than " + MAX_DIGITS + " digits");
          return -1;
        }
        if (i - partStart > 1 && s.charAt(partStart) == '0') {
          normalized = false;
        }
      }
      if (i + 1 < end && isSeparator(s.charAt(i)) && isAsciiAlnum(s.charAt(i + 1))) {
        if (s.charAt(i) != '.') {
          normalized = false;
        }
        i++;
      } else {
        return i;
      }
    }
  }

  /** The normalized form of a valid local label {@code s[from:to]}. */
  private String normalizeLocal(int from, int to) {
    byte[] out = new byte[to - from];
    int length = 0;
    int i = from;
    while (i < to) {
      if (length > 0) {
        out[length++] = '.';
      }
      int partStart = length;
      boolean number = true;
      for (; i < to; i++) {
        char c = s.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        } else if (c == '.' || c == '-' || c == '_') {
          break;
        }
        number &= c <= '9';
        out[length++] = (byte) c;
      }
      if (number) {
        int zeros = 0;
        while (partStart + zeros < length - 1 && out[partStart + zeros] == '0') {
          zeros++;
        }
        if (zeros > 0) {
          System.arraycopy(out, partStart + zeros, out, partStart, length - partStart - zeros);
          length -= zeros;
        }
      }
      i++; // past the separator
    }
    return new String(out, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Returns {@code kind << 8 | length} of the pre-release label at {@code p}, or 0. */
  private int matchPre(int p, int end) {
    if (p >= end) {
      return 0;
    }
    switch (s.charAt(p) | 0x20) {
      case 'a':
        return regionMatchesAscii(p, end, "alpha")
            ? (Version.ALPHA << 8 | 5)
            : (Version.ALPHA << 8 | 1);
      case 'b':
        return regionMatchesAscii(p, end, "beta")
            ? (Version.BETA << 8 | 4)
            : (Version.BETA << 8 | 1);
      case 'p':
        if (regionMatchesAscii(p, end, "preview")) {
          return Version.RC << 8 | 7;
        }
        return regionMatchesAscii(p, end, "pre") ? (Version.RC << 8 | 3) : 0;
      case 'c':
        return Version.RC << 8 | 1;
      case 'r':
        return regionMatchesAscii(p, end, "rc") ? (Version.RC << 8 | 2) : 0;
      default:
        return 0;
    }
  }

  private int matchPost(int p, int end) {
    if (regionMatchesAscii(p, end, "post")) {
      return 4;
    }
    if (regionMatchesAscii(p, end, "rev")) {
      return 3;
    }
    return regionMatchesAscii(p, end, "r") ? 1 : 0;
  }

  /** Case-insensitive ASCII match of a lower-case word at {@code p}. */
  private boolean regionMatchesAscii(int p, int end, String word) {
    if (end - p < word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = s.charAt(p + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private int digitsEnd(int from, int end) {
    int i = from;
    while (i < end && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private int alnumEnd(int from, int end) {
    int i = from;
    while (i < end && isAsciiAlnum(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private String describe(int i) {
    return "character " + PyText.repr(new String(Character.toChars(s.codePointAt(i))));
  }

  private Version fail(int offset, String detail) {
    errorOffset = offset;
    errorDetail = detail;
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '_' || c == '-';
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
