package io.pyhermetic.audit;

/** How pip would install a pin on a target without network. */
public enum Route {
  /** A compatible wheel. */
  WHEEL,
  /** The sdist, built from source (needs its build dependencies, often a compiler). */
  SDIST,
  /** Nothing installable: the build fails. */
  NONE,
  /** A URL or VCS requirement, not looked up on the index. */
  URL,
  /**
   * Not known: the index failed for the release (after retries), so nothing was checked. Never
   * counted as installable or as not installable.
   */
  UNKNOWN;

  /**
   * The lower-case name used in reports.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
