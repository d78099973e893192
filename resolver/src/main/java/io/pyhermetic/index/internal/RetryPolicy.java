package io.pyhermetic.index.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Which failures are tried again and after how long, as HttpClient's own retry strategy interface:
 * connection failures that may pass (resets, timeouts, a closed connection; not an unknown host or
 * a failed TLS handshake), 429 and 5xx, up to {@code maxTries} executions; the delay comes from the
 * {@link Backoff}, given the server's {@code Retry-After} (seconds or HTTP-date, read against
 * {@code clock}). The exchange asks it rather than the client's built-in retry executor runs it, so
 * that each try waits its turn in the priority queue and a download starts its file over.
 */
final class RetryPolicy implements HttpRequestRetryStrategy {
  private final int maxTries;
  private final Backoff backoff;
  private final Clock clock;

  RetryPolicy(int maxTries, Backoff backoff, Clock clock) {
    this.maxTries = maxTries;
    this.backoff = backoff;
    this.clock = clock;
  }

  int maxTries() {
    return maxTries;
  }

  @Override
  public boolean retryRequest(
      HttpRequest request, IOException exception, int execCount, HttpContext context) {
    return HttpFailures.isRetryable(exception) && execCount < maxTries;
  }

  @Override
  public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
    return isRetriedStatus(response.getCode()) && execCount < maxTries;
  }

  /** Whether a response with {@code status} is worth another try: 429 and 5xx. */
  static boolean isRetriedStatus(int status) {
    return status == 429 || status >= 500;
  }

  @Override
  public TimeValue getRetryInterval(
      HttpRequest request, IOException exception, int execCount, HttpContext context) {
    return TimeValue.of(backoff.delay(execCount, Optional.empty()));
  }

  @Override
  public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
    return TimeValue.of(backoff.delay(execCount, retryAfter(response)));
  }

  /** The server's {@code Retry-After}, when it sent one that parses. */
  Optional<Duration> retryAfter(HttpResponse response) {
    return Optional.ofNullable(response.getFirstHeader("Retry-After"))
        .flatMap(h -> RetryAfter.parse(h.getValue(), clock.instant()));
  }
}
