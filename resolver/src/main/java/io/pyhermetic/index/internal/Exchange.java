package io.pyhermetic.index.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.index.RequestRecord;
import io.pyhermetic.text.Redaction;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request across its tries and redirects: each try waits its turn in the {@link
 * PriorityScheduler}, goes out through the {@link Sender}, and its outcome is judged by the {@link
 * RedirectPolicy} and the {@link RetryPolicy}, within the {@link RetryBudget} and the request's
 * deadline. Credentials are looked up for every try: the URL's user-info for its own origin only,
 * the configured {@link Credentials} otherwise, and nothing at all for an origin that a redirect
 * reached on a host which this request first met on another origin (another port or scheme of the
 * same host).
 *
 * <p>The deadline bounds the time spent in tries and in the waits between them, not the time spent
 * queued behind other requests; a download's body, once it flows, is bounded by the read timeout
 * alone.
 */
final class Exchange {
  // retries and requests are logged under the transport's name, which users see with --verbose
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /** The parts of the transport an exchange uses. */
  record Context(
      TransportOptions options,
      Sender sender,
      PriorityScheduler scheduler,
      RetryPolicy retries,
      RedirectPolicy redirects,
      RetryBudget budget,
      ScheduledExecutorService deadlines,
      ExecutorService responses) {}

