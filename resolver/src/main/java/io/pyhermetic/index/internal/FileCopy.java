package io.pyhermetic.index.internal;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.IndexException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Copies a {@code file:} URL to a path, digesting the bytes on the way. */
public final class FileCopy {
  private FileCopy() {}

  /**
   * Whether {@code url} is a {@code file:} URL.
   *
   * @param url the URL
   * @return {@code true} for a {@code file:} URL
   */
  public static boolean isFileUrl(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith("file:");
  }

  /**
   * Copies the file at {@code url} to {@code destination} (created or replaced) and returns the
   * lower-case hex sha256 of the bytes written; on failure the partial file is deleted.
   *
   * @param subject what the copy is for, named in errors
   * @param url the {@code file:} URL
   * @param destination where to copy to
   * @return the sha256 of the bytes written
   */
  public static String copy(String subject, String url, Path destination) {
    Path source;
    try {
      source = Path.of(new URI(url));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new IndexException(subject, url, "invalid file URL", -1, e);
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha);
          OutputStream out =
              Files.newOutputStream(
                  destination,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)) {
        in.transferTo(out);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      deleteQuietly(destination);
      int status = e instanceof java.nio.file.NoSuchFileException ? 404 : -1;
      throw new IndexException(subject, url, "cannot copy: " + Failures.describe(e), status, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // the copy failed already; a leftover partial file is the lesser problem
    }
  }
}
