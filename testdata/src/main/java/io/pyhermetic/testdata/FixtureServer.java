package io.pyhermetic.testdata;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves PEP 691 simple-index pages on loopback ({@code <url>/simple/<name>/}) and, for a directory
 * index, the files themselves ({@code <url>/files/<filename>}, with PEP 658 {@code .metadata}
 * sidecars); each response delayed by a fixed latency, requests counted.
 */
public final class FixtureServer implements AutoCloseable {

  /** The JSON project page of a project, or null when the index does not know it. */
  @FunctionalInterface
  public interface Pages {
    String page(String project, String fileBaseUrl);
  }

  private static final String MEDIA_TYPE = "application/vnd.pypi.simple.v1+json";

  private final HttpServer server;
  private final ExecutorService pool;
  private final AtomicInteger requests = new AtomicInteger();

  private FixtureServer(Pages pages, Path files, long latencyMillis) throws IOException {
    // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
    System.setProperty("sun.net.httpserver.nodelay", "true");
    pool = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(pool);
    server.createContext(
        "/simple/",
        exchange -> {
          requests.incrementAndGet();
          try {
            if (latencyMillis > 0) {
              Thread.sleep(latencyMillis);
            }
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String page = parts.length > 2 ? pages.page(parts[2], url() + "/files/") : null;
            byte[] body =
                (page == null ? "{\"message\": \"Not Found\"}" : page)
                    .getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .add("Content-Type", page == null ? "application/json" : MEDIA_TYPE);
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    if (files != null) {
      server.createContext(
          "/files/",
          exchange -> {
            requests.incrementAndGet();
            try {
              if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
              }
              String name = exchange.getRequestURI().getPath().substring("/files/".length());
              Path file = files.resolve(name).normalize();
              boolean found =
                  !name.contains("/") && file.startsWith(files) && Files.isRegularFile(file);
              byte[] body = found ? Files.readAllBytes(file) : new byte[0];
              exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              exchange.close();
            }
          });
    }
    server.start();
  }

  /** Starts serving {@code index} with {@code latencyMillis} before each response. */
  public static FixtureServer start(CorpusIndex index, long latencyMillis) {
    return start(index::projectPage, null, latencyMillis);
  }

  /**
   * Starts serving the distribution files of {@code directory} (with any {@code .metadata}
   * sidecars) as a simple index.
   */
  public static FixtureServer start(Path directory, long latencyMillis) {
    DirectoryPages pages = new DirectoryPages(directory);
    return start(pages::page, directory.toAbsolutePath().normalize(), latencyMillis);
  }

  private static FixtureServer start(Pages pages, Path files, long latencyMillis) {
    try {
      return new FixtureServer(pages, files, latencyMillis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's root, such as {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The simple index URL: {@code url() + "/simple/"}. */
  public String simpleUrl() {
    return url() + "/simple/";
  }

  /** Requests answered so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
