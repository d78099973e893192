package io.pyhermetic.error;

/** How serious a diagnostic is. */
public enum Severity {
  ERROR,
  WARNING;

  /** Lower-case name as printed in diagnostics ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
