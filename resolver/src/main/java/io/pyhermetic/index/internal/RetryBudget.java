package io.pyhermetic.index.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport-wide limit on retries, as in Finagle's and gRPC's retry budgets: {@code minRetries}
 * plus {@code ratio} retries per request started. When an index is down, every request fails after
 * its first try once the budget is spent instead of each spending all its tries and delays.
 */
final class RetryBudget {
  private final int minRetries;
  private final double ratio;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  RetryBudget(int minRetries, double ratio) {
    if (minRetries < 0 || ratio < 0) {
      throw new IllegalArgumentException("a retry budget must not be negative");
    }
    this.minRetries = minRetries;
    this.ratio = ratio;
  }

  /** Counts a new request (not a retry). */
  void requestStarted() {
    requests.incrementAndGet();
  }

  /** Takes one retry from the budget; false when it is spent. */
  boolean tryWithdraw() {
    while (true) {
      long used = retries.get();
      if (used >= minRetries + ratio * requests.get()) {
        return false;
      }
      if (retries.compareAndSet(used, used + 1)) {
        return true;
      }
    }
  }
}
