package io.pyhermetic.error;

import java.util.Objects;

/**
 * A finding about an input file: where, how serious, which rule, and what. {@link #toString()}
 * renders {@code file:line:col: severity: message [rule]}.
 */
public record Diagnostic(Severity severity, String rule, Location location, String message) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(String rule, Location location, String message) {
    return new Diagnostic(Severity.ERROR, rule, location, message);
  }

  public static Diagnostic warning(String rule, Location location, String message) {
    return new Diagnostic(Severity.WARNING, rule, location, message);
  }

  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message + " [" + rule + "]";
  }
}
