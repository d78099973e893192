package io.pyhermetic.text;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of anything shown or written: {@code https://user:pw@host} → {@code
 * https://***@host}.
 */
public final class Redaction {
  private static final Pattern USERINFO = Pattern.compile("(://)[^/?#\\s@]*(?::[^/?#\\s@]*)?@");

  private static final Pattern LEADING_USERINFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  // NAME=value where NAME names a credential (an environment file, a config-settings pair, a URL
  // query); never "name==1.0"
  private static final Pattern CREDENTIAL_ASSIGNMENT =
      Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)=(?![=~])([^\\s'\"\\\\,;&]+)");

  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("TOKEN|PASSW|SECRET|KEY|AUTH|CREDENTIAL|COOKIE|SESSION");

  private Redaction() {}

  /**
   * Whether an environment variable (or setting) of this name holds a credential: its name contains
   * TOKEN, PASSW(ORD), SECRET, KEY, AUTH, CREDENTIAL, COOKIE or SESSION, in any case. Such a value
   * is never shown.
   *
   * @param name the variable's name
   * @return {@code true} when it names a credential
   */
  public static boolean isCredentialName(String name) {
    return CREDENTIAL_NAME.matcher(name.toUpperCase(java.util.Locale.ROOT)).find();
  }

  /**
   * {@code url} without its user-info: {@code https://user:pw@host/x} → {@code https://host/x}.
   *
   * @param url the URL
   * @return the URL without user-info
   */
  public static String withoutCredentials(String url) {
    return LEADING_USERINFO.matcher(url).replaceFirst("$1");
  }

  /**
   * {@code text} with the user-info part of every URL in it replaced by {@code ***}, and the value
   * of every {@code NAME=value} whose name is a {@linkplain #isCredentialName credential's}.
   *
   * @param text the text
   * @return the text with credentials masked
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = USERINFO.matcher(text).replaceAll("$1***@");
    if (out.indexOf('=') < 0) {
      return out;
    }
    java.util.regex.Matcher m = CREDENTIAL_ASSIGNMENT.matcher(out);
    StringBuilder redacted = new StringBuilder(out.length());
    while (m.find()) {
      m.appendReplacement(
          redacted,
          isCredentialName(m.group(1))
              ? "$1=***"
              : java.util.regex.Matcher.quoteReplacement(m.group()));
    }
    return m.appendTail(redacted).toString();
  }
}
