package io.pyhermetic.plan;

/** Told, from the planning threads, what the planner is doing; for progress display. */
public interface PlanProgress {
  /** Tells nothing. */
  PlanProgress NONE = new PlanProgress() {};

  /**
   * A step begins, such as {@code auditing 7 pins for x86_64, aarch64}.
   *
   * @param description what the step does
   */
  default void step(String description) {}

  /**
   * A look-up or inspection finished.
   *
   * @param done finished so far (1-based)
   * @param total known so far (build dependencies reveal more as they go)
   * @param what the release, {@code name version}
   */
  default void progressed(int done, int total, String what) {}
}
