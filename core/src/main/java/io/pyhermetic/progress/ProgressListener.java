package io.pyhermetic.progress;

/**
 * Told, from the working threads, what a long operation is doing; for progress display. Both
 * methods do nothing by default, so a listener implements what it shows.
 */
public interface ProgressListener {
  /** Tells nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A step begins, such as {@code auditing 7 pins for x86_64, aarch64}.
   *
   * @param description what the step does
   */
  default void step(String description) {}

  /**
   * One item of the current step finished: a look-up, an inspection, a file.
   *
   * @param done items finished so far (1-based)
   * @param total items known so far (build dependencies reveal more as they go)
   * @param what the item that just finished, for display ({@code name version}, {@code looked up
   *     name==version}, {@code downloaded file.whl})
   */
  default void progressed(int done, int total, String what) {}
}
