package io.pyhermetic.bench;

import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.builddeps.OutputEntry;
import io.pyhermetic.index.FileCache;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.sdist.Downloader;
import io.pyhermetic.testdata.BuildGraphFixture;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the build dependencies of the corpus' x86_64 pins against a directory index whose build
 * graph follows the corpus' {@code requirements-build.txt}, served with injected latency: cold at
 * the default concurrency, cold one package and one request at a time, and from a warm response
 * cache. Prints a Markdown table of medians.
 *
 * <p>Arguments: {@code [latency-ms] [runs]} (default 50 and 3).
 */
public final class BuildDepsBenchmark {

  public static void main(String[] args) throws IOException {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 50;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path root = Files.createTempDirectory("pyhermetic-build-deps-bench");
    try {
      Path index = Files.createDirectory(root.resolve("index"));
      Path cache = Files.createDirectory(root.resolve("cache"));
      BuildGraphFixture fixture = BuildGraphFixture.garak(index);
      List<Entry> pins =
          new RequirementsFileParser().parse(fixture.requirements(), "requirements.txt").entries();
      try (FixtureServer server = FixtureServer.start(index, latency)) {
        IndexSettings defaults = IndexSettings.builder().noNetrc().build();
        IndexSettings warm =
            defaults.toBuilder().cache(cache).cacheMaxAge(Duration.ofHours(1)).build();
        BuildDepsOptions options =
            BuildDepsOptions.builder()
                .skipMissingSdist(true)
                .concurrency(
                    Integer.getInteger(
                        "bench.jobs", BuildDepsOptions.builder().build().concurrency()))
                .build();
        BuildDepsOptions serialOptions = options.toBuilder().concurrency(1).build();
        Run first = run(server, defaults, options, pins, root); // warms the JIT
        double[] cold = new double[runs];
        long coldHeap = 0;
        for (int i = 0; i < runs; i++) {
          Measure.resetPeaks();
          cold[i] = run(server, defaults, options, pins, root).seconds;
          coldHeap = Math.max(coldHeap, Measure.peakHeapMib());
        }
        double serial =
            run(server, defaults.toBuilder().maxConcurrency(1).build(), serialOptions, pins, root)
                .seconds;
        run(server, warm, options, pins, root); // fills the cache
        int before = server.requests();
        double[] cached = new double[runs];
        long warmHeap = 0;
        for (int i = 0; i < runs; i++) {
          Measure.resetPeaks();
          cached[i] = run(server, warm, options, pins, root).seconds;
          warmHeap = Math.max(warmHeap, Measure.peakHeapMib());
        }
        int warmRequests = server.requests() - before;
        double coldMedian = Measure.median(cold);
        double warmMedian = Measure.median(cached);
        System.out.printf(
            "%d pins (%d skipped without sdist) → %d build requirement pins; %d ms latency per"
                + " request, median of %d runs.%n%n",
            pins.size(),
            first.result.skipped().size(),
            first.result.entries().size(),
            latency,
            runs);
        System.out.println("| run | concurrency | seconds | peak heap MiB |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
            "| cold | %d packages, %d requests | %.3f | %d |%n",
            options.concurrency(), defaults.maxConcurrency(), coldMedian, coldHeap);
        System.out.printf("| cold, serial | 1 package, 1 request | %.3f | - |%n", serial);
        System.out.printf(
            "| warm cache (%d requests per run) | %d packages, %d requests | %.3f | %d |%n",
            warmRequests / runs,
            options.concurrency(),
            defaults.maxConcurrency(),
            warmMedian,
            warmHeap);
        System.out.printf(
            "%nCold at the default concurrency is %.1fx faster than serial; the warm cache %.1fx"
                + " faster than cold.%n%nPins written:%n%n```%n%s```%n",
            serial / coldMedian,
            coldMedian / warmMedian,
            String.join("\n", first.result.entries().stream().map(OutputEntry::toString).toList())
                + "\n");
      }
    } finally {
      Measure.deleteTree(root);
    }
  }

  private record Run(double seconds, BuildDepsResult result) {}

  private static Run run(
      FixtureServer server,
      IndexSettings transportOptions,
      BuildDepsOptions options,
      List<Entry> pins,
      Path root)
      throws IOException {
    Path work = Files.createTempDirectory(root, "work");
    try (SimpleIndex index = new SimpleIndex(server.simpleUrl(), transportOptions)) {
      // with a response cache, sdists come from the file cache beside it, as on the command line
      Optional<FileCache> files =
          transportOptions.cacheDirectory().map(dir -> new FileCache(dir.resolve("files")));
      if (files.isPresent()) {
        files.get().open();
      }
      Downloader downloader =
          files
              .<Downloader>map(c -> (file, target) -> c.download(index, file, target))
              .orElse(index::downloadAsync);
      long start = System.nanoTime();
      BuildDepsResult result =
          new BuildDepsResolver(index, downloader, options.toBuilder().workDirectory(work).build())
              .resolve(pins);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!result.isOk()) {
        throw new IllegalStateException("build-deps failed: " + result.errors());
      }
      return new Run(seconds, result);
    }
  }
}
