package io.pyhermetic.index.internal;

import io.pyhermetic.index.RequestPriority;
import java.util.PriorityQueue;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code permits} tasks hold a connection slot at once; the others wait without blocking a
 * thread, higher {@link RequestPriority} first, then first come, first served. A waiting task's
 * level is read when it is queued and again whenever some priority has been raised since. A task
 * runs holding a permit and gives it back with {@link #release}.
 */
final class PriorityScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  private record Waiting(RequestPriority priority, int level, long arrival, Runnable task)
      implements Comparable<Waiting> {
    @Override
    public int compareTo(Waiting other) {
      int byLevel = Integer.compare(other.level, level);
      return byLevel != 0 ? byLevel : Long.compare(arrival, other.arrival);
    }
  }

  private final Semaphore permits;
  private final Object lock = new Object();
  private PriorityQueue<Waiting> waiting = new PriorityQueue<>(); // guarded by lock
  private long raisesSeen; // guarded by lock
  private long arrivals; // guarded by lock

  PriorityScheduler(int permits) {
    this.permits = new Semaphore(permits);
  }

  /** Runs {@code task} once a permit is free and no more urgent task waits. */
  void submit(RequestPriority priority, Runnable task) {
    synchronized (lock) {
      waiting.add(new Waiting(priority, priority.level(), arrivals++, task));
    }
    drain();
  }

  /** Gives back the permit a task held. */
  void release() {
    permits.release();
    drain();
  }

  private Waiting next() {
    synchronized (lock) {
      long raises = RequestPriority.raises();
      if (raises != raisesSeen) {
        raisesSeen = raises;
        PriorityQueue<Waiting> reordered = new PriorityQueue<>(Math.max(1, waiting.size()));
        for (Waiting w : waiting) {
          reordered.add(new Waiting(w.priority(), w.priority().level(), w.arrival(), w.task()));
        }
        waiting = reordered;
      }
      return waiting.poll();
    }
  }

  private boolean isWaiting() {
    synchronized (lock) {
      return !waiting.isEmpty();
    }
  }

  private void drain() {
    while (isWaiting() && permits.tryAcquire()) {
      Waiting next = next();
      if (next == null) {
        permits.release();
      } else {
        try {
          next.task().run();
        } catch (RuntimeException e) {
          // a task that failed to start holds no connection: its permit goes to the next one
          LOG.warn("request could not be started", e);
          permits.release();
        }
      }
    }
  }
}
