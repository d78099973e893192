package io.pyhermetic.index.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.RequestListener;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.index.RequestRecord;
import io.pyhermetic.text.Redaction;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache in front of the network: a fresh (or, offline, any) stored 200 answers without
 * a request, a stale one is revalidated by ETag, a new 200 is stored, and an offline miss fails.
 * Entries are keyed by the URL without credentials, the {@code Accept} header, a hash of the
 * credential the request would carry (so users sharing a cache never see each other's private
 * answers) and, for a {@code POST}, a hash of its body.
 */
final class CacheStage {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  private final ResponseCache responses;
  private final Credentials credentials;
  private final RequestListener listener;
  private final Clock clock;

  CacheStage(
      ResponseCache responses, Credentials credentials, RequestListener listener, Clock clock) {
    this.responses = responses;
    this.credentials = credentials;
    this.listener = listener;
    this.clock = clock;
  }

  boolean offline() {
    return responses.settings().offline();
  }

  /** {@code call} answered from the cache where it may be, else by {@code network}. */
  CompletableFuture<HttpTransport.Response> execute(
      HttpCall call, Function<HttpCall, CompletableFuture<HttpTransport.Response>> network) {
    URI parsed;
    try {
      parsed = HttpUrls.parse(call.url());
    } catch (IllegalArgumentException e) {
      return network.apply(call); // fails with a clear message
    }
    URI plain = HttpUrls.withoutUserInfo(parsed);
    Optional<String> authorization =
        parsed.getRawUserInfo() != null
            ? Optional.of(Credentials.basic(parsed.getRawUserInfo()))
            : credentials.authorization(plain);
    String key =
        ResponseCache.key(
            plain,
            call.headers().getOrDefault("Accept", ""),
            authorization,
            call.body().map(HttpCall.Body::bytes));
    Optional<ResponseCache.Entry> entry = responses.read(key);
    boolean offline = offline();
    Instant asked = clock.instant();
    if (entry.isPresent() && (offline || responses.isFresh(entry.get()))) {
      LOG.debug("{} answered from the cache", plain);
      record(call, asked, Optional.of(entry.get().response()));
      return CompletableFuture.completedFuture(entry.get().response());
    }
    if (offline) {
      record(call, asked, Optional.empty());
      return CompletableFuture.failedFuture(
          new IndexException(
              call.subject(),
              call.url(),
              "offline, and the cache under "
                  + responses.settings().directory()
                  + " has no response for this URL"));
    }
    Map<String, String> headers = new LinkedHashMap<>(call.headers());
    entry.flatMap(ResponseCache.Entry::etag).ifPresent(etag -> headers.put("If-None-Match", etag));
    HttpCall revalidating =
        new HttpCall(call.subject(), call.method(), call.url(), headers, call.body());
    return network
        .apply(revalidating)
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

  private void record(HttpCall call, Instant asked, Optional<HttpTransport.Response> answer) {
    listener.requestEnded(
        new RequestRecord(
            call.method(),
            Redaction.redact(call.url()),
            RequestPriority.current().level(),
            asked,
            asked,
            answer.map(r -> (long) r.body().length).orElse(0L),
            answer.map(r -> OptionalInt.of(r.status())).orElse(OptionalInt.empty()),
            0));
  }
}
