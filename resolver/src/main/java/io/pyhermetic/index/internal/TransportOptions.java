package io.pyhermetic.index.internal;

import io.pyhermetic.index.RequestListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Transport settings.
 *
 * @param maxConcurrency requests in flight at once
 * @param connectTimeout TCP/TLS connect timeout
 * @param responseTimeout longest wait for response data
 * @param timeout the most time one request may take, all its tries and the waits between them
 *     included (not the time queued behind other requests, nor a download's body once it flows)
 * @param maxTries attempts per request, including the first
 * @param maxBodyBytes the largest response body accepted into memory
 * @param maxDownloadBytes the largest file {@link HttpTransport#download} writes when its size is
 *     not known
 * @param maxRedirects redirects followed per request
 * @param backoff delay before each retry
 * @param retryBudgetMin retries allowed in any case, over all requests
 * @param retryBudgetRatio retries allowed per request started, on top of {@code retryBudgetMin}
 * @param cache the on-disk response cache, if any
 * @param credentials where {@code Authorization} for a URL without user-info comes from
 * @param listener told of every request once it has ended
 * @param sleeper waits before a retry (tests wait for nothing)
 * @param clock the time of the timeline and of {@code Retry-After} dates
 */
public record TransportOptions(
    int maxConcurrency,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration timeout,
    int maxTries,
    long maxBodyBytes,
    long maxDownloadBytes,
    int maxRedirects,
    Backoff backoff,
    int retryBudgetMin,
    double retryBudgetRatio,
    Optional<ResponseCache.Settings> cache,
    Credentials credentials,
    RequestListener listener,
    Sleeper sleeper,
    Clock clock) {

  /**
   * Checks that the limits are positive and no component is null.
   *
   * @param maxConcurrency requests in flight at once
   * @param connectTimeout TCP/TLS connect timeout
   * @param responseTimeout longest wait for response data
   * @param timeout the most time one request may take, all its tries and the waits between them
   *     included (not the time queued behind other requests, nor a download's body once it flows)
   * @param maxTries attempts per request, including the first
   * @param maxBodyBytes the largest response body accepted into memory
   * @param maxDownloadBytes the largest file {@link HttpTransport#download} writes when its size is
   *     not known
   * @param maxRedirects redirects followed per request
   * @param backoff delay before each retry
   * @param retryBudgetMin retries allowed in any case, over all requests
   * @param retryBudgetRatio retries allowed per request started, on top of {@code retryBudgetMin}
   * @param cache the on-disk response cache, if any
   * @param credentials where {@code Authorization} for a URL without user-info comes from
   * @param listener told of every request once it has ended
   * @param sleeper waits before a retry (tests wait for nothing)
   * @param clock the time of the timeline and of {@code Retry-After} dates
   */
  public TransportOptions {
    if (maxConcurrency < 1
        || maxTries < 1
        || maxBodyBytes < 1
        || maxDownloadBytes < 1
        || maxRedirects < 0
        || retryBudgetMin < 0
        || retryBudgetRatio < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The default {@link #maxConcurrency()}: 50, as uv's; a lock's or a build-deps run's look-ups are
   * many, small and latency-bound.
   */
  public static final int DEFAULT_MAX_CONCURRENCY = 50;

  /** The default {@link #timeout()}: 30 s per request, all tries included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * 50 in flight, 10 s connect, 60 s response, 30 s per request in all, 4 tries, 64 MiB bodies, 16
   * GiB downloads, 5 redirects, 0.5 s → 30 s, a budget of 50 retries plus one per request, no
   * cache, no credentials beyond the URL's, no listener, real time.
   *
   * @return the default options
   */
  public static TransportOptions defaults() {
    return new TransportOptions(
        DEFAULT_MAX_CONCURRENCY,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        DEFAULT_TIMEOUT,
        4,
        64L * 1024 * 1024,
        16L * 1024 * 1024 * 1024,
        5,
        Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30), 1.0),
        50,
        1.0,
        Optional.empty(),
        Credentials.NONE,
        RequestListener.NONE,
        Sleeper.REAL,
        Clock.systemUTC());
  }

  /**
   * The same options with another limit on requests in flight.
   *
   * @param value the limit
   * @return the options
   */
  public TransportOptions withMaxConcurrency(int value) {
    return edit(d -> d.maxConcurrency = value);
  }

  /**
   * The same options with other connect and response timeouts.
   *
   * @param connect the connect timeout
   * @param response the response timeout
   * @return the options
   */
  public TransportOptions withTimeouts(Duration connect, Duration response) {
    return edit(
        d -> {
          d.connectTimeout = connect;
          d.responseTimeout = response;
        });
  }

  /**
   * The most time one request may take in all (see {@link #timeout()}).
   *
   * @param value the timeout
   * @return the options
   */
  public TransportOptions withTimeout(Duration value) {
    return edit(d -> d.timeout = value);
  }

  /**
   * The same options with another number of tries per request.
   *
   * @param value the number of tries
   * @return the options
   */
  public TransportOptions withMaxTries(int value) {
    return edit(d -> d.maxTries = value);
  }

  /**
   * The same options with another limit on bodies.
   *
   * @param value the limit in bytes
   * @return the options
   */
  public TransportOptions withMaxBodyBytes(long value) {
    return edit(d -> d.maxBodyBytes = value);
  }

  /**
   * The same options with another limit on downloads of unknown size.
   *
   * @param value the limit in bytes
   * @return the options
   */
  public TransportOptions withMaxDownloadBytes(long value) {
    return edit(d -> d.maxDownloadBytes = value);
  }

  /**
   * The same options with another backoff.
   *
   * @param value the backoff
   * @return the options
   */
  public TransportOptions withBackoff(Backoff value) {
    return edit(d -> d.backoff = value);
  }

  /**
   * The same options with another retry budget.
   *
   * @param min retries allowed in any case
   * @param ratio retries allowed per request started
   * @return the options
   */
  public TransportOptions withRetryBudget(int min, double ratio) {
    return edit(
        d -> {
          d.retryBudgetMin = min;
          d.retryBudgetRatio = ratio;
        });
  }

  /**
   * Keeps successful responses under {@code directory}: used unasked for {@code maxAge}, then
   * revalidated by ETag; {@code offline} answers from the cache only.
   *
   * @param directory the cache's directory
   * @param maxAge how long a response is used without revalidation
   * @param offline whether to answer from the cache only
   * @return the options
   */
  public TransportOptions withCache(Path directory, Duration maxAge, boolean offline) {
    return withCache(Optional.of(new ResponseCache.Settings(directory, maxAge, offline)));
  }

  /**
   * The same options with this cache, or none.
   *
   * @param value the cache's settings, or empty for no cache
   * @return the options
   */
  public TransportOptions withCache(Optional<ResponseCache.Settings> value) {
    return edit(d -> d.cache = value);
  }

  /**
   * The same options with these credentials.
   *
   * @param value the credentials
   * @return the options
   */
  public TransportOptions withCredentials(Credentials value) {
    return edit(d -> d.credentials = value);
  }

  /**
   * The same options with this listener.
   *
   * @param value the listener
   * @return the options
   */
  public TransportOptions withListener(RequestListener value) {
    return edit(d -> d.listener = value);
  }

  /**
   * Waits and time from {@code sleeper} and {@code clock} (tests).
   *
   * @param sleeper what waits
   * @param clock what tells the time
   * @return the options
   */
  public TransportOptions withTime(Sleeper sleeper, Clock clock) {
    return edit(
        d -> {
          d.sleeper = sleeper;
          d.clock = clock;
        });
  }

  private TransportOptions edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** The fields of an {@link TransportOptions} while one is being changed. */
  private static final class Draft {
    int maxConcurrency;
    Duration connectTimeout;
    Duration responseTimeout;
    Duration timeout;
    int maxTries;
    long maxBodyBytes;
    long maxDownloadBytes;
    int maxRedirects;
    Backoff backoff;
    int retryBudgetMin;
    double retryBudgetRatio;
    Optional<ResponseCache.Settings> cache;
    Credentials credentials;
    RequestListener listener;
    Sleeper sleeper;
    Clock clock;

    Draft(TransportOptions o) {
      maxConcurrency = o.maxConcurrency;
      connectTimeout = o.connectTimeout;
      responseTimeout = o.responseTimeout;
      timeout = o.timeout;
      maxTries = o.maxTries;
      maxBodyBytes = o.maxBodyBytes;
      maxDownloadBytes = o.maxDownloadBytes;
      maxRedirects = o.maxRedirects;
      backoff = o.backoff;
      retryBudgetMin = o.retryBudgetMin;
      retryBudgetRatio = o.retryBudgetRatio;
      cache = o.cache;
      credentials = o.credentials;
      listener = o.listener;
      sleeper = o.sleeper;
      clock = o.clock;
    }

    TransportOptions build() {
      return new TransportOptions(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          timeout,
          maxTries,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          retryBudgetMin,
          retryBudgetRatio,
          cache,
          credentials,
          listener,
          sleeper,
          clock);
    }
  }
}
