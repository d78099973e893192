package io.pyhermetic.bench;

import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits the corpus' two per-architecture files (213 distinct pins) for x86_64 and aarch64 against
 * a local simple index with injected latency: cold at the default concurrency, cold one request at
 * a time, and from a warm response cache. Prints a Markdown table of medians.
 *
 * <p>Arguments: {@code [latency-ms] [runs]} (default 50 and 5).
 */
public final class AuditBenchmark {

  public static void main(String[] args) throws IOException {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 50;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    RequirementsFileParser parser = new RequirementsFileParser();
    Map<String, List<Entry>> byTarget = new LinkedHashMap<>();
    byTarget.put(
        "x86_64",
        parser
            .parse(CorpusIndex.read("requirements-x86_64.txt"), "requirements-x86_64.txt")
            .allEntries());
    byTarget.put(
        "aarch64",
        parser
            .parse(CorpusIndex.read("requirements-aarch64.txt"), "requirements-aarch64.txt")
            .allEntries());
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put("x86_64", Target.linux("x86_64", "3.12"));
    targets.put("aarch64", Target.linux("aarch64", "3.12"));
    CorpusIndex corpus = CorpusIndex.garak();
    Path cache = Files.createTempDirectory("pyhermetic-audit-bench");
    try (FixtureServer server = FixtureServer.start(corpus, latency)) {
      IndexSettings defaults = IndexSettings.builder().noNetrc().build();
      IndexSettings warm =
          defaults.toBuilder().cache(cache).cacheMaxAge(Duration.ofHours(1)).build();
      audit(server, defaults, targets, byTarget); // warms the JIT
      double[] cold = new double[runs];
      long coldHeap = 0;
      for (int i = 0; i < runs; i++) {
        Measure.resetPeaks();
        cold[i] = audit(server, defaults, targets, byTarget);
        coldHeap = Math.max(coldHeap, Measure.peakHeapMib());
      }
      double serial =
          audit(server, defaults.toBuilder().maxConcurrency(1).build(), targets, byTarget);
      audit(server, warm, targets, byTarget); // fills the cache
      int before = server.requests();
      double[] cached = new double[runs];
      long warmHeap = 0;
      for (int i = 0; i < runs; i++) {
        Measure.resetPeaks();
        cached[i] = audit(server, warm, targets, byTarget);
        warmHeap = Math.max(warmHeap, Measure.peakHeapMib());
      }
      int warmRequests = server.requests() - before;
      double coldMedian = Measure.median(cold);
      double warmMedian = Measure.median(cached);
      System.out.printf(
          "%d distinct pins, 2 targets, %d ms latency per request, median of %d runs.%n%n",
          corpus.releaseCount(), latency, runs);
      System.out.println("| run | concurrency | seconds | peak heap MiB |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          "| cold | %d | %.3f | %d |%n", defaults.maxConcurrency(), coldMedian, coldHeap);
      System.out.printf("| cold, serial | 1 | %.3f | - |%n", serial);
      System.out.printf(
          "| warm cache (%d requests) | %d | %.3f | %d |%n",
          warmRequests, defaults.maxConcurrency(), warmMedian, warmHeap);
      System.out.printf(
          "%nCold at the default concurrency is %.1fx faster than serial; the warm cache %.1fx"
              + " faster than cold.%n",
          serial / coldMedian, coldMedian / warmMedian);
    } finally {
      Measure.deleteTree(cache);
    }
  }

  private static double audit(
      FixtureServer server,
      IndexSettings options,
      Map<String, Target> targets,
      Map<String, List<Entry>> byTarget) {
    try (SimpleIndex index = new SimpleIndex(server.simpleUrl(), options)) {
      long start = System.nanoTime();
      AuditReport report =
          new Auditor(index, targets, Auditor::hermetoConfigFilter).audit(byTarget);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!report.isOk()) {
        List<String> bad = new ArrayList<>();
        report.packages().stream().filter(p -> !p.isOk()).forEach(p -> bad.add(p.name()));
        throw new IllegalStateException("the corpus audit found problems: " + bad);
      }
      return seconds;
    }
  }
}
