package io.pyhermetic.lock;

import java.util.List;

/**
 * The locks of every target of a {@link LockRequest}, in the request's order.
 *
 * @param targets one lock per target
 */
public record LockResult(List<TargetLock> targets) {
  /**
   * Copies the list, so the result stays immutable.
   *
   * @param targets one lock per target
   */
  public LockResult {
    targets = List.copyOf(targets);
  }

  /**
   * Whether every target's lock is complete.
   *
   * @return {@code true} when every target locked
   */
  public boolean isOk() {
    return targets.stream().allMatch(TargetLock::isOk);
  }
}