  /**
   * Where responses are handed over, off the client's I/O threads: a fork-join pool, so that a
   * continuation that waits for another look-up lets the pool add a thread rather than stall it, as
   * the common pool does, but with a thread per core (at least two) where the common pool has one
   * fewer: on two cores it had a single thread, and every page parsed and every continuation of a
   * run waited for it.
   */
  static ExecutorService responseHandlers() {
    ForkJoinPool.ForkJoinWorkerThreadFactory threads =
        pool -> {
          ForkJoinWorkerThread thread =
              ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          thread.setName("pyhermetic-http-responses-" + thread.getPoolIndex());
          thread.setDaemon(true);
          return thread;
        };
    return new ForkJoinPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), threads, null, true);
  }

  /** One daemon thread that ends tries at their deadline; a cancelled deadline is dropped. */
  static ScheduledExecutorService deadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "pyhermetic-http-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private final Context context;
  private final HttpCall call;
  private final String displayUrl;
  private final URI asked;
  private final Optional<String> userInfoAuthorization;
  private final BiFunction<URI, Runnable, AsyncResponseConsumer<HttpTransport.Response>> consumers;
  private final ToLongFunction<HttpTransport.Response> bytesOf;
  private final CompletableFuture<HttpTransport.Response> result = new CompletableFuture<>();
  // the priority of the thread that asked, kept across retries and redirects
  private final RequestPriority priority = RequestPriority.current();
  private final Instant started;
  // touched by one try at a time, each on whichever thread runs it
  private final Map<String, Origin> firstOriginOfHost = new HashMap<>();
  private volatile String method;
  private volatile Optional<HttpCall.Body> body;
  private volatile long spentNanos;
  private volatile int sends;
  private volatile int lastStatus = -1;
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile int tries = 1;
  private volatile int redirects;

  /** Throws {@link IndexException} when the URL is not an absolute http(s) one. */
  Exchange(
      Context context,
      HttpCall call,
      BiFunction<URI, Runnable, AsyncResponseConsumer<HttpTransport.Response>> consumers,
      ToLongFunction<HttpTransport.Response> bytesOf) {
    this.context = context;
    this.call = call;
    this.consumers = consumers;
    this.bytesOf = bytesOf;
    this.displayUrl = Redaction.redact(call.url());
    this.method = call.method();
    this.body = call.body();
    URI parsed;
    try {
      parsed = HttpUrls.parse(call.url());
    } catch (IllegalArgumentException e) {
      throw new IndexException(call.subject(), displayUrl, "invalid index URL: " + e.getMessage());
    }
    this.userInfoAuthorization =
        Optional.ofNullable(parsed.getRawUserInfo()).map(Credentials::basic);
    this.asked = HttpUrls.withoutUserInfo(parsed);
    this.started = context.options().clock().instant();
  }

  /** Starts the first try; the future completes with the final response or an IndexException. */
  CompletableFuture<HttpTransport.Response> start() {
    context.budget().requestStarted();
    attempt(asked);
    return result;
  }

  /** Records the request, then ends it: who waits for it finds it in the timeline. */
  private void finish(HttpTransport.Response response, IndexException error) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    try {
      record(response);
    } catch (RuntimeException e) {
      LOG.warn("the request listener failed", e);
    }
    if (error != null) {
      result.completeExceptionally(error);
    } else {
      result.complete(response);
    }
  }

  private void record(HttpTransport.Response response) {
    int status = response != null ? response.status() : lastStatus;
    context
        .options()
        .listener()
        .requestEnded(
            new RequestRecord(
                call.method(),
                displayUrl,
                priority.level(),
                started,
                later(started, context.options().clock().instant()),
                response == null ? 0 : bytesOf.applyAsLong(response),
                status < 0 ? OptionalInt.empty() : OptionalInt.of(status),
                sends));
  }

  private static Instant later(Instant a, Instant b) {
    return b.isBefore(a) ? a : b;
  }

  private Duration remaining() {
    return context.options().timeout().minusNanos(spentNanos);
  }

  private void attempt(URI uri) {
    context.scheduler().submit(priority, () -> send(uri));
  }

  private Optional<String> authorization(URI uri) {
    Origin origin = Origin.of(uri).orElseThrow();
    Origin first;
    synchronized (firstOriginOfHost) {
      first = firstOriginOfHost.computeIfAbsent(origin.host(), host -> origin);
    }
    if (!first.equals(origin)) {
      return Optional.empty(); // another port or scheme of a host already met: not its origin
    }
    if (userInfoAuthorization.isPresent() && Origin.same(asked, uri)) {
      return userInfoAuthorization;
    }
    return context.options().credentials().authorization(uri);
  }

  private void send(URI uri) {
    sends++;
    Map<String, String> headers = new LinkedHashMap<>(call.headers());
    authorization(uri).ifPresent(value -> headers.put("Authorization", value));
    Duration left = remaining();
    Duration readTimeout = min(context.options().responseTimeout(), left);
    LOG.debug("{} {} (try {})", method, Redaction.redact(uri.toString()), tries);
    AtomicBoolean held = new AtomicBoolean(true);
    AtomicBoolean streaming = new AtomicBoolean();
    long sentAt = System.nanoTime();
    AtomicReference<ScheduledFuture<?>> deadline = new AtomicReference<>();
    Runnable release =
        () -> {
          if (held.getAndSet(false)) {
            spentNanos += System.nanoTime() - sentAt;
            Optional.ofNullable(deadline.get()).ifPresent(d -> d.cancel(false));
            context.scheduler().release();
          }
        };
    int thisTry = sends;
    Future<HttpTransport.Response> future;
    try {
      future =
          context
              .sender()
              .send(
                  new Sender.Outgoing(method, uri, headers, body, readTimeout),
                  consumers.apply(uri, () -> streaming.set(true)),
                  new FutureCallback<>() {
                    @Override
                    public void completed(HttpTransport.Response response) {
                      release.run();
                      // leave the I/O thread: callers' continuations (parsing, hashing) run
                      // elsewhere, at this request's priority, which the requests they start
                      // inherit
                      hand(() -> priority.run(() -> onResponse(uri, response)));
                    }

                    @Override
                    public void failed(Exception error) {
                      release.run();
                      hand(() -> priority.run(() -> onFailure(uri, error)));
                    }

                    @Override
                    public void cancelled() {
                      release.run();
                      fail(uri, "request cancelled", -1, null);
                    }
                  });
    } catch (RuntimeException e) {
      release.run();
      fail(uri, "request could not be sent: " + HttpFailures.describe(e), -1, e);
      return;
    }
    // the hard bound: a server that trickles bytes never trips the read timeout
    try {
      deadline.set(
          context
              .deadlines()
              .schedule(
                  () -> {
                    if (sends == thisTry && !streaming.get() && !finished.get()) {
                      fail(
                          uri,
                          "no answer within the "
                              + seconds(context.options().timeout())
                              + " timeout"
                              + triesSuffix(),
                          -1,
                          null);
                      future.cancel(true);
                      release.run();
                    }
                  },
                  left.toNanos(),
                  TimeUnit.NANOSECONDS));
    } catch (RejectedExecutionException e) {
      return; // the transport is closing
    }
    if (!held.get()) {
      deadline.get().cancel(false); // the try ended before its deadline was set
    }
  }

  private static Duration min(Duration a, Duration b) {
    Duration floor = Duration.ofMillis(1); // a zero timeout would mean none at all
    Duration shorter = a.compareTo(b) <= 0 ? a : b;
    return shorter.compareTo(floor) < 0 ? floor : shorter;
  }

  private static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private String triesSuffix() {
    return tries > 1 ? " (" + tries + " tries)" : "";
  }

  private HttpRequest request(URI uri) {
    return new BasicHttpRequest(method, uri);
  }

  private static HttpResponse message(HttpTransport.Response response) {
    BasicHttpResponse message = new BasicHttpResponse(response.status());
    response.headers().forEach((name, values) -> values.forEach(v -> message.addHeader(name, v)));
    return message;
  }

  private void onResponse(URI uri, HttpTransport.Response response) {
    lastStatus = response.status();
    HttpResponse message = message(response);
    Optional<URI> next;
    try {
      next = context.redirects().next(request(uri), message, redirects);
    } catch (RedirectPolicy.RefusedException e) {
      fail(uri, e.getMessage(), response.status(), null);
      return;
    }
    if (next.isPresent()) {
      LOG.debug(
          "{} redirected to {}",
          Redaction.redact(uri.toString()),
          Redaction.redact(next.get().toString()));
      String after = RedirectPolicy.methodAfter(method, response.status());
      if (!after.equals(method)) {
        method = after;
        body = Optional.empty();
      }
      redirects++;
      attempt(next.get());
      return;
    }
    if (context.retries().retryRequest(message, tries, null)) {
      retryLater(
          uri,
          "HTTP " + response.status(),
          context.retries().getRetryInterval(message, tries, null).toDuration(),
          response.status());
      return;
    }
    if (RetryPolicy.isRetriedStatus(response.status())) {
      fail(
          uri, "HTTP " + response.status() + " after " + tries + " tries", response.status(), null);
      return;
    }
    finish(response, null);
  }

  private void onFailure(URI uri, Exception error) {
    if (finished.get()) {
      return; // the deadline ended it
    }
    if (error instanceof BodyConsumers.BodyTooLargeException) {
      // kept as the cause: a range request answered with a whole, too large body falls back to a
      // download
      fail(uri, error.getMessage(), -1, error);
      return;
    }
    if (error instanceof BodyConsumers.LocalFileException) {
      fail(uri, error.getMessage(), -1, null);
      return;
    }
    String reason = HttpFailures.describe(error);
    IOException io = error instanceof IOException e ? e : null;
    if (io != null && context.retries().retryRequest(request(uri), io, tries, null)) {
      retryLater(
          uri,
          reason,
          context.retries().getRetryInterval(request(uri), io, tries, null).toDuration(),
          -1);
      return;
    }
    String suffix = HttpFailures.isRetryable(error) ? " after " + tries + " tries" : "";
    fail(uri, reason + suffix, -1, error instanceof IOException ? null : error);
  }

  private void retryLater(URI uri, String reason, Duration delay, int status) {
    if (delay.compareTo(remaining()) >= 0) {
      fail(
          uri,
          reason
              + " after "
              + tries
              + " tries, and the "
              + seconds(context.options().timeout())
              + " timeout leaves no time for another",
          status,
          null);
      return;
    }
    if (!context.budget().tryWithdraw()) {
      fail(uri, reason + " after " + tries + " tries (too many retries in this run)", status, null);
      return;
    }
    LOG.warn(
        "{}: {} from {}; retry {} of {} in {} ms",
        call.subject(),
        reason,
        Redaction.redact(uri.toString()),
        tries,
        context.retries().maxTries() - 1,
        delay.toMillis());
    spentNanos += delay.toNanos();
    tries++;
    context.options().sleeper().schedule(delay, () -> attempt(uri));
  }

  /**
   * Runs {@code work} on the response handlers; on the calling thread once the transport is closed,
   * so that whoever waits still hears the outcome.
   */
  private void hand(Runnable work) {
    try {
      context.responses().execute(work);
    } catch (RejectedExecutionException e) {
      work.run();
    }
  }

  private void fail(URI uri, String reason, int status, Throwable cause) {
    String shown =
        Origin.same(asked, uri) && uri.getRawPath().equals(asked.getRawPath())
            ? displayUrl
            : uri.toString();
    finish(null, new IndexException(call.subject(), shown, reason, status, cause));
  }
}
