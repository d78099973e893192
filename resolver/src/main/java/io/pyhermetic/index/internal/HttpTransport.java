package io.pyhermetic.index.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.internal.Failures;
import io.pyhermetic.internal.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.H2ConnectionException;
import org.apache.hc.core5.http2.H2StreamResetException;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous HTTP GET for the index clients, on Apache HttpClient 5: a connection pool, at most
 * {@link Options#maxConcurrency()} requests in flight, connect and response timeouts, redirects,
 * retries with exponential backoff and jitter (connection errors, 429, 5xx; {@code Retry-After}
 * honoured), a response-size limit, basic auth taken from the URL's user-info, and an optional
 * on-disk {@link ResponseCache} (max-age, ETag revalidation, offline mode). Simultaneous GETs of
 * one URL with the same headers share one request, and requests waiting for a connection go by
 * {@link RequestPriority}. Credentials are sent only to the origin they were given for and never
 * appear in logs, messages or the cache.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /** This library's version (from the build), or {@code dev} when run from unpackaged classes. */
  public static final String LIBRARY_VERSION = libraryVersion();

  /** The {@code User-Agent} sent with every request. */
  public static final String USER_AGENT = "pyhermetic/" + LIBRARY_VERSION;

  /** Delay before a retry. */
  @FunctionalInterface
  public interface Backoff {
    /**
     * @param retry 1 for the first retry, 2 for the second, …
     * @param retryAfter the server's {@code Retry-After} (seconds or HTTP-date), when it sent one
     */
    Duration delay(int retry, Optional<Duration> retryAfter);

    /**
     * {@code initial × 2^(retry-1)} with jitter in its upper half, capped at {@code max}; a {@code
     * Retry-After} is used instead when it is longer (itself capped at {@code max}, so a server
     * cannot stall the client for longer). Every delay is multiplied by {@code scale} (1.0 in
     * production; tests shrink it).
     */
    static Backoff exponential(Duration initial, Duration max, double scale) {
      return (retry, retryAfter) -> {
        double base = initial.toMillis() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, max.toMillis());
        double jittered = capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2;
        double asked = Math.min(retryAfter.map(Duration::toMillis).orElse(0L), max.toMillis());
        double chosen = Math.max(jittered, asked);
        return Duration.ofMillis(Math.round(chosen * scale));
      };
    }
  }

  /**
   * Transport settings.
   *
   * @param maxConcurrency requests in flight at once
   * @param connectTimeout TCP/TLS connect timeout
   * @param responseTimeout longest wait for response data
   * @param maxTries attempts per request, including the first
   * @param maxBodyBytes the largest response body accepted into memory
   * @param maxDownloadBytes the largest file {@link #download} writes when its size is not known
   * @param maxRedirects redirects followed per request
   * @param backoff delay before each retry
   * @param cache the on-disk response cache, if any
   * @param credentials where {@code Authorization} for a URL without user-info comes from
   */
  public record Options(
      int maxConcurrency,
      Duration connectTimeout,
      Duration responseTimeout,
      int maxTries,
      long maxBodyBytes,
      long maxDownloadBytes,
      int maxRedirects,
      Backoff backoff,
      Optional<ResponseCache.Settings> cache,
      Credentials credentials) {

    public Options {
      if (maxConcurrency < 1
          || maxTries < 1
          || maxBodyBytes < 1
          || maxDownloadBytes < 1
          || maxRedirects < 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(responseTimeout, "responseTimeout");
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(cache, "cache");
      Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * 16 in flight, 10 s connect, 60 s response, 4 tries, 64 MiB bodies, 16 GiB downloads, 5
     * redirects, 0.5 s → 30 s, no cache, no credentials beyond the URL's.
     */
    public static Options defaults() {
      return new Options(
          16,
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          4,
          64L * 1024 * 1024,
          16L * 1024 * 1024 * 1024,
          5,
          Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30), 1.0),
          Optional.empty(),
          Credentials.NONE);
    }

    public Options withMaxConcurrency(int value) {
      return new Options(
          value,
          connectTimeout,
          responseTimeout,
          maxTries,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          cache,
          credentials);
    }

    public Options withTimeouts(Duration connect, Duration response) {
      return new Options(
          maxConcurrency,
          connect,
          response,
          maxTries,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          cache,
          credentials);
    }

    public Options withMaxTries(int value) {
      return new Options(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          value,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          cache,
          credentials);
    }

    public Options withMaxBodyBytes(long value) {
      return new Options(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          maxTries,
          value,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          cache,
          credentials);
    }

    public Options withMaxDownloadBytes(long value) {
      return new Options(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          maxTries,
          maxBodyBytes,
          value,
          maxRedirects,
          backoff,
          cache,
          credentials);
    }

    public Options withBackoff(Backoff value) {
      return new Options(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          maxTries,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          value,
          cache,
          credentials);
    }

    /**
     * Keeps successful responses under {@code directory}: used unasked for {@code maxAge}, then
     * revalidated by ETag; {@code offline} answers from the cache only.
     */
    public Options withCache(java.nio.file.Path directory, Duration maxAge, boolean offline) {
      return withCache(Optional.of(new ResponseCache.Settings(directory, maxAge, offline)));
    }

    public Options withCache(Optional<ResponseCache.Settings> value) {
      return new Options(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          maxTries,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          value,
          credentials);
    }

    public Options withCredentials(Credentials value) {
      return new Options(
          maxConcurrency,
          connectTimeout,
          responseTimeout,
          maxTries,
          maxBodyBytes,
          maxDownloadBytes,
          maxRedirects,
          backoff,
          cache,
          value);
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
    /** The first value of header {@code name}, case-insensitively. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The media type of the body, lower case, without parameters; empty when not sent. */
    public String mediaType() {
      String type = header("Content-Type").orElse("");
      int semi = type.indexOf(';');
      return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Options options;
  private final CloseableHttpAsyncClient client;
  private final Semaphore permits;

  private final SharedLookups<String, Response> inFlight = SharedLookups.whileRunning();
  private final Object queueLock = new Object();
  private PriorityQueue<Waiting> waiting = new PriorityQueue<>(); // guarded by queueLock
  private long raisesSeen; // guarded by queueLock
  private long arrivals; // guarded by queueLock
  private final Optional<ResponseCache> cache;

  public HttpTransport() {
    this(Options.defaults());
  }

  public HttpTransport(Options options) {
    this(options, null);
  }

  /** With {@code tls} instead of the JVM's default trust and hostname checks (tests only). */
  HttpTransport(Options options, TlsStrategy tls) {
    this.options = Objects.requireNonNull(options, "options");
    this.permits = new Semaphore(options.maxConcurrency());
    this.cache = options.cache().map(ResponseCache::new);
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(options.connectTimeout()))
            .setSocketTimeout(Timeout.of(options.responseTimeout()))
            .build();
    this.client =
        HttpAsyncClients.custom()
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setTlsStrategy(tls)
                    .setMaxConnTotal(options.maxConcurrency())
                    .setMaxConnPerRoute(options.maxConcurrency())
                    .setDefaultConnectionConfig(connection)
                    .setDefaultTlsConfig(
                        TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(options.responseTimeout()))
                    .setRedirectsEnabled(false)
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .setUserAgent(USER_AGENT)
            .build();
    client.start();
  }

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
   */
  public CompletableFuture<Response> get(String subject, String url, Map<String, String> headers) {
    // askers of the same URL with the same headers at the same time share one request; a more
    // urgent one raises its place in the queue
    return inFlight.get(
        url + "\n" + new TreeMap<>(headers), () -> getUnshared(subject, url, headers));
  }

  private CompletableFuture<Response> getUnshared(
      String subject, String url, Map<String, String> headers) {
    if (cache.isEmpty()) {
      return fetch(subject, url, headers);
    }
    ResponseCache responses = cache.get();
    URI plain;
    try {
      plain = withoutUserInfo(new URI(url));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return fetch(subject, url, headers); // fails with a clear message
    }
    String key = ResponseCache.key(plain, headers.getOrDefault("Accept", ""));
    Optional<ResponseCache.Entry> entry = responses.read(key);
    boolean offline = responses.settings().offline();
    if (entry.isPresent() && (offline || responses.isFresh(entry.get()))) {
      LOG.debug("{} answered from the cache", plain);
      return CompletableFuture.completedFuture(entry.get().response());
    }
    if (offline) {
      return CompletableFuture.failedFuture(
          new IndexException(
              subject,
              url,
              "offline, and the cache under "
                  + responses.settings().directory()
                  + " has no response for this URL"));
    }
    Map<String, String> request = new LinkedHashMap<>(headers);
    entry.flatMap(ResponseCache.Entry::etag).ifPresent(etag -> request.put("If-None-Match", etag));
    return fetch(subject, url, request)
        .thenApply(
            response -> {
              if (response.status() == 304 && entry.isPresent()) {
                responses.touch(key, entry.get());
                return entry.get().response();
              }
              if (response.status() == 200) {
                responses.write(key, response);
              }
              return response;
            });
  }

  private CompletableFuture<Response> fetch(
      String subject, String url, Map<String, String> headers) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    Exchange exchange;
    try {
      exchange =
          new Exchange(
              subject,
              url,
              headers,
              result,
              uri -> new LimitedConsumer(uri, options.maxBodyBytes()));
    } catch (IndexException e) {
      result.completeExceptionally(e);
      return result;
    }
    exchange.attempt(null, 1, 0);
    return result;
  }

  /**
   * POSTs {@code json} to {@code url} (for JSON query APIs), with the same retries, redirects,
   * credentials, concurrency limit and failures as {@link #get}. With a cache, a 200 answer is kept
   * under the URL and a digest of the body, used while fresh (or, offline, always); an offline miss
   * fails.
   */
  public CompletableFuture<Response> postJson(String subject, String url, byte[] json) {
    Optional<ResponseCache> responses = cache;
    String key = null;
    if (responses.isPresent()) {
      try {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        key = ResponseCache.key(withoutUserInfo(new URI(url)), "POST " + digest);
      } catch (URISyntaxException | IllegalArgumentException | NoSuchAlgorithmException e) {
        responses = Optional.empty(); // the exchange fails with a clear message
      }
    }
    if (responses.isPresent()) {
      Optional<ResponseCache.Entry> entry = responses.get().read(key);
      boolean offline = responses.get().settings().offline();
      if (entry.isPresent() && (offline || responses.get().isFresh(entry.get()))) {
        return CompletableFuture.completedFuture(entry.get().response());
      }
      if (offline) {
        return CompletableFuture.failedFuture(
            new IndexException(
                subject, url, "offline, and the cache has no answer for this query"));
      }
    }
    CompletableFuture<Response> result = new CompletableFuture<>();
    try {
      Exchange exchange =
          new Exchange(
              subject,
              url,
              Map.of("Accept", "application/json"),
              result,
              uri -> new LimitedConsumer(uri, options.maxBodyBytes()));
      exchange.postBody = json.clone();
      exchange.attempt(null, 1, 0);
    } catch (IndexException e) {
      return CompletableFuture.failedFuture(e);
    }
    String storeKey = key;
    Optional<ResponseCache> store = responses;
    return result.thenApply(
        response -> {
          if (response.status() == 200) {
            store.ifPresent(c -> c.write(storeKey, response));
          }
          return response;
        });
  }

  /** The sha256 and size of a downloaded file. */
  public record Download(String sha256, long size) {}

  /**
   * GETs {@code url} into {@code destination} (created or replaced), digesting the bytes as they
   * arrive, with the same retries, redirects, credentials and concurrency limit as {@link #get}; a
   * retry starts the file over. Nothing is buffered in memory and the cache is not used. On any
   * failure the partial file is deleted and the future fails with an {@link IndexException} naming
   * {@code subject} and the redacted URL.
   *
   * @param maxBytes the most bytes accepted; more is an error
   */
  public CompletableFuture<Download> download(
      String subject, String url, Path destination, long maxBytes) {
    if (cache.isPresent() && cache.get().settings().offline()) {
      return CompletableFuture.failedFuture(
          new IndexException(subject, url, "offline, and downloads need the network"));
    }
    AtomicReference<Download> written = new AtomicReference<>();
    CompletableFuture<Response> result = new CompletableFuture<>();
    try {
      new Exchange(
              subject,
              url,
              Map.of(),
              result,
              uri -> new FileConsumer(uri, destination, maxBytes, written))
          .attempt(null, 1, 0);
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

  /** {@link #get} and wait. */
  public Response getSync(String subject, String url, Map<String, String> headers) {
    return Futures.join(get(subject, url, headers));
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  // ---- concurrency limit: a Semaphore and a queue of waiting attempts, without blocking ----

  /**
   * An attempt waiting for a permit: higher level first, then first come, first served. The level
   * is read when queued and again whenever some priority has been raised since.
   */
  private record Waiting(RequestPriority priority, int level, long arrival, Runnable task)
      implements Comparable<Waiting> {
    @Override
    public int compareTo(Waiting other) {
      int byLevel = Integer.compare(other.level, level);
      return byLevel != 0 ? byLevel : Long.compare(arrival, other.arrival);
    }
  }

  private void submit(RequestPriority priority, Runnable task) {
    synchronized (queueLock) {
      waiting.add(new Waiting(priority, priority.level(), arrivals++, task));
    }
    drain();
  }

  private Waiting nextWaiting() {
    synchronized (queueLock) {
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
    synchronized (queueLock) {
      return !waiting.isEmpty();
    }
  }

  private void release() {
    permits.release();
    drain();
  }

  private void drain() {
    while (isWaiting() && permits.tryAcquire()) {
      Waiting next = nextWaiting();
      if (next == null) {
        permits.release();
      } else {
        try {
          next.task().run();
        } catch (RuntimeException e) {
          LOG.warn("request could not be started", e);
        }
      }
    }
  }

  // ---- one request, across retries and redirects ----

  private final class Exchange {
    final String subject;
    final String displayUrl;
    final URI origin;
    final Optional<String> authorization;
    final Map<String, String> headers;
    final CompletableFuture<Response> result;
    final Function<URI, AsyncResponseConsumer<Response>> consumers;
    // the priority of the thread that asked, kept across retries and redirects
    final RequestPriority priority = RequestPriority.current();
    byte[] postBody; // a JSON body to POST instead of a GET; kept across retries and redirects

    Exchange(
        String subject,
        String url,
        Map<String, String> headers,
        CompletableFuture<Response> result,
        Function<URI, AsyncResponseConsumer<Response>> consumers) {
      this.subject = subject;
      this.consumers = consumers;
      this.displayUrl = Redaction.redact(url);
      this.headers = Map.copyOf(headers);
      this.result = result;
      URI parsed;
      try {
        parsed = new URI(url);
      } catch (URISyntaxException e) {
        throw new IndexException(subject, displayUrl, "invalid index URL");
      }
      if (parsed.getScheme() == null || parsed.getHost() == null) {
        throw new IndexException(subject, displayUrl, "index URL must be absolute http(s)");
      }
      this.authorization = Optional.ofNullable(parsed.getRawUserInfo()).map(Exchange::basic);
      this.origin = withoutUserInfo(parsed);
    }

    private static String basic(String rawUserInfo) {
      int colon = rawUserInfo.indexOf(':');
      String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
      String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
      String pair = decode(user) + ":" + decode(password);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    boolean sameOrigin(URI uri) {
      return HttpTransport.sameOrigin(origin, uri);
    }

    /** Queues a try of {@code uri} ({@code null}: the exchange's own URL). */
    void attempt(URI uri, int tryNumber, int redirects) {
      URI target = uri == null ? origin : uri;
      submit(priority, () -> send(target, tryNumber, redirects));
    }

    void send(URI uri, int tryNumber, int redirects) {
      SimpleRequestBuilder request =
          postBody == null
              ? SimpleRequestBuilder.get(uri)
              : SimpleRequestBuilder.post(uri).setBody(postBody, ContentType.APPLICATION_JSON);
      headers.forEach(request::addHeader);
      // the URL's own user-info first, for its origin only; otherwise the configured source
      Optional<String> auth =
          authorization.isPresent() && sameOrigin(uri)
              ? authorization
              : options.credentials().authorization(uri);
      auth.ifPresent(value -> request.addHeader("Authorization", value));
      LOG.debug(
          "{} {} (try {})",
          postBody == null ? "GET" : "POST",
          Redaction.redact(uri.toString()),
          tryNumber);
      AtomicBoolean held = new AtomicBoolean(true);
      Runnable release =
          () -> {
            if (held.getAndSet(false)) {
              release();
            }
          };
      try {
        client.execute(
            SimpleRequestProducer.create(request.build()),
            consumers.apply(uri),
            new FutureCallback<Response>() {
              @Override
              public void completed(Response response) {
                release.run();
                // leave the I/O thread: callers' continuations (parsing, hashing) run elsewhere,
                // at this request's priority, which the requests they start inherit
                ForkJoinPool.commonPool()
                    .execute(
                        () -> priority.run(() -> onResponse(uri, response, tryNumber, redirects)));
              }

              @Override
              public void failed(Exception error) {
                release.run();
                ForkJoinPool.commonPool()
                    .execute(() -> priority.run(() -> onFailure(uri, error, tryNumber, redirects)));
              }

              @Override
              public void cancelled() {
                release.run();
                fail(uri, "request cancelled", -1, null);
              }
            });
      } catch (RuntimeException e) {
        release.run();
        fail(uri, "request could not be sent: " + describe(e), -1, e);
      }
    }

    void onResponse(URI uri, Response response, int tryNumber, int redirects) {
      int status = response.status();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        Optional<String> location = response.header("Location");
        if (location.isEmpty()) {
          fail(uri, "HTTP " + status + " redirect without a Location header", status, null);
          return;
        }
        if (redirects >= options.maxRedirects()) {
          fail(uri, "more than " + options.maxRedirects() + " redirects", status, null);
          return;
        }
        URI next;
        try {
          next = withoutUserInfo(uri.resolve(new URI(location.get().trim())));
        } catch (URISyntaxException | IllegalArgumentException e) {
          fail(uri, "HTTP " + status + " redirect to an invalid Location", status, null);
          return;
        }
        if (next.getScheme() == null
            || !(next.getScheme().equalsIgnoreCase("http")
                || next.getScheme().equalsIgnoreCase("https"))) {
          fail(uri, "HTTP " + status + " redirect to a non-HTTP URL", status, null);
          return;
        }
        LOG.debug(
            "{} redirected to {}",
            Redaction.redact(uri.toString()),
            Redaction.redact(next.toString()));
        attempt(next, tryNumber, redirects + 1);
        return;
      }
      if (status == 429 || status >= 500) {
        String reason = "HTTP " + status;
        if (tryNumber < options.maxTries()) {
          retryLater(uri, reason, retryAfter(response), tryNumber, redirects);
        } else {
          fail(uri, reason + " after " + tryNumber + " tries", status, null);
        }
        return;
      }
      result.complete(response);
    }

    void onFailure(URI uri, Exception error, int tryNumber, int redirects) {
      if (error instanceof BodyTooLargeException || error instanceof LocalFileException) {
        fail(uri, error.getMessage(), -1, null);
        return;
      }
      String reason = describe(error);
      if (isRetryable(error) && tryNumber < options.maxTries()) {
        retryLater(uri, reason, Optional.empty(), tryNumber, redirects);
      } else {
        String suffix = isRetryable(error) ? " after " + tryNumber + " tries" : "";
        fail(uri, reason + suffix, -1, error instanceof IOException ? null : error);
      }
    }

    void retryLater(
        URI uri, String reason, Optional<Duration> retryAfter, int tryNumber, int redirects) {
      Duration delay = options.backoff().delay(tryNumber, retryAfter);
      LOG.warn(
          "{}: {} from {}; retry {} of {} in {} ms",
          subject,
          reason,
          Redaction.redact(uri.toString()),
          tryNumber,
          options.maxTries() - 1,
          delay.toMillis());
      CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS)
          .execute(() -> attempt(uri, tryNumber + 1, redirects));
    }

    void fail(URI uri, String reason, int status, Throwable cause) {
      String shown =
          sameOrigin(uri) && uri.getRawPath().equals(origin.getRawPath())
              ? displayUrl
              : uri.toString();
      result.completeExceptionally(new IndexException(subject, shown, reason, status, cause));
    }
  }

  /** Connection-level failures that may pass; not unknown hosts or failed TLS handshakes. */
  private static boolean isRetryable(Throwable error) {
    return error instanceof IOException
        && !(error instanceof LocalFileException)
        && !(error instanceof java.net.UnknownHostException)
        && !(error instanceof javax.net.ssl.SSLHandshakeException);
  }

  private static Optional<Duration> retryAfter(Response response) {
    return response.header("Retry-After").flatMap(v -> parseRetryAfter(v, Instant.now()));
  }

  /**
   * A {@code Retry-After} value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date taken relative
   * to {@code now} (a date in the past means no wait). The backoff caps it.
   */
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private static Duration min(Duration d) {
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // beyond a day is absurd (and would overflow as milliseconds); the backoff caps it anyway
      return Optional.of(
          text.length() > 6 ? MAX_RETRY_AFTER : min(Duration.ofSeconds(Long.parseLong(text))));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // unparsable: the exponential delay applies
    }
  }

  /** A failed exchange in plain words, never the client library's class names. */
  static String describe(Throwable error) {
    Throwable e = error;
    while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof NoHttpResponseException) {
      return "the server closed the connection without answering";
    }
    if (e instanceof MalformedChunkCodingException || e instanceof TruncatedChunkException) {
      return "the server sent a broken response";
    }
    if (e instanceof ConnectionClosedException) {
      return "the server closed the connection before the response was complete";
    }
    if (e instanceof H2StreamResetException || e instanceof H2ConnectionException) {
      return "the server ended the HTTP/2 stream";
    }
    if (e instanceof RequestNotExecutedException) {
      return "the request could not be sent";
    }
    if (e instanceof org.apache.hc.core5.http.HttpException) {
      // ProtocolException and its kin: what the server sent is not HTTP the client understands
      String detail = Failures.scrub(e.getMessage());
      return "the server's answer is not valid HTTP"
          + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
    return Failures.describe(e);
  }

  /** Whether two absolute URLs share scheme, host and port. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getHost() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /**
   * {@code url} with the user-info of {@code base} added when both have the same scheme, host and
   * port and {@code url} has none: files on a private index need the index's credentials.
   */
  public static String inheritCredentials(String base, String url) {
    try {
      URI from = new URI(base);
      URI to = new URI(url);
      if (from.getRawUserInfo() == null
          || to.getRawUserInfo() != null
          || to.getHost() == null
          || from.getHost() == null
          || !from.getScheme().equalsIgnoreCase(to.getScheme())
          || !from.getHost().equalsIgnoreCase(to.getHost())
          || port(from) != port(to)) {
        return url;
      }
      int start = url.indexOf("://") + 3;
      return url.substring(0, start) + from.getRawUserInfo() + "@" + url.substring(start);
    } catch (URISyntaxException e) {
      return url;
    }
  }

  static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    try {
      return new URI(
          uri.getScheme(),
          null,
          uri.getHost(),
          uri.getPort(),
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid URL", e);
    }
  }

  private static String libraryVersion() {
    try (InputStream in =
        HttpTransport.class.getResourceAsStream("pyhermetic-version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isEmpty() && !version.startsWith("$")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "dev";
  }

  /** A failure writing the local file (disk full, missing directory): retrying cannot help. */
  static final class LocalFileException extends IOException {
    private static final long serialVersionUID = 1L;

    LocalFileException(String message, IOException cause) {
      super(message, cause);
    }
  }

  /** Thrown while reading a body that exceeds the limit. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
      super("response body larger than the limit of " + limit + " bytes");
    }
  }

  private static Map<String, List<String>> headersOf(HttpResponse response) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      map.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.getValue());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  private static void checkLength(HttpResponse response, long limit) throws IOException {
    Header length = response.getFirstHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.getValue().trim()) > limit) {
          throw new BodyTooLargeException(limit);
        }
      } catch (NumberFormatException e) {
        // ignore a malformed length; the streamed count still applies
      }
    }
  }

  /**
   * Streams a 200 body into a file while digesting it; other bodies (redirects, errors) are
   * discarded since only their status matters. Runs on the I/O thread: each chunk is one write to
   * the page cache.
   */
  private static final class FileConsumer extends AbstractBinResponseConsumer<Response> {
    private final URI uri;
    private final Path destination;
    private final long limit;
    private final AtomicReference<Download> written;
    private int status;
    private Map<String, List<String>> headers = Map.of();
    private FileChannel channel;
    private MessageDigest sha;
    private long count;

    FileConsumer(URI uri, Path destination, long limit, AtomicReference<Download> written) {
      this.uri = uri;
      this.destination = destination;
      this.limit = limit;
      this.written = written;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
      status = response.getCode();
      headers = headersOf(response);
      if (status == 200) {
        checkLength(response, limit);
        try {
          channel =
              FileChannel.open(
                  destination,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
        } catch (IOException e) {
          throw new LocalFileException(
              "cannot write " + destination + ": " + Failures.describe(e), e);
        }
        try {
          sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    @Override
    protected int capacityIncrement() {
      return 256 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
      if (channel == null) {
        src.position(src.limit());
        return;
      }
      count += src.remaining();
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
      sha.update(src.duplicate());
      try {
        while (src.hasRemaining()) {
          channel.write(src);
        }
      } catch (IOException e) {
        throw new LocalFileException(
            "cannot write " + destination + ": " + Failures.describe(e), e);
      }
    }

    @Override
    protected Response buildResult() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        channel = null;
        written.set(new Download(HexFormat.of().formatHex(sha.digest()), count));
      }
      return new Response(status, uri, headers, new byte[0]);
    }

    @Override
    public void releaseResources() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // the download fails anyway; the partial file is deleted by the caller
        }
        channel = null;
      }
    }
  }

  /** Buffers the body up to a limit. */
  private static final class LimitedConsumer extends AbstractBinResponseConsumer<Response> {
    private final URI uri;
    private final long limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private Map<String, List<String>> headers = Map.of();

    LimitedConsumer(URI uri, long limit) {
      this.uri = uri;
      this.limit = limit;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
      status = response.getCode();
      headers = headersOf(response);
      checkLength(response, limit);
    }

    @Override
    protected int capacityIncrement() {
      return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
      int n = src.remaining();
      if ((long) body.size() + n > limit) {
        throw new BodyTooLargeException(limit);
      }
      if (src.hasArray()) {
        body.write(src.array(), src.arrayOffset() + src.position(), n);
        src.position(src.position() + n);
      } else {
        byte[] chunk = new byte[n];
        src.get(chunk);
        body.write(chunk);
      }
    }

    @Override
    protected Response buildResult() {
      return new Response(status, uri, headers, body.toByteArray());
    }

    @Override
    public void releaseResources() {}
  }
}
