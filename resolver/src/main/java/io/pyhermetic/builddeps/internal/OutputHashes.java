package io.pyhermetic.builddeps.internal;

import io.pyhermetic.builddeps.OutputEntry;
import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.sdist.Downloader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lines of {@code requirements-build.txt}: every file's sha256 for every release to write; the
 * files the index gives no digest for are downloaded and hashed.
 */
public final class OutputHashes {
  private OutputHashes() {}

  /**
   * One output entry per release, with the hashes of all its files.
   *
   * @param index where the file lists come from
   * @param downloader fetches the files the index gives no digest for
   * @param via each release to write with the packages whose build environments hold it
   * @param work a directory for the downloads that are hashed
   * @param errors where a problem is added for every release or file that failed
   * @return the entries of the releases that did not fail, in the order of {@code via}
   */
  public static List<OutputEntry> entries(
      CachingIndex index,
      Downloader downloader,
      Map<Release, SortedSet<String>> via,
      Path work,
      List<Problem> errors) {
    ReleaseResults<List<ReleaseFile>> files = index.filesForAll(via.keySet());
    List<OutputEntry> out = new ArrayList<>();
    for (Map.Entry<Release, SortedSet<String>> e : via.entrySet()) {
      Release r = e.getKey();
      Optional<IndexException> failure = files.failure(r);
      if (failure.isPresent()) {
        errors.add(
            Problem.error(
                PackageInspector.kindOf(failure.get()), r.toString(), failure.get().getMessage()));
        continue;
      }
      SortedSet<String> hashes = new TreeSet<>();
      for (ReleaseFile f : files.value(r).orElse(List.of())) {
        if (f.sha256().isPresent()) {
          hashes.add("sha256:" + f.sha256().get());
          continue;
        }
        try {
          Path temp = Files.createTempFile(work, "hash-", ".part");
          try {
            hashes.add("sha256:" + Futures.join(downloader.download(f, temp)));
          } finally {
            Files.deleteIfExists(temp);
          }
        } catch (IOException | RuntimeException ex) {
          errors.add(
              Problem.error(
                  PackageInspector.kindOf(Futures.cause(ex)),
                  r.toString(),
                  f.filename()
                      + ": no digest on the index and hashing it failed: "
                      + Failures.describe(ex)));
        }
      }
      out.add(new OutputEntry(r.name(), r.version(), hashes, e.getValue()));
    }
    return out;
  }
}
