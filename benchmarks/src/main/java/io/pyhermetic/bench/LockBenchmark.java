package io.pyhermetic.bench;

import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.RequestTimeline;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.lock.LockInput;
import io.pyhermetic.lock.LockRequest;
import io.pyhermetic.lock.LockResult;
import io.pyhermetic.lock.Locker;
import io.pyhermetic.lock.TargetLock;
import io.pyhermetic.platform.Target;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.testdata.FixtureServer;
import io.pyhermetic.testdata.GarakGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locks the garak corpus' pyproject.toml (extra {@code remote}) for x86_64 and aarch64 against a
 * local simple index with injected latency: every pinned release of the corpus as a wheel with a
 * PEP 658 metadata file whose Requires-Dist follows the corpus' {@code # via} graph (x86_64-only
 * edges behind a {@code platform_machine} marker). Cold (no response cache) and warm (every
 * response from the on-disk cache), against the bound of graph depth × round trip. Prints Markdown.
 *
 * <p>Arguments: {@code [latency-ms] [runs]} (default 50 and 3).
 */
public final class LockBenchmark {
  private static final List<String> ARCHES = GarakGraph.ARCHES;

  public static void main(String[] args) throws IOException {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 50;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path root = Files.createTempDirectory("pyhermetic-lock-bench");
    try {
      Path index = Files.createDirectory(root.resolve("index"));
      Path cache = root.resolve("cache");
      int depth = writeIndex(index);
      Path pyproject = root.resolve("pyproject.toml");
      Files.writeString(pyproject, CorpusIndex.read("pyproject.toml"), StandardCharsets.UTF_8);
      LockRequest.Builder builder =
          LockRequest.builder().input(LockInput.read(pyproject)).extra("remote");
      ARCHES.forEach(a -> builder.target(Target.linux(a, "3.12")));
      LockRequest request = builder.build();
      try (FixtureServer server = FixtureServer.start(index, latency)) {
        int concurrency =
            Integer.getInteger(
                "bench.concurrency", IndexSettings.builder().build().maxConcurrency());
        IndexSettings cold =
            IndexSettings.builder().noNetrc().noCache().maxConcurrency(concurrency).build();
        IndexSettings warm =
            IndexSettings.builder()
                .noNetrc()
                .maxConcurrency(concurrency)
                .cache(cache)
                .cacheMaxAge(Duration.ofHours(1))
                .build();
        LockResult first = lock(server, cold, request).result; // warms the JIT
        double[] colds = new double[runs];
        int coldRequests = 0;
        RequestTimeline timeline = new RequestTimeline();
        for (int i = 0; i < runs; i++) {
          int before = server.requests();
          IndexSettings settings =
              i == runs - 1 ? cold.toBuilder().requestListener(timeline).build() : cold;
          colds[i] = lock(server, settings, request).seconds;
          coldRequests = server.requests() - before;
        }
        lock(server, warm, request); // fills the cache
        double[] warms = new double[runs];
        int warmRequests = 0;
        for (int i = 0; i < runs; i++) {
          int before = server.requests();
          warms[i] = lock(server, warm, request).seconds;
          warmRequests = server.requests() - before;
        }
        double coldMedian = Measure.median(colds);
        double bound = depth * latency / 1000.0;
        System.out.printf(
            "garak pyproject.toml with extra remote, 2 targets; %d ms per request, %d in flight;"
                + " graph depth %d (bound depth × RTT = %.2f s); median of %d runs.%n%n",
            latency, concurrency, depth, bound, runs);
        System.out.println("| target | packages |");
        System.out.println("|---|---|");
        for (TargetLock lock : first.targets()) {
          System.out.printf("| %s | %d |%n", lock.arch(), lock.packages().size());
        }
        System.out.println();
        System.out.println(
            "| run | requests | seconds | × depth·RTT | critical path (round trips) |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(
            "| cold | %d | %.3f | %.1f | %d |%n",
            coldRequests, coldMedian, coldMedian / bound, timeline.criticalPath());
        System.out.printf(
            "| warm (response cache) | %d | %.3f | - | 0 |%n", warmRequests, Measure.median(warms));
        String timelineFile = System.getProperty("bench.timeline");
        if (timelineFile != null) {
          Files.writeString(Path.of(timelineFile), timeline.render(), StandardCharsets.UTF_8);
        }
      }
    } finally {
      Measure.deleteTree(root);
    }
  }

  private record Run(double seconds, LockResult result) {}

  private static Run lock(FixtureServer server, IndexSettings settings, LockRequest request) {
    try (SimpleIndex index = new SimpleIndex(server.simpleUrl(), settings)) {
      long start = System.nanoTime();
      LockResult result = new Locker(index).lock(request);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!result.isOk()) {
        throw new IllegalStateException("lock failed: " + result);
      }
      return new Run(seconds, result);
    }
  }

  /**
   * Writes a wheel and its metadata file per corpus release; returns the depth of the graph (the
   * longest shortest chain of requirements from the project, in levels).
   */
  private static int writeIndex(Path index) throws IOException {
    GarakGraph graph = GarakGraph.read();
    Map<String, String> versions = graph.versions();
    Map<String, List<String>> requires = graph.requiresDist();
    List<String> top = graph.roots();
    for (Map.Entry<String, String> release : versions.entrySet()) {
      String name = release.getKey();
      boolean x86Only = graph.x86Only(name);
      String tag = x86Only ? "py3-none-manylinux_2_17_x86_64" : "py3-none-any";
      String wheel = name.replace('-', '_') + "-" + release.getValue() + "-" + tag + ".whl";
      StringBuilder metadata =
          new StringBuilder("Metadata-Version: 2.1\nName: ")
              .append(name)
              .append("\nVersion: ")
              .append(release.getValue())
              .append("\nRequires-Python: >=3.9\n");
      for (String r : requires.getOrDefault(name, List.of())) {
        metadata.append("Requires-Dist: ").append(r).append('\n');
      }
      Files.writeString(index.resolve(wheel), "wheel of " + name, StandardCharsets.UTF_8);
      Files.writeString(index.resolve(wheel + ".metadata"), metadata, StandardCharsets.UTF_8);
    }
    // breadth-first levels from the project's own requirements
    Map<String, Integer> level = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String t : top) {
      level.put(t, 1);
      todo.add(t);
    }
    while (!todo.isEmpty()) {
      String name = todo.pop();
      for (String r : requires.getOrDefault(name, List.of())) {
        String child = r.split(" ")[0];
        if (!level.containsKey(child)) {
          level.put(child, level.get(name) + 1);
          todo.add(child);
        }
      }
    }
    return level.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
