package io.pyhermetic.index.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Delay before a retry. */
@FunctionalInterface
public interface Backoff {
  /**
   * @param retry 1 for the first retry, 2 for the second, …
   * @param retryAfter the server's {@code Retry-After} (seconds or HTTP-date), when it sent one
   * @return how long to wait before the retry
   */
  Duration delay(int retry, Optional<Duration> retryAfter);

  /**
   * {@code initial × 2^(retry-1)} with jitter in its upper half, capped at {@code max}; a {@code
   * Retry-After} is used instead when it is longer (itself capped at {@code max}, so a server
   * cannot stall the client for longer). Every delay is multiplied by {@code scale} (1.0 in
   * production; tests shrink it).
   *
   * @param initial the wait before the first retry
   * @param max the longest wait
   * @param scale the jitter's share of the wait (tests use 0)
   * @return the backoff
   */
  static Backoff exponential(Duration initial, Duration max, double scale) {
    return (retry, retryAfter) -> {
      double base = initial.toMillis() * Math.pow(2, Math.max(0, retry - 1));
      double capped = Math.min(base, max.toMillis());
      double jittered = capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2;
      double asked = Math.min(retryAfter.map(Duration::toMillis).orElse(0L), max.toMillis());
      double chosen = Math.max(jittered, asked);
      return Duration.ofMillis(Math.round(chosen * scale));
    };
  }
}
