package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

class DeferredTlsStrategyTest {

  /** Records the endpoints it is asked to upgrade. */
  private static final class Recording implements TlsStrategy {
    final List<String> upgraded = new ArrayList<>();

    @Override
    @SuppressWarnings("deprecation")
    public boolean upgrade(
        TransportSecurityLayer session,
        HttpHost host,
        SocketAddress localAddress,
        SocketAddress remoteAddress,
        Object attachment,
        Timeout handshakeTimeout) {
      upgraded.add("host " + host.getHostName());
      return true;
    }

    @Override
    public void upgrade(
        TransportSecurityLayer session,
        NamedEndpoint endpoint,
        Object attachment,
        Timeout handshakeTimeout,
        FutureCallback<TransportSecurityLayer> callback) {
      upgraded.add("endpoint " + endpoint.getHostName());
    }
  }

  @Test
  void makesTheStrategyOnceAtTheFirstUpgradeAndDelegatesEveryUpgrade() {
    Recording recording = new Recording();
    AtomicInteger made = new AtomicInteger();
    DeferredTlsStrategy deferred =
        new DeferredTlsStrategy(
            () -> {
              made.incrementAndGet();
              return recording;
            });
    assertThat(deferred.isMade()).isFalse();
    assertThat(made).hasValue(0);

    deferred.upgrade(null, new HttpHost("https", "a.example", 443), null, null, null);
    deferred.upgrade(
        null, new HttpHost("https", "b.example", 443), null, Timeout.ofSeconds(1), null);
    assertThat(
            deferred.upgrade(
                null,
                new HttpHost("https", "c.example", 443),
                null,
                null,
                null,
                Timeout.ofSeconds(1)))
        .isTrue();

    assertThat(deferred.isMade()).isTrue();
    assertThat(made).hasValue(1);
    assertThat(recording.upgraded)
        .containsExactly("endpoint a.example", "endpoint b.example", "host c.example");
  }

  @Test
  void aPlainHttpRequestNeverMakesIt() throws Exception {
    AtomicInteger made = new AtomicInteger();
    DeferredTlsStrategy deferred =
        new DeferredTlsStrategy(
            () -> {
              made.incrementAndGet();
              return new Recording();
            });
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try (HttpTransport transport = new HttpTransport(TransportOptions.defaults(), deferred)) {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/a";
      assertThat(transport.getSync("a", url, Map.of()).status()).isEqualTo(200);
    } finally {
      server.stop(0);
    }
    assertThat(deferred.isMade()).isFalse();
    assertThat(made).hasValue(0);
  }
}
