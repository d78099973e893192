package io.pyhermetic.prefetch.internal;

import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.FileCache;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.internal.Digests;
import io.pyhermetic.prefetch.FileOutcome;
import io.pyhermetic.prefetch.PrefetchCode;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.text.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the selected files into {@code deps/pip}, in parallel: each one from the download cache
 * when its bytes are there, else from the index, checked against the index's sha256 and the pinned
 * hashes. Every failure becomes a file's outcome.
 */
public final class FileFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(FileFetcher.class);

  private final PackageIndex index;
  private final int concurrency;
  private final ProgressListener progress;

  /**
   * A fetcher downloading through {@code index}.
   *
   * @param index where the files come from
   * @param concurrency how many files are fetched at once, at most
   * @param progress told as each file is finished
   */
  public FileFetcher(PackageIndex index, int concurrency, ProgressListener progress) {
    this.index = Objects.requireNonNull(index, "index");
    this.concurrency = concurrency;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Fetches every task's file.
   *
   * @param tasks the files to fetch, by file name
   * @param cache the download cache, open
   * @param pipDir the directory the files are placed in
   * @return every file's outcome, by file name in the order of {@code tasks}
   */
  public Map<String, FileOutcome> fetchAll(
      Map<String, FileTask> tasks, FileCache cache, Path pipDir) {
    int total = tasks.size();
    AtomicInteger completed = new AtomicInteger();
    Map<String, CompletableFuture<FileOutcome>> started = new LinkedHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(concurrency, Math.max(1, total)),
            runnable -> {
              Thread t = new Thread(runnable, "pyhermetic-prefetch");
              t.setDaemon(true);
              return t;
            });
    try {
      for (FileTask task : tasks.values()) {
        started.put(
            task.file().filename(),
            CompletableFuture.supplyAsync(() -> fetch(task, cache, pipDir), pool)
                .whenComplete(
                    (outcome, error) -> {
                      if (outcome != null) {
                        progress.progressed(
                            completed.incrementAndGet(),
                            total,
                            outcome.status().label() + " " + outcome.filename());
                      }
                    }));
      }
      Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
      for (Map.Entry<String, CompletableFuture<FileOutcome>> e : started.entrySet()) {
        outcomes.put(e.getKey(), e.getValue().join());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fetches one file; every failure becomes an outcome. */
  private FileOutcome fetch(FileTask task, FileCache cache, Path pipDir) {
    ReleaseFile file = task.file();
    String url = Redaction.redact(file.url());
    if (task.conflict().isPresent()) {
      return failed(task, task.conflict().get());
    }
    if (!isPlainFileName(file.filename())) {
      return failed(
          task,
          Problem.error(
              PrefetchCode.INDEX,
              file.filename(),
              "the index gives an unsafe file name: " + file.filename()));
    }
    Path target = pipDir.resolve(file.filename());
    try {
      if (file.sha256().isPresent()) {
        Optional<Path> cached = cache.lookup(file.sha256().get());
        if (cached.isPresent() && pinsAllow(task, cached.get(), file.sha256().get())) {
          FileCache.place(cached.get(), target);
          return new FileOutcome(
              file.filename(),
              url,
              FileOutcome.Status.REUSED,
              OptionalLong.of(Files.size(target)),
              file.sha256(),
              task.pins(),
              Optional.empty());
        }
      }
      Path download = cache.newDownload();
      String sha256;
      try {
        sha256 = index.downloadAsync(file, download).get().toLowerCase(Locale.ROOT);
      } catch (ExecutionException e) {
        Files.deleteIfExists(download);
        return failed(
            task,
            Problem.error(PrefetchCode.INDEX, file.filename(), Failures.describe(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Files.deleteIfExists(download);
        return failed(task, Problem.error(PrefetchCode.INDEX, file.filename(), "interrupted"));
      }
      if (file.sha256().isPresent() && !file.sha256().get().equals(sha256)) {
        Files.deleteIfExists(download);
        return failed(
            task,
            Problem.error(
                PrefetchCode.HASH_MISMATCH,
                file.filename(),
                "sha256 " + sha256 + " differs from the index's digest " + file.sha256().get()));
      }
      if (!pinsAllow(task, download, sha256)) {
        Files.deleteIfExists(download);
        return failed(
            task,
            Problem.error(
                PrefetchCode.HASH_MISMATCH,
                file.filename(),
                "sha256 "
                    + sha256
                    + " matches none of the hashes pinned for "
                    + String.join(", ", task.pins())));
      }
      Path stored = cache.store(download, sha256);
      FileCache.place(stored, target);
      return new FileOutcome(
          file.filename(),
          url,
          FileOutcome.Status.DOWNLOADED,
          OptionalLong.of(Files.size(target)),
          Optional.of(sha256),
          task.pins(),
          Optional.empty());
    } catch (IOException | RuntimeException e) {
      LOG.debug("fetching {} failed", file.filename(), e);
      return failed(task, Problem.error(PrefetchCode.IO, file.filename(), Failures.describe(e)));
    }
  }

  /** Every requirement that pins hashes must allow the file (any one of its hashes matching). */
  private static boolean pinsAllow(FileTask task, Path file, String sha256) throws IOException {
    for (Map<String, List<String>> pinned : task.hashes()) {
      if (!pinned.isEmpty() && !Digests.matchesAny(file, sha256, pinned)) {
        return false;
      }
    }
    return true;
  }

  private static FileOutcome failed(FileTask task, Problem problem) {
    return new FileOutcome(
        task.file().filename(),
        Redaction.redact(task.file().url()),
        FileOutcome.Status.FAILED,
        OptionalLong.empty(),
        Optional.empty(),
        task.pins(),
        Optional.of(problem));
  }

  /** A name that stays inside {@code deps/pip}: no separators, not hidden, not a dot name. */
  private static boolean isPlainFileName(String name) {
    return !name.isEmpty()
        && !name.startsWith(".")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }
}
