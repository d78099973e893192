package io.pyhermetic.index.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay, without holding a thread: the wait before a retry. */
@FunctionalInterface
public interface Sleeper {
  /** Real time, on the common pool's delayed executor. */
  Sleeper REAL =
      (delay, task) ->
          CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS)
              .execute(task);

  /**
   * Runs {@code task} after {@code delay}.
   *
   * @param delay how long to wait
   * @param task what to run
   */
  void schedule(Duration delay, Runnable task);
}
