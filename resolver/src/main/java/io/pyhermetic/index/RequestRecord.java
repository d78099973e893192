package io.pyhermetic.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One request to an index as the timeline records it: from the moment it was asked for to its
 * answer, across its tries and redirects.
 *
 * @param method {@code GET} or {@code POST}
 * @param url the URL asked for, credentials redacted
 * @param priority the {@link RequestPriority} level it was asked at
 * @param start when it was asked for (before waiting for a connection)
 * @param end when its answer (or failure) arrived
 * @param bytes the body bytes received
 * @param status the final HTTP status; empty when no response arrived
 * @param attempts requests sent on the network (tries and redirect hops); 0 when the response cache
 *     answered
 */
public record RequestRecord(
    String method,
    String url,
    int priority,
    Instant start,
    Instant end,
    long bytes,
    OptionalInt status,
    int attempts) {
  /**
   * Checks that no component is null and that the request does not end before it starts.
   *
   * @param method {@code GET} or {@code POST}
   * @param url the URL asked for, credentials redacted
   * @param priority the {@link RequestPriority} level it was asked at
   * @param start when it was asked for (before waiting for a connection)
   * @param end when its answer (or failure) arrived
   * @param bytes the body bytes received
   * @param status the final HTTP status; empty when no response arrived
   * @param attempts requests sent on the network (tries and redirect hops); 0 when the response
   *     cache answered
   */
  public RequestRecord {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a request cannot end before it starts");
    }
  }

  /**
   * How long it took.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Whether it went to the network (a cache answer is no round trip).
   *
   * @return {@code true} when the network was asked
   */
  public boolean isRoundTrip() {
    return attempts > 0;
  }
}
