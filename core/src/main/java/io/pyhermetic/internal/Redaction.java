package io.pyhermetic.internal;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of anything shown or written: {@code https://user:pw@host} → {@code
 * https://***@host}.
 */
public final class Redaction {
  private static final Pattern USERINFO = Pattern.compile("(://)[^/?#\\s@]*(?::[^/?#\\s@]*)?@");

  private static final Pattern LEADING_USERINFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  private Redaction() {}

  /** {@code url} without its user-info: {@code https://user:pw@host/x} → {@code https://host/x}. */
  public static String withoutCredentials(String url) {
    return LEADING_USERINFO.matcher(url).replaceFirst("$1");
  }

  /** {@code text} with the user-info part of every URL in it replaced by {@code ***}. */
  public static String redact(String text) {
    return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
  }
}
