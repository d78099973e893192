package io.pyhermetic.version;

/** The normalized text of a version, exactly as packaging's {@code str(Version(...))} writes it. */
final class VersionText {

  private VersionText() {}

  /** {@code v}'s normalized form. */
  static String format(Version v) {
    StringBuilder out = new StringBuilder(16);
    if (v.epoch != 0) {
      appendNumber(out, v, v.epoch).append('!');
    }
    for (int i = 0; i < v.release.length; i++) {
      if (i > 0) {
        out.append('.');
      }
      appendNumber(out, v, v.release[i]);
    }
    if (v.preKind != Version.NONE) {
      appendNumber(out.append(Version.PRE_LABELS[v.preKind]), v, v.preNumber);
    }
    if (v.post != Version.ABSENT) {
      appendNumber(out.append(".post"), v, v.post);
    }
    if (v.dev != Version.ABSENT) {
      appendNumber(out.append(".dev"), v, v.dev);
    }
    if (v.local != null) {
      out.append('+').append(v.local);
    }
    return out.toString();
  }

  /** Appends a field of {@code v}: itself, or the large number it refers to. */
  private static StringBuilder appendNumber(StringBuilder out, Version v, long value) {
    return value >= 0 ? out.append(value) : out.append(v.bigs[(int) (-value - 1)]);
  }
}
