package io.pyhermetic.version;

import java.nio.charset.StandardCharsets;

/**
 * A single-pass parser for the shape nearly every published version has, in lower case and without
 * optional separators: {@code (N!)?N(.N)*((a|b|c|rc)N)?(.postN|.revN|.rN|-N)?(.devN)? (+label)?},
 * with numbers of at most 18 digits and a local label in any case and with any of its separators.
 * It returns {@code null} for anything else (a leading {@code v}, spaces, other spellings, implicit
 * numbers, large numbers, invalid text), which {@link VersionParser} then parses or reports;
 * whatever it accepts, it parses exactly as {@link VersionParser} does.
 */
final class CommonShapeParser {
  private static final int MAX_DIGITS = 18;

  /** Longer labels are left to {@link VersionParser}, which enforces the limit on number size. */
  private static final int MAX_LABEL = 4300;

  private CommonShapeParser() {}

  /** The version {@code s} spells in the common shape, or {@code null}. */
  static Version parse(String s) {
    int n = s.length();
    int first = n > 0 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') ? 1 : 0;
    long epoch = 0;
    int i = digitsEnd(s, first, n);
    if (i > first && i < n && s.charAt(i) == '!') {
      epoch = value(s, first, i);
      i++;
    } else {
      i = first;
    }
    int releaseStart = i;
    int count = 1;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        count++;
      } else if (c < '0' || c > '9') {
        break;
      }
    }
    int releaseEnd = i;
    if (releaseEnd > releaseStart && s.charAt(releaseEnd - 1) == '.') {
      releaseEnd--; // the dot of ".post" or ".dev"
      count--;
    }
    long[] release = new long[count];
    int start = releaseStart;
    for (int k = 0; k < count; k++) {
      int end = k == count - 1 ? releaseEnd : s.indexOf('.', start);
      if (end - start < 1 || end - start > MAX_DIGITS) {
        return null;
      }
      release[k] = value(s, start, end);
      start = end + 1;
    }
    int p = releaseEnd;
    byte preKind = Version.NONE;
    long preNumber = 0;
    if (p < n) {
      char c = s.charAt(p);
      if (c == 'a') {
        preKind = Version.ALPHA;
        p++;
      } else if (c == 'b') {
        preKind = Version.BETA;
        p++;
      } else if (c == 'r' && p + 1 < n && s.charAt(p + 1) == 'c') {
        preKind = Version.RC;
        p += 2;
      } else if (c == 'c') {
        preKind = Version.RC;
        p++;
      }
      if (preKind != Version.NONE) {
        int end = digitsEnd(s, p, n);
        if (end == p) {
          return null;
        }
        preNumber = value(s, p, end);
        p = end;
      }
    }
    long post = Version.ABSENT;
    int postLength = postLabel(s, p);
    if (postLength > 0) {
      int end = digitsEnd(s, p + postLength, n);
      if (end == p + postLength) {
        return null;
      }
      post = value(s, p + postLength, end);
      p = end;
    }
    long dev = Version.ABSENT;
    if (s.startsWith(".dev", p)) {
      int end = digitsEnd(s, p + 4, n);
      if (end == p + 4) {
        return null;
      }
      dev = value(s, p + 4, end);
      p = end;
    }
    String local = null;
    if (p < n) {
      if (s.charAt(p) != '+' || n - p - 1 > MAX_LABEL) {
        return null;
      }
      local = label(s, p + 1, n);
      if (local == null) {
        return null;
      }
    }
    return new Version(epoch, release, preKind, preNumber, post, dev, local, null);
  }

  /**
   * The length of the post-release label at {@code p} that a number must follow ({@code .post},
   * {@code .rev}, {@code .r} or a bare {@code -}), or 0.
   */
  private static int postLabel(String s, int p) {
    if (p >= s.length()) {
      return 0;
    }
    char c = s.charAt(p);
    if (c == '-') {
      return 1;
    }
    if (c != '.') {
      return 0;
    }
    if (s.startsWith("post", p + 1)) {
      return 5;
    }
    if (s.startsWith("rev", p + 1)) {
      return 4;
    }
    return s.startsWith("r", p + 1) ? 2 : 0;
  }

  /**
   * The normalized local label {@code s[from:to]} (lower case, dot separated, numbers without
   * leading zeros), or {@code null} when it is not a valid label.
   */
  static String label(String s, int from, int to) {
    byte[] out = new byte[to - from];
    int length = 0;
    int partStart = 0;
    boolean number = true;
    boolean same = true; // whether the label is already in normalized form
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        number = false;
      } else if (c >= 'A' && c <= 'Z') {
        number = false;
        same = false;
        c = (char) (c + ('a' - 'A'));
      } else if (c == '.' || c == '-' || c == '_') {
        if (length == partStart) {
          return null;
        }
        same &= c == '.';
        int end = number ? stripZeros(out, partStart, length) : length;
        same &= end == length;
        out[end] = '.';
        length = end + 1;
        partStart = length;
        number = true;
        continue;
      } else if (c < '0' || c > '9') {
        return null;
      }
      out[length++] = (byte) c;
    }
    if (length == partStart) {
      return null;
    }
    int end = number ? stripZeros(out, partStart, length) : length;
    if (same && end == length) {
      return s.substring(from, to);
    }
    return new String(out, 0, end, StandardCharsets.ISO_8859_1);
  }

  /** Removes the leading zeros of the number {@code out[from:to]}; returns its new end. */
  private static int stripZeros(byte[] out, int from, int to) {
    int zeros = 0;
    while (from + zeros < to - 1 && out[from + zeros] == '0') {
      zeros++;
    }
    if (zeros == 0) {
      return to;
    }
    System.arraycopy(out, from + zeros, out, from, to - from - zeros);
    return to - zeros;
  }

  private static int digitsEnd(String s, int from, int n) {
    int i = from;
    while (i < n && i - from <= MAX_DIGITS) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      i++;
    }
    return i - from > MAX_DIGITS ? from : i;
  }

  private static long value(String s, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }
}
