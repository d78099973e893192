package io.pyhermetic.index;

/**
 * Told of every request an index makes, once it has ended; set with {@link
 * IndexSettingsBuilder#requestListener}. Called from the transport's threads, possibly at once:
 * implementations are thread-safe and quick.
 */
@FunctionalInterface
public interface RequestListener {
  /** A listener that ignores everything. */
  RequestListener NONE = request -> {};

  /**
   * {@code request} has ended.
   *
   * @param request what happened
   */
  void requestEnded(RequestRecord request);
}
