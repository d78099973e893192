package io.pyhermetic.index;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The priority of the index requests started under it. When the HTTP indexes have more requests
 * than connections, a waiting request of higher level is sent before one of lower level; equal
 * levels go first come, first served.
 *
 * <p>A thread's requests take its {@linkplain #current() current} priority, set for a piece of work
 * with {@link #call}. Work that runs when a response arrives (the callers' continuations) runs
 * under that request's priority, so the requests it starts in turn inherit it. A priority can be
 * {@linkplain #raiseTo raised} while its requests wait, for instance when a more urgent asker joins
 * a look-up that is already queued ({@link CachingIndex} does); a priority {@linkplain #under
 * derived} from another rises with it.
 *
 * <p>Build-dependency resolution gives packages found deeper in the build graph higher levels, so
 * their chains of requests overtake a bulk of independent look-ups. Everything else runs at level
 * 0, first come, first served.
 */
public final class RequestPriority {
  private static final RequestPriority NORMAL = new RequestPriority(0, null);
  private static final ThreadLocal<RequestPriority> CURRENT = ThreadLocal.withInitial(() -> NORMAL);
  private static final AtomicLong RAISES = new AtomicLong();

  // continuations that start look-ups derive priorities from priorities: past this many links a
  // new one takes its parent's level at that moment instead, so chains stay short
  private static final int MAX_LINKS = 16;

  private final AtomicInteger own;
  private final RequestPriority parent;
  private final int links;

  private RequestPriority(int level, RequestPriority parent) {
    this.own = new AtomicInteger(level);
    this.parent = parent;
    this.links = parent == null ? 0 : parent.links + 1;
  }

  /**
   * A priority of {@code level} (higher goes first).
   *
   * @param level the level
   * @return the priority
   */
  public static RequestPriority of(int level) {
    return new RequestPriority(level, null);
  }

  /**
   * A priority at least as high as {@code parent}, now and whenever {@code parent} is raised.
   *
   * @param parent the parent priority
   * @return the priority
   */
  public static RequestPriority under(RequestPriority parent) {
    Objects.requireNonNull(parent, "parent");
    if (parent.links >= MAX_LINKS) {
      return new RequestPriority(parent.level(), null);
    }
    return new RequestPriority(Integer.MIN_VALUE, parent);
  }

  /**
   * The priority of requests started now on this thread; level 0 unless set by {@link #call}.
   *
   * @return the current priority
   */
  public static RequestPriority current() {
    return CURRENT.get();
  }

  /**
   * The level now: its own, or its parent's when that is higher.
   *
   * @return the level
   */
  public int level() {
    int level = own.get();
    for (RequestPriority p = parent; p != null; p = p.parent) {
      level = Math.max(level, p.own.get());
    }
    return level;
  }

  /**
   * Raises this priority to {@code level} if it is lower; requests waiting under it move ahead
   * accordingly. The shared default priority is never raised.
   *
   * @param level the new level
   */
  public void raiseTo(int level) {
    if (this == NORMAL) {
      return;
    }
    int before = level();
    own.accumulateAndGet(level, Math::max);
    if (level > before) {
      RAISES.incrementAndGet();
    }
  }

  /**
   * A count that changes whenever some priority is raised, so that a queue ordered by levels knows
   * when to order itself again.
   *
   * @return the count
   */
  public static long raises() {
    return RAISES.get();
  }

  /**
   * Runs {@code work} with this as the current priority of this thread.
   *
   * @param <T> the result type
   * @param work what to run
   * @return what {@code work} returned
   */
  public <T> T call(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    RequestPriority previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      CURRENT.set(previous);
    }
  }

  /**
   * Runs {@code work} with this as the current priority of this thread.
   *
   * @param work what to run
   */
  public void run(Runnable work) {
    Objects.requireNonNull(work, "work");
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code work} with a new priority of {@code level} as the current one.
   *
   * @param <T> the result type
   * @param level the level
   * @param work what to run
   * @return what {@code work} returned
   */
  public static <T> T call(int level, Supplier<T> work) {
    return of(level).call(work);
  }

  @Override
  public String toString() {
    return "RequestPriority[" + level() + "]";
  }
}
