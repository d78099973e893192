package io.pyhermetic.index;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.internal.Digests;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Verified distribution files kept between runs, keyed by their sha256 ({@code sha256/ab/abcd…}),
 * and a {@code tmp} directory for downloads in progress. Entries are only ever added by an atomic
 * rename of a verified file, and checked again before use, so a killed run or a damaged entry costs
 * a download, never a wrong file.
 */
public final class FileCache {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Duration STALE = Duration.ofDays(1);

  private final Path root;

  /**
   * A cache under {@code root}; {@link #open()} prepares it.
   *
   * @param root the cache's directory
   */
  public FileCache(Path root) {
    this.root = root;
  }

  /**
   * Creates the directories and removes downloads left by runs that were killed long ago.
   *
   * @throws java.io.IOException when the directories cannot be created
   */
  public void open() throws IOException {
    Files.createDirectories(root.resolve("sha256"));
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*.part")) {
      for (Path part : parts) {
        try {
          if (Files.getLastModifiedTime(part).compareTo(cutoff) < 0) {
            Files.deleteIfExists(part);
          }
        } catch (IOException e) {
          // another run may be removing it too; it is only garbage
        }
      }
    }
  }

  /**
   * The entry for {@code sha256}, when present and its bytes still have that hash.
   *
   * @param sha256 the lower-case hex sha256
   * @return the entry's path, or empty when absent or corrupt
   * @throws java.io.IOException when the entry cannot be read
   */
  public Optional<Path> lookup(String sha256) throws IOException {
    String key = sha256.toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(key).matches()) {
      return Optional.empty();
    }
    Path entry = entry(key);
    if (!Files.isRegularFile(entry)) {
      return Optional.empty();
    }
    if (Digests.sha256(entry).equals(key)) {
      return Optional.of(entry);
    }
    Files.deleteIfExists(entry);
    return Optional.empty();
  }

  /**
   * A new empty file to download into.
   *
   * @return the file's path
   * @throws java.io.IOException when it cannot be created
   */
  public Path newDownload() throws IOException {
    return Files.createTempFile(root.resolve("tmp"), "download-", ".part");
  }

  /**
   * Moves a verified download into the cache as the entry of its sha256.
   *
   * @param download the downloaded file, its hash checked
   * @param sha256 its lower-case hex sha256
   * @return the entry's path
   * @throws java.io.IOException when it cannot be moved
   */
  public Path store(Path download, String sha256) throws IOException {
    Path entry = entry(sha256.toLowerCase(Locale.ROOT));
    Files.createDirectories(entry.getParent());
    try {
      Files.move(download, entry, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(download, entry, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      // an identical file (same sha256) was stored concurrently
      Files.deleteIfExists(download);
    }
    return entry;
  }

  /**
   * Puts a cache entry at {@code target}: a hard link when the file system allows, else a copy (the
   * output must not depend on the cache staying where it is only when linking fails).
   *
   * @param entry the cache entry
   * @param target where to put it
   * @throws java.io.IOException when neither a link nor a copy can be made
   */
  public static void place(Path entry, Path target) throws IOException {
    try {
      Files.createLink(target, entry);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Path entry(String key) {
    return root.resolve("sha256").resolve(key.substring(0, 2)).resolve(key);
  }

  /**
   * Downloads {@code file} into {@code destination} through the cache: a file whose index digest is
   * cached is placed without a request; anything else is downloaded into the cache's {@code tmp}
   * and, when its bytes have the index digest, kept for later runs and placed (linked where the
   * file system allows), otherwise moved to {@code destination}. Completes with the sha256 of the
   * bytes placed, as {@link PackageIndex#downloadAsync} does.
   *
   * @param index the index to download from
   * @param file the file
   * @param destination where to put it
   * @return the lower-case hex sha256 of the bytes
   */
  public CompletableFuture<String> download(
      PackageIndex index, ReleaseFile file, Path destination) {
    Optional<String> digest = file.sha256().map(d -> d.toLowerCase(Locale.ROOT));
    Path part;
    try {
      if (digest.isPresent()) {
        Optional<Path> hit = lookup(digest.get());
        if (hit.isPresent()) {
          Files.deleteIfExists(destination);
          place(hit.get(), destination);
          return CompletableFuture.completedFuture(digest.get());
        }
      }
      part = newDownload();
    } catch (IOException e) {
      // an unusable cache costs a download, nothing more
      return index.downloadAsync(file, destination);
    }
    return index
        .downloadAsync(file, part)
        .thenApply(
            sha256 -> {
              try {
                Files.deleteIfExists(destination);
                if (digest.isPresent() && digest.get().equals(sha256)) {
                  place(store(part, sha256), destination);
                } else {
                  Files.move(part, destination, StandardCopyOption.REPLACE_EXISTING);
                }
              } catch (IOException e) {
                throw new IndexException(
                    file.filename(),
                    file.url(),
                    "cannot write " + destination + ": " + Failures.describe(e),
                    -1,
                    e);
              }
              return sha256;
            })
        .whenComplete(
            (sha256, error) -> {
              try {
                Files.deleteIfExists(part);
              } catch (IOException e) {
                // left in tmp, removed by a later open()
              }
            });
  }
}
