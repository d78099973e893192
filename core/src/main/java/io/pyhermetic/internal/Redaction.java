package io.pyhermetic.internal;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of anything shown or written: {@code https://user:pw@host} → {@code
 * https://***@host}.
 */
public final class Redaction {
  private static final Pattern USERINFO = Pattern.compile("(://)[^/?#\\s@]*(?::[^/?#\\s@]*)?@");

  private Redaction() {}

  /** {@code text} with the user-info part of every URL in it replaced by {@code ***}. */
  public static String redact(String text) {
    return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
  }
}
