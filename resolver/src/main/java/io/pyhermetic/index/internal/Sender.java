package io.pyhermetic.index.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one HTTP request and hands its response to a consumer: the only class that knows the HTTP
 * client. It follows no redirect and retries nothing (the exchange decides), keeps no cookies,
 * pools connections and negotiates HTTP/2 over TLS.
 */
final class Sender implements AutoCloseable {
  private final CloseableHttpAsyncClient client;

  /** A request on the wire: what to send where, and how long to wait for data. */
  record Outgoing(
      String method,
      URI uri,
      Map<String, String> headers,
      Optional<HttpCall.Body> body,
      Duration responseTimeout) {}

  /**
   * @param tls instead of the JVM's default trust and hostname checks (tests only), or null
   */
  Sender(
      int connections,
      Duration connectTimeout,
      Duration responseTimeout,
      String userAgent,
      TlsStrategy tls) {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(responseTimeout))
            .build();
    this.client =
        HttpAsyncClients.custom()
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setTlsStrategy(tls != null ? tls : new DeferredTlsStrategy())
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .setDefaultConnectionConfig(connection)
                    .setDefaultTlsConfig(
                        TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(responseTimeout))
                    .setRedirectsEnabled(false)
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .setUserAgent(userAgent)
            .build();
    client.start();
  }

  /** Sends {@code request}; the returned future cancels it. */
  <T> Future<T> send(
      Outgoing request, AsyncResponseConsumer<T> consumer, FutureCallback<T> callback) {
    SimpleRequestBuilder builder =
        SimpleRequestBuilder.create(request.method()).setUri(request.uri());
    request.headers().forEach(builder::addHeader);
    request.body().ifPresent(b -> builder.setBody(b.bytes(), ContentType.parse(b.contentType())));
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(
        RequestConfig.custom()
            .setResponseTimeout(Timeout.of(request.responseTimeout()))
            .setRedirectsEnabled(false)
            .build());
    return client.execute(
        SimpleRequestProducer.create(builder.build()), consumer, null, context, callback);
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
