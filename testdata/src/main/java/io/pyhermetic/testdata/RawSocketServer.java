package io.pyhermetic.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server that misbehaves below HTTP, where WireMock cannot: it never answers, or
 * sends part of a response and then resets or closes the connection. Each accepted connection's
 * request head is read, then the {@link Behaviour} runs; connections are counted.
 */
public final class RawSocketServer implements AutoCloseable {

  /** What the server does with one connection once the request head has arrived. */
  @FunctionalInterface
  public interface Behaviour {
    void serve(Socket socket) throws IOException;
  }

  /** Accepts the request and never answers (until the server is closed). */
  public static final Behaviour NEVER_ANSWERS = socket -> {};

  /** Promises {@code declared} body bytes, sends {@code sent} of {@code body}, then resets. */
  public static Behaviour resetMidBody(String contentType, byte[] body, int sent) {
    return socket -> {
      writeHead(socket.getOutputStream(), contentType, body.length);
      socket.getOutputStream().write(body, 0, sent);
      socket.getOutputStream().flush();
      socket.setSoLinger(true, 0); // close with a TCP reset
      socket.close();
    };
  }

  /** Promises the whole body, sends only the first {@code sent} bytes, then closes cleanly. */
  public static Behaviour truncated(String contentType, byte[] body, int sent) {
    return socket -> {
      writeHead(socket.getOutputStream(), contentType, body.length);
      socket.getOutputStream().write(body, 0, sent);
      socket.getOutputStream().flush();
      socket.close();
    };
  }

  private static void writeHead(OutputStream out, String contentType, int length)
      throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: "
                + contentType
                + "\r\nContent-Length: "
                + length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(daemon());
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  private RawSocketServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(
        () -> {
          while (!server.isClosed()) {
            Socket socket;
            try {
              socket = server.accept();
            } catch (IOException e) {
              return; // closed
            }
            connections.incrementAndGet();
            open.add(socket);
            pool.execute(() -> serve(socket, behaviour));
          }
        });
  }

  /** Starts a server that treats every connection with {@code behaviour}. */
  public static RawSocketServer start(Behaviour behaviour) {
    try {
      return new RawSocketServer(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void serve(Socket socket, Behaviour behaviour) {
    try {
      readHead(socket.getInputStream());
      behaviour.serve(socket);
    } catch (IOException e) {
      // the client went away: nothing to do
    }
  }

  /** Reads up to the empty line that ends a request head. */
  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int c = in.read(); c != -1; c = in.read()) {
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    pool.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "raw-socket-server");
      thread.setDaemon(true);
      return thread;
    };
  }
}
