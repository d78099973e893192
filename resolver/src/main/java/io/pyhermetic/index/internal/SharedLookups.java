package io.pyhermetic.index.internal;

import io.pyhermetic.index.RequestPriority;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Look-ups shared by key: askers of a key whose look-up is under way wait for that one instead of
 * starting another, and a more urgent asker raises its {@link RequestPriority}. Answers are either
 * forgotten once given, or remembered (with the failures a predicate names) until {@link #clear}.
 *
 * <p>Every asker gets its own dependent future, so one cancelling cannot touch the others.
 */
public final class SharedLookups<K, V> {
  private record Lookup<V>(CompletableFuture<V> future, RequestPriority priority) {}

  private final ConcurrentMap<K, Lookup<V>> lookups = new ConcurrentHashMap<>();
  private final boolean rememberAnswers;
  private final Predicate<Throwable> rememberFailure;

  private SharedLookups(boolean rememberAnswers, Predicate<Throwable> rememberFailure) {
    this.rememberAnswers = rememberAnswers;
    this.rememberFailure = rememberFailure;
  }

  /**
   * Shared only while under way.
   *
   * @param <K> the key type
   * @param <V> the answer type
   * @return the lookups
   */
  public static <K, V> SharedLookups<K, V> whileRunning() {
    return new SharedLookups<>(false, error -> false);
  }

  /**
   * Answers kept, and the failures {@code rememberFailure} accepts; other failures retried.
   *
   * @param <K> the key type
   * @param <V> the answer type
   * @param rememberFailure which failures to keep
   * @return the lookups
   */
  public static <K, V> SharedLookups<K, V> remembering(Predicate<Throwable> rememberFailure) {
    return new SharedLookups<>(true, rememberFailure);
  }

  /**
   * The answer for {@code key}: the one under way or remembered, else {@code lookup}'s, started
   * under a priority derived from the asker's.
   *
   * @param key the key
   * @param lookup starts the look-up when none is under way or remembered
   * @return the answer, when it arrives
   */
  public CompletableFuture<V> get(K key, Supplier<CompletableFuture<V>> lookup) {
    RequestPriority asker = RequestPriority.current();
    Lookup<V> mine = new Lookup<>(new CompletableFuture<>(), RequestPriority.under(asker));
    Lookup<V> existing = lookups.putIfAbsent(key, mine);
    if (existing != null) {
      if (!existing.future().isDone()) {
        // a more urgent asker must not wait behind the first one's place in the queue
        existing.priority().raiseTo(asker.level());
      }
      return existing.future().thenApply(value -> value);
    }
    CompletableFuture<V> started;
    try {
      started = mine.priority().call(lookup);
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete(
        (value, error) -> {
          boolean keep = rememberAnswers && (error == null || rememberFailure.test(error));
          if (!keep) {
            lookups.remove(key, mine);
          }
          if (error != null) {
            mine.future().completeExceptionally(Futures.unwrap(error));
          } else {
            mine.future().complete(value);
          }
        });
    return mine.future().thenApply(value -> value);
  }

  /** Forgets every remembered answer. */
  public void clear() {
    lookups.clear();
  }
}
