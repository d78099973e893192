package io.pyhermetic.bench;

import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.testdata.BuildGraphFixture;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Core metadata of the corpus' 213 x86_64 pins from a local simple index with injected latency (PEP
 * 691 project page, then the PEP 658 {@code .metadata} file: two round trips per release): cold at
 * the default concurrency, cold one request at a time, and from a warm on-disk response cache.
 * Prints a Markdown table of medians with peak heap.
 *
 * <p>Arguments: {@code [latency-ms] [runs]} (default 50 and 5).
 */
public final class MetadataFetchBenchmark {

  public static void main(String[] args) throws IOException {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 50;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path root = Files.createTempDirectory("pyhermetic-metadata-bench");
    try {
      Path directory = Files.createDirectory(root.resolve("index"));
      Path cache = Files.createDirectory(root.resolve("cache"));
      BuildGraphFixture fixture = BuildGraphFixture.garak(directory);
      List<Release> releases = new ArrayList<>();
      for (Entry entry :
          new RequirementsFileParser()
              .parse(fixture.requirements(), "requirements.txt")
              .entries()) {
        releases.add(new Release(entry.name().orElseThrow(), entry.pinnedVersion().orElseThrow()));
      }
      try (FixtureServer server = FixtureServer.start(directory, latency)) {
        IndexSettings defaults = IndexSettings.builder().noNetrc().build();
        IndexSettings serialSettings = defaults.toBuilder().maxConcurrency(1).build();
        IndexSettings warm =
            defaults.toBuilder().cache(cache).cacheMaxAge(Duration.ofHours(1)).build();
        fetch(server, defaults, releases); // warms the JIT
        double[] cold = new double[runs];
        long coldHeap = 0;
        for (int i = 0; i < runs; i++) {
          Measure.resetPeaks();
          cold[i] = fetch(server, defaults, releases);
          coldHeap = Math.max(coldHeap, Measure.peakHeapMib());
        }
        Measure.resetPeaks();
        int beforeSerial = server.requests();
        double serial = fetch(server, serialSettings, releases);
        long serialHeap = Measure.peakHeapMib();
        int coldRequests = server.requests() - beforeSerial;
        fetch(server, warm, releases); // fills the cache
        int before = server.requests();
        double[] cached = new double[runs];
        long warmHeap = 0;
        for (int i = 0; i < runs; i++) {
          Measure.resetPeaks();
          cached[i] = fetch(server, warm, releases);
          warmHeap = Math.max(warmHeap, Measure.peakHeapMib());
        }
        int warmRequests = (server.requests() - before) / runs;
        double coldMedian = Measure.median(cold);
        double warmMedian = Measure.median(cached);
        System.out.printf(
            "%d releases, %d requests cold (project page + PEP 658 metadata), %d ms latency per"
                + " request, median of %d runs.%n%n",
            releases.size(), coldRequests, latency, runs);
        System.out.println("| run | concurrency | seconds | peak heap MiB |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
            "| cold | %d | %.3f | %d |%n", defaults.maxConcurrency(), coldMedian, coldHeap);
        System.out.printf("| cold, serial | 1 | %.3f | %d |%n", serial, serialHeap);
        System.out.printf(
            "| warm cache (%d requests) | %d | %.3f | %d |%n",
            warmRequests, defaults.maxConcurrency(), warmMedian, warmHeap);
        System.out.printf(
            "%nCold at the default concurrency is %.1fx faster than serial; the warm cache %.1fx"
                + " faster than cold.%n",
            serial / coldMedian, coldMedian / warmMedian);
      }
    } finally {
      Measure.deleteTree(root);
    }
  }

  private static double fetch(
      FixtureServer server, IndexSettings settings, List<Release> releases) {
    try (SimpleIndex index = new SimpleIndex(server.simpleUrl(), settings)) {
      long start = System.nanoTime();
      ReleaseResults<?> results = index.metadataForAll(releases);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!results.isOk() || results.values().size() != releases.size()) {
        throw new IllegalStateException("failures: " + results.failures());
      }
      return seconds;
    }
  }
}
