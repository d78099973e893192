package io.pyhermetic.error;

/** How serious a diagnostic is. */
public enum Severity {
  /** A problem that fails the check. */
  ERROR,
  /** A problem reported without failing the check. */
  WARNING;

  /**
   * Lower-case name as printed in diagnostics ({@code error}, {@code warning}).
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
