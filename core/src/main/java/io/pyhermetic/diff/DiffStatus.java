package io.pyhermetic.diff;

/** What differs for one project across labels, most significant first. */
public enum DiffStatus {
  /** Present under some labels only. */
  ONLY,
  /** Present everywhere, at different versions. */
  VERSION,
  /** Same versions, different environment markers. */
  MARKER,
  /** Same versions, different extras. */
  EXTRAS,
  /** Same versions, different hashes. */
  HASHES,
  /** No difference. */
  SAME;

  /**
   * The name used in reports ({@code only}, {@code version}, …).
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
