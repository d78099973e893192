package io.pyhermetic.index.internal;

import java.net.SocketAddress;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * The JVM's default TLS strategy, made when the first connection needs TLS rather than when the
 * client is built: making it loads the trust store and the TLS stack (a few hundred milliseconds of
 * a short run's start), which a run against a plain-HTTP index or mirror never needs.
 */
final class DeferredTlsStrategy implements TlsStrategy {
  private final Supplier<TlsStrategy> factory;
  private volatile TlsStrategy strategy;

  DeferredTlsStrategy() {
    this(DefaultClientTlsStrategy::createDefault);
  }

  DeferredTlsStrategy(Supplier<TlsStrategy> factory) {
    this.factory = factory;
  }

  /** Whether the strategy has been made (a connection needed TLS). */
  boolean isMade() {
    return strategy != null;
  }

  private TlsStrategy strategy() {
    TlsStrategy made = strategy;
    if (made == null) {
      synchronized (this) {
        made = strategy;
        if (made == null) {
          made = factory.get();
          strategy = made;
        }
      }
    }
    return made;
  }

  @Override
  @SuppressWarnings("deprecation") // the interface still declares it; the client may call it
  public boolean upgrade(
      TransportSecurityLayer session,
      HttpHost host,
      SocketAddress localAddress,
      SocketAddress remoteAddress,
      Object attachment,
      Timeout handshakeTimeout) {
    return strategy()
        .upgrade(session, host, localAddress, remoteAddress, attachment, handshakeTimeout);
  }

  @Override
  public void upgrade(
      TransportSecurityLayer session,
      NamedEndpoint endpoint,
      Object attachment,
      Timeout handshakeTimeout,
      FutureCallback<TransportSecurityLayer> callback) {
    strategy().upgrade(session, endpoint, attachment, handshakeTimeout, callback);
  }
}
