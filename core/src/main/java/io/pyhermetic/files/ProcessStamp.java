package io.pyhermetic.files;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that made a temporary file or directory, as written into its name ({@code PID-START},
 * the start in epoch milliseconds): a later run tells what a killed process left behind from what a
 * live one is still writing. Process ids are reused, so the start time is part of it.
 */
public record ProcessStamp(long pid, long startMillis) {

  /**
   * This process. A start time the system does not tell is 0.
   *
   * @return its stamp
   */
  public static ProcessStamp current() {
    ProcessHandle self = ProcessHandle.current();
    return new ProcessStamp(
        self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  /**
   * Whether the process is gone: no such process, or another one that was given its id since.
   *
   * @return whether it is gone
   */
  public boolean isGone() {
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = owner.get().info().startInstant();
    return startMillis != 0
        && started.isPresent()
        && Math.abs(started.get().toEpochMilli() - startMillis) > 1000;
  }

  /** {@code PID-START}, as it appears in names. */
  @Override
  public String toString() {
    return pid + "-" + startMillis;
  }
}
