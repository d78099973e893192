package io.pyhermetic.sdist;

import io.pyhermetic.index.ReleaseFile;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Streams a distribution file to a local path, completing with the lower-case hex sha256 of the
 * bytes written. {@code PackageIndex::downloadAsync} is one.
 */
@FunctionalInterface
public interface Downloader {
  /**
   * Downloads {@code file} to {@code destination}.
   *
   * @param file the file
   * @param destination where to write it
   * @return the lower-case hex sha256 of the bytes written, when done
   */
  CompletableFuture<String> download(ReleaseFile file, Path destination);
}
