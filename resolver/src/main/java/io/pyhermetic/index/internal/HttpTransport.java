package io.pyhermetic.index.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestPriority;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous HTTP for the index clients, as a chain of small stages (in the manner of OkHttp's
 * interceptors): simultaneous identical GETs share one request ({@link SharedLookups}); the
 * optional on-disk cache answers or revalidates ({@link CacheStage} over {@link ResponseCache});
 * each request then runs as an {@link Exchange} whose tries wait by {@link RequestPriority} for one
 * of {@link TransportOptions#maxConcurrency()} slots ({@link PriorityScheduler}), are sent one at a
 * time by the {@link Sender}, and are judged by the {@link RedirectPolicy} (HttpClient's redirect
 * strategy) and the {@link RetryPolicy} (HttpClient's retry strategy interface: resets, 429, 5xx,
 * {@code Retry-After}, backoff with jitter) within a {@link RetryBudget} and a per-request
 * deadline. Credentials are sent only to the origin they were given for and never appear in logs,
 * messages or the cache. Every request is reported to the {@link TransportOptions#listener()}.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /** This library's version (from the build), or {@code dev} when run from unpackaged classes. */
  public static final String LIBRARY_VERSION = LibraryVersion.read();

  /** The {@code User-Agent} sent with every request. */
  public static final String USER_AGENT = "pyhermetic/" + LIBRARY_VERSION;

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

  private final TransportOptions options;
  private final Exchange.Context context;
  private final SharedLookups<String, Response> inFlight = SharedLookups.whileRunning();
  private final Optional<CacheStage> cache;

  /** A transport with the default options. */
  public HttpTransport() {
    this(TransportOptions.defaults());
  }

  /**
   * A transport with these options.
   *
   * @param options the options
   */
  public HttpTransport(TransportOptions options) {
    this(options, null);
  }

  /** With {@code tls} instead of the JVM's default trust and hostname checks (tests only). */
  HttpTransport(TransportOptions options, TlsStrategy tls) {
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
            Exchange.deadlineTimer(),
            Exchange.responseHandlers());
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
  public TransportOptions options() {
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
    context.responses().shutdown(); // what is queued still completes its futures
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
