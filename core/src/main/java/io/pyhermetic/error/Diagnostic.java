package io.pyhermetic.error;

import java.util.Objects;

/**
 * A finding about an input file: where, how serious, which rule, and what. {@link #toString()}
 * renders {@code file:line:col: severity: message [rule]}.
 *
 * @param severity how serious the finding is
 * @param rule the identifier of the rule that found it
 * @param location where it was found
 * @param message what was found
 */
public record Diagnostic(Severity severity, String rule, Location location, String message) {
  /**
   * Checks that no component is null.
   *
   * @param severity how serious the finding is
   * @param rule the identifier of the rule that found it
   * @param location where it was found
   * @param message what was found
   */
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /**
   * An error.
   *
   * @param rule the rule's identifier
   * @param location where the problem is
   * @param message what is wrong
   * @return the diagnostic
   */
  public static Diagnostic error(String rule, Location location, String message) {
    return new Diagnostic(Severity.ERROR, rule, location, message);
  }

  /**
   * A warning.
   *
   * @param rule the rule's identifier
   * @param location where the problem is
   * @param message what is wrong
   * @return the diagnostic
   */
  public static Diagnostic warning(String rule, Location location, String message) {
    return new Diagnostic(Severity.WARNING, rule, location, message);
  }

  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message + " [" + rule + "]";
  }
}
