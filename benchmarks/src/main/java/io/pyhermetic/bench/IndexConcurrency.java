package io.pyhermetic.bench;

import com.sun.net.httpserver.HttpServer;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseResults;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Release metadata for 200 packages from a local server that answers each request after 50 ms: the
 * default concurrency against one request at a time, in the same run. Prints a markdown table.
 */
public final class IndexConcurrency {
  private static final int PACKAGES = 200;
  private static final int LATENCY_MS = 50;

  private IndexConcurrency() {}

  public static void main(String[] args) throws IOException {
    // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ExecutorService pool = Executors.newCachedThreadPool();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(pool);
    server.createContext(
        "/pypi/",
        exchange -> {
          try {
            Thread.sleep(LATENCY_MS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String[] parts = exchange.getRequestURI().getPath().split("/");
          String body =
              "{\"info\": {\"name\": \""
                  + parts[2]
                  + "\", \"version\": \""
                  + parts[3]
                  + "\", \"requires_dist\": [\"six>=1.0\"], \"requires_python\": \">=3.8\", \"yanked\": false},"
                  + " \"urls\": [], \"last_serial\": 1}\n";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/pypi";
    List<Release> releases = new ArrayList<>();
    for (int i = 0; i < PACKAGES; i++) {
      releases.add(Release.of("package-" + i, "1." + i));
    }
    try {
      double concurrent = fetch(base, IndexSettings.defaults(), releases); // warms the JIT too
      concurrent = fetch(base, IndexSettings.defaults(), releases);
      double serial = fetch(base, IndexSettings.builder().maxConcurrency(1).build(), releases);
      int defaultConcurrency = IndexSettings.defaults().maxConcurrency();
      System.out.printf(
          "| client | concurrency | seconds for %d releases (%d ms latency each) |%n|---|---|---|%n",
          PACKAGES, LATENCY_MS);
      System.out.printf("| default | %d | %.2f |%n", defaultConcurrency, concurrent);
      System.out.printf("| serial | 1 | %.2f |%n", serial);
      System.out.printf(
          "%nDefault concurrency is %.1fx faster than a serial client.%n", serial / concurrent);
    } finally {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  private static double fetch(String base, IndexSettings settings, List<Release> releases) {
    try (PypiJsonIndex index = new PypiJsonIndex(base, settings)) {
      long start = System.nanoTime();
      ReleaseResults<?> results = index.metadataForAll(releases);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!results.isOk()) {
        throw new IllegalStateException("failures: " + results.failures().keySet());
      }
      return seconds;
    }
  }
}
