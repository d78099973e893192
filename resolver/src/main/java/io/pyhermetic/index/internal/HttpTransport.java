package io.pyhermetic.index.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestListener;
import io.pyhermetic.index.RequestPriority;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous HTTP for the index clients, as a chain of small stages (in the manner of OkHttp's
 * interceptors): simultaneous identical GETs share one request ({@link SharedLookups}); the
 * optional on-disk cache answers or revalidates ({@link CacheStage} over {@link ResponseCache});
 * each request then runs as an {@link Exchange} whose tries wait by {@link RequestPriority} for one
 * of {@link Options#maxConcurrency()} slots ({@link PriorityScheduler}), are sent one at a time by
 * the {@link Sender}, and are judged by the {@link RedirectPolicy} (HttpClient's redirect strategy)
 * and the {@link RetryPolicy} (HttpClient's retry strategy interface: resets, 429, 5xx, {@code
 * Retry-After}, backoff with jitter) within a {@link RetryBudget} and a per-request deadline.
 * Credentials are sent only to the origin they were given for and never appear in logs, messages or
 * the cache. Every request is reported to the {@link Options#listener()}.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /** This library's version (from the build), or {@code dev} when run from unpackaged classes. */
  public static final String LIBRARY_VERSION = LibraryVersion.read();

  /** The {@code User-Agent} sent with every request. */
  public static final String USER_AGENT = "pyhermetic/" + LIBRARY_VERSION;

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
   * @param maxDownloadBytes the largest file {@link #download} writes when its size is not known
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
  public record Options(
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
     * @param maxDownloadBytes the largest file {@link #download} writes when its size is not known
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
    public Options {
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

    /** The default {@link #timeout()}: 30 s per request, all tries included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * 16 in flight, 10 s connect, 60 s response, 30 s per request in all, 4 tries, 64 MiB bodies,
     * 16 GiB downloads, 5 redirects, 0.5 s → 30 s, a budget of 50 retries plus one per request, no
     * cache, no credentials beyond the URL's, no listener, real time.
     *
     * @return the default options
     */
    public static Options defaults() {
      return new Options(
          16,
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
    public Options withMaxConcurrency(int value) {
      return edit(d -> d.maxConcurrency = value);
    }

    /**
     * The same options with other connect and response timeouts.
     *
     * @param connect the connect timeout
     * @param response the response timeout
     * @return the options
     */
    public Options withTimeouts(Duration connect, Duration response) {
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
    public Options withTimeout(Duration value) {
      return edit(d -> d.timeout = value);
    }

    /**
     * The same options with another number of tries per request.
     *
     * @param value the number of tries
     * @return the options
     */
    public Options withMaxTries(int value) {
      return edit(d -> d.maxTries = value);
    }

    /**
     * The same options with another limit on bodies.
     *
     * @param value the limit in bytes
     * @return the options
     */
    public Options withMaxBodyBytes(long value) {
      return edit(d -> d.maxBodyBytes = value);
    }

    /**
     * The same options with another limit on downloads of unknown size.
     *
     * @param value the limit in bytes
     * @return the options
     */
    public Options withMaxDownloadBytes(long value) {
      return edit(d -> d.maxDownloadBytes = value);
    }

    /**
     * The same options with another backoff.
     *
     * @param value the backoff
     * @return the options
     */
    public Options withBackoff(Backoff value) {
      return edit(d -> d.backoff = value);
    }

    /**
     * The same options with another retry budget.
     *
     * @param min retries allowed in any case
     * @param ratio retries allowed per request started
     * @return the options
     */
    public Options withRetryBudget(int min, double ratio) {
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
    public Options withCache(Path directory, Duration maxAge, boolean offline) {
      return withCache(Optional.of(new ResponseCache.Settings(directory, maxAge, offline)));
    }

    /**
     * The same options with this cache, or none.
     *
     * @param value the cache's settings, or empty for no cache
     * @return the options
     */
    public Options withCache(Optional<ResponseCache.Settings> value) {
      return edit(d -> d.cache = value);
    }

    /**
     * The same options with these credentials.
     *
     * @param value the credentials
     * @return the options
     */
    public Options withCredentials(Credentials value) {
      return edit(d -> d.credentials = value);
    }

    /**
     * The same options with this listener.
     *
     * @param value the listener
     * @return the options
     */
    public Options withListener(RequestListener value) {
      return edit(d -> d.listener = value);
    }

    /**
     * Waits and time from {@code sleeper} and {@code clock} (tests).
     *
     * @param sleeper what waits
     * @param clock what tells the time
     * @return the options
     */
    public Options withTime(Sleeper sleeper, Clock clock) {
      return edit(
          d -> {
            d.sleeper = sleeper;
            d.clock = clock;
          });
    }

    private Options edit(Consumer<Draft> change) {
      Draft d = new Draft(this);
      change.accept(d);
      return d.build();
    }

    /** The fields of an {@link Options} while one is being changed. */
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

      Draft(Options o) {
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

      Options build() {
        return new Options(
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

  /**
   * A response that ended the exchange (any status that is not retried or a redirect).
   *
   * @param status the HTTP status
   * @param uri the URL that answered (after redirects), without credentials
   * @param headers the headers, keyed by lower-case name
   * @param body the body bytes
   */
  public record Response(int status, URI uri, Map<String, List<String>> headers, byte[] body) {
    /**
     * The first value of header {@code name}, case-insensitively.
     *
     * @param name the header's name
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The media type of the body, lower case, without parameters; empty when not sent.
     *
     * @return the media type
     */
    public String mediaType() {
      String type = header("Content-Type").orElse("");
      int semi = type.indexOf(';');
      return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The sha256 and size of a downloaded file. */
  public record Download(String sha256, long size) {}

  private final Options options;
  private final Exchange.Context context;
  private final SharedLookups<String, Response> inFlight = SharedLookups.whileRunning();
  private final Optional<CacheStage> cache;

  /** A transport with the default options. */
  public HttpTransport() {
    this(Options.defaults());
  }

  /**
   * A transport with these options.
   *
   * @param options the options
   */
  public HttpTransport(Options options) {
    this(options, null);
  }

  /** With {@code tls} instead of the JVM's default trust and hostname checks (tests only). */
  HttpTransport(Options options, TlsStrategy tls) {
    this.options = Objects.requireNonNull(options, "options");
    this.context =
        new Exchange.Context(
            options,
            new Sender(
                options.maxConcurrency(),
                options.connectTimeout(),
                options.responseTimeout(),
                USER_AGENT,
                tls),
            new PriorityScheduler(options.maxConcurrency()),
            new RetryPolicy(options.maxTries(), options.backoff(), options.clock()),
            new RedirectPolicy(options.maxRedirects()),
            new RetryBudget(options.retryBudgetMin(), options.retryBudgetRatio()),
            Exchange.deadlineTimer());
    this.cache =
        options
            .cache()
            .map(
                settings ->
                    new CacheStage(
                        new ResponseCache(settings),
                        options.credentials(),
                        options.listener(),
                        options.clock()));
  }

  /**
   * The options.
   *
   * @return the options
   */
  public Options options() {
    return options;
  }

  /**
   * GETs {@code url}. The future completes with the final response (any status other than a
   * redirect, 429 or 5xx; those after the last try), or exceptionally with an {@link
   * IndexException} naming {@code subject} and the redacted URL. With a cache, a fresh (or,
   * offline, any) stored 200 response answers without a request, a stale one is revalidated by
   * ETag, and an offline miss fails.
   *
   * @param subject what the request is for (a project, or {@code name==version}), for messages
   * @param url the URL; {@code user:password@} in it becomes a basic {@code Authorization} header
   * @param headers extra request headers
   * @return the response, when it arrives
   */
  public CompletableFuture<Response> get(String subject, String url, Map<String, String> headers) {
    // askers of the same URL with the same headers at the same time share one request; a more
    // urgent one raises its place in the queue
    return inFlight.get(
        url + "\n" + new TreeMap<>(headers), () -> execute(HttpCall.get(subject, url, headers)));
  }

  /**
   * GETs bytes {@code first} to {@code last} (inclusive) of {@code url} with a {@code Range}
   * header. A server that honours it answers 206 with those bytes; one that does not answers 200
   * with the whole body, which the caller then uses instead. Never answered from the cache.
   *
   * @param subject what the request is for, for messages
   * @param url the URL
   * @param headers extra request headers
   * @param first the first byte's offset
   * @param last the last byte's offset
   * @return the response, when it arrives
   */
  public CompletableFuture<Response> getRange(
      String subject, String url, Map<String, String> headers, long first, long last) {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
    }
    return ranged(subject, url, headers, first + "-" + last);
  }

  /**
   * GETs the last {@code count} bytes of {@code url} (a suffix {@code Range}), for a file whose
   * size is not known; answered as {@link #getRange} is (206 with {@code Content-Range}, or 200
   * with the whole body).
   *
   * @param subject what the request is for ({@code name==version}), for messages
   * @param url the file's URL
   * @param headers extra request headers
   * @param count how many bytes from the end
   * @return the response
   */
  public CompletableFuture<Response> getLast(
      String subject, String url, Map<String, String> headers, long count) {
    if (count < 1) {
      throw new IllegalArgumentException("invalid suffix length " + count);
    }
    return ranged(subject, url, headers, "-" + count);
  }

  private CompletableFuture<Response> ranged(
      String subject, String url, Map<String, String> headers, String range) {
    Map<String, String> ranged = new LinkedHashMap<>(headers);
    ranged.put("Range", "bytes=" + range);
    return network(HttpCall.get(subject, url, ranged));
  }

  /**
   * POSTs {@code body} to {@code url} through the same chain as {@link #get}: retries (so only for
   * requests that may be repeated, such as a query), redirects, credentials, and the cache, keyed
   * by a hash of the body as well.
   *
   * @param subject what the request is for, for messages
   * @param url the URL
   * @param headers extra request headers
   * @param body the request body
   * @param contentType the body's media type
   * @return the response, when it arrives
   */
  public CompletableFuture<Response> post(
      String subject, String url, Map<String, String> headers, byte[] body, String contentType) {
    return execute(
        new HttpCall(
            subject, "POST", url, headers, Optional.of(new HttpCall.Body(body, contentType))));
  }

  private CompletableFuture<Response> execute(HttpCall call) {
    return cache.isPresent() ? cache.get().execute(call, this::network) : network(call);
  }

  private CompletableFuture<Response> network(HttpCall call) {
    try {
      return new Exchange(
              context,
              call,
              (uri, onBody) -> new BodyConsumers.InMemory(uri, options.maxBodyBytes()),
              response -> response.body().length)
          .start();
    } catch (IndexException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * GETs {@code url} into {@code destination} (created or replaced), digesting the bytes as they
   * arrive, with the same retries, redirects, credentials and concurrency limit as {@link #get}; a
   * retry starts the file over. Nothing is buffered in memory and the cache is not used. On any
   * failure the partial file is deleted and the future fails with an {@link IndexException} naming
   * {@code subject} and the redacted URL.
   *
   * @param subject what the download is for, for messages
   * @param url the URL
   * @param destination the file to write
   * @param maxBytes the most bytes accepted; more is an error
   * @return the sha256 and size of the bytes written, when done
   */
  public CompletableFuture<Download> download(
      String subject, String url, Path destination, long maxBytes) {
    if (cache.isPresent() && cache.get().offline()) {
      return CompletableFuture.failedFuture(
          new IndexException(subject, url, "offline, and downloads need the network"));
    }
    AtomicReference<Download> written = new AtomicReference<>();
    CompletableFuture<Response> result;
    try {
      result =
          new Exchange(
                  context,
                  HttpCall.get(subject, url, Map.of()),
                  (uri, onBody) ->
                      new BodyConsumers.ToFile(uri, destination, maxBytes, written, onBody),
                  response -> written.get() == null ? 0 : written.get().size())
              .start();
    } catch (IndexException e) {
      return CompletableFuture.failedFuture(e);
    }
    return result.handle(
        (response, error) -> {
          if (error == null && response.status() == 200 && written.get() != null) {
            return written.get();
          }
          try {
            Files.deleteIfExists(destination);
          } catch (IOException e) {
            LOG.warn("could not delete the partial download {}: {}", destination, e.toString());
          }
          if (error != null) {
            throw Futures.unwrap(error);
          }
          throw new IndexException(
              subject,
              url,
              "HTTP " + response.status() + " for the download",
              response.status(),
              null);
        });
  }

  /**
   * {@link #get} and wait.
   *
   * @param subject what the request is for, for messages
   * @param url the URL
   * @param headers extra request headers
   * @return the response
   */
  public Response getSync(String subject, String url, Map<String, String> headers) {
    return Futures.join(get(subject, url, headers));
  }

  @Override
  public void close() {
    context.sender().close();
    context.deadlines().shutdownNow();
  }

  /** See {@link HttpFailures#describe}. */
  static String describe(Throwable error) {
    return HttpFailures.describe(error);
  }

  /** See {@link RetryAfter#parse}. */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    return RetryAfter.parse(value, now);
  }
}
