package io.pyhermetic.sdist;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.text.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Downloads an sdist to a temporary file, checks its sha256, reads its build description files and
 * deletes the file again. Nothing of an sdist whose hash does not match is read.
 */
public final class SdistLoader {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SdistLoader.class);

  private final Downloader downloader;
  private final SdistReader reader;
  private final Path workDirectory;
  private final Executor executor;

  /**
   * @param downloader fetches the archive
   * @param reader reads it
   * @param workDirectory where the temporary archives go (created if needed)
   * @param executor runs the archive reading, off the download's completion thread
   */
  public SdistLoader(
      Downloader downloader, SdistReader reader, Path workDirectory, Executor executor) {
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Loads {@code sdist}, completing exceptionally with an {@link SdistException} when the download
   * fails, the hash does not match, or the archive cannot be read.
   *
   * @param sdist the sdist
   * @param pinnedSha256 the sha256 hashes the requirement pins ({@code --hash=sha256:…}), empty for
   *     none; when not empty the sdist's hash must be one of them
   * @return the contents, when read
   */
  public CompletableFuture<SdistContents> load(ReleaseFile sdist, Collection<String> pinnedSha256) {
    Set<String> pinned = new TreeSet<>();
    pinnedSha256.forEach(h -> pinned.add(h.toLowerCase(Locale.ROOT)));
    Path file;
    try {
      Files.createDirectories(workDirectory);
      file = Files.createTempFile(workDirectory, "sdist-", ".part");
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new SdistException(
              sdist.filename(),
              SdistException.Kind.DOWNLOAD_FAILED,
              "cannot create a temporary file in " + workDirectory + ": " + Failures.describe(e),
              e));
    }
    CompletableFuture<String> download;
    try {
      download = downloader.download(sdist, file);
    } catch (RuntimeException e) {
      download = CompletableFuture.failedFuture(e);
    }
    return download
        .handleAsync(
            (sha256, error) -> {
              try {
                if (error != null) {
                  throw downloadFailed(sdist, Futures.cause(error));
                }
                verify(sdist.filename(), sdist.url(), sha256, sdist.sha256(), pinned);
                return reader.read(file, sdist.filename());
              } finally {
                delete(file);
              }
            },
            executor)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(Futures.cause(e)));
  }

  /**
   * The failure of a download, naming the URL (redacted): an {@link IndexException} already names
   * it; any other failure of a {@link Downloader} is given the file's URL.
   */
  private static SdistException downloadFailed(ReleaseFile sdist, Throwable cause) {
    String reason;
    if (cause instanceof IndexException e) {
      reason = e.reason() + (e.url().isEmpty() ? "" : " (" + e.url() + ")");
    } else {
      reason = Failures.describe(cause) + " (" + Redaction.redact(sdist.url()) + ")";
    }
    return new SdistException(
        sdist.filename(), SdistException.Kind.DOWNLOAD_FAILED, "download failed: " + reason, cause);
  }

  /**
   * Checks the sha256 of downloaded bytes against the digest the index published and against the
   * hashes the requirement pins.
   *
   * @param filename the sdist's file name
   * @param actual the sha256 of the downloaded bytes
   * @param indexDigest the sha256 the index published, if any
   * @param pinned the hashes the requirement pins
   * @throws SdistException of kind {@link SdistException.Kind#INDEX_DIGEST_MISMATCH} when the bytes
   *     differ from the index's digest, else {@link SdistException.Kind#HASH_MISMATCH} when they
   *     are not among the pinned hashes
   */
  public static void verify(
      String filename, String actual, Optional<String> indexDigest, Collection<String> pinned) {
    verify(filename, "", actual, indexDigest, pinned);
  }

  private static void verify(
      String filename,
      String url,
      String actual,
      Optional<String> indexDigest,
      Collection<String> pinned) {
    String got = Objects.requireNonNull(actual, "actual").toLowerCase(Locale.ROOT);
    if (indexDigest.isPresent() && !indexDigest.get().equalsIgnoreCase(got)) {
      throw new SdistException(
          filename,
          SdistException.Kind.INDEX_DIGEST_MISMATCH,
          "sha256 "
              + got
              + " differs from the index's digest "
              + indexDigest.get()
              + (url.isEmpty() ? "" : " (" + Redaction.redact(url) + ")"));
    }
    if (!pinned.isEmpty() && pinned.stream().noneMatch(h -> h.equalsIgnoreCase(got))) {
      throw new SdistException(
          filename,
          SdistException.Kind.HASH_MISMATCH,
          "sha256 " + got + " is not among the hashes pinned in the requirements");
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the result does not depend on it; the file is in a temporary directory
      LOG.warn("cannot delete {}: {}", file, e.getMessage());
    }
  }
}
