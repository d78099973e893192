package io.pyhermetic.index.internal;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.IndexException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on futures and unwrapping their failures. */
public final class Futures {
  private Futures() {}

  /**
   * The value of {@code future}; its {@link RuntimeException} failure is rethrown as is.
   *
   * @param <T> the value's type
   * @param future the future
   * @return its value
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("", "", "interrupted while waiting for the index", -1, e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /**
   * The failure behind {@code error}, without the completion and execution wrappers.
   *
   * @param error the failure
   * @return the failure behind it
   */
  public static Throwable cause(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The runtime exception behind {@code error}, unwrapping completion wrappers.
   *
   * @param error the failure
   * @return the runtime exception behind it
   */
  public static RuntimeException unwrap(Throwable error) {
    Throwable cause = cause(error);
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    return new IndexException(
        "", "", "index look-up failed: " + Failures.describe(cause), -1, cause);
  }
}
