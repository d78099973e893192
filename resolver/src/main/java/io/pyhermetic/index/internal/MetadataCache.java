package io.pyhermetic.index.internal;

import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.index.ReleaseFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core metadata read from inside distribution files (a wheel's {@code METADATA}, an sdist's {@code
 * PKG-INFO}), kept on disk between runs so that a warm run reads no archive. An entry is keyed by
 * the file's sha256 when the index lists one ({@code sha256/ab/abcd….metadata}), else by a hash of
 * its URL without credentials and of the credential in use, as the response cache keys its entries
 * ({@code url/ab/….metadata}); it is written atomically. Failures to read or write an entry cost a
 * read of the archive, nothing more.
 */
public final class MetadataCache {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;
  private final Credentials credentials;

  /**
   * The cache under {@code root}.
   *
   * @param root the cache's directory
   * @param credentials where the credential for a URL without user-info comes from, for the key
   */
  public MetadataCache(Path root, Credentials credentials) {
    this.root = root;
    this.credentials = credentials;
  }

  /**
   * The metadata text kept for {@code file}, when there is an entry.
   *
   * @param file the file the metadata was read from
   * @param url where the file is fetched from (with the index's credentials, if any)
   * @return the kept text, or empty
   */
  public Optional<String> read(ReleaseFile file, String url) {
    Optional<Path> entry = entry(file, url);
    if (entry.isEmpty() || !Files.isRegularFile(entry.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(entry.get(), StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("ignoring unreadable metadata cache entry {}: {}", entry.get(), e.toString());
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code text} as the metadata of {@code file}, fetched from {@code url}.
   *
   * @param file the file the metadata was read from
   * @param url where the file is fetched from
   * @param text the metadata text
   */
  public void write(ReleaseFile file, String url, String text) {
    Optional<Path> entry = entry(file, url);
    if (entry.isEmpty()) {
      return;
    }
    try {
      AtomicFiles.replace(entry.get(), text.getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      LOG.warn("could not write metadata cache entry {}: {}", entry.get(), e.toString());
    }
  }

  private Optional<Path> entry(ReleaseFile file, String url) {
    Optional<String> sha256 =
        file.sha256().map(d -> d.toLowerCase(Locale.ROOT)).filter(d -> SHA256.matcher(d).matches());
    if (sha256.isPresent()) {
      return Optional.of(path("sha256", sha256.get()));
    }
    URI parsed;
    try {
      parsed = HttpUrls.parse(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not an http(s) URL: nothing worth keeping
    }
    URI plain = HttpUrls.withoutUserInfo(parsed);
    Optional<String> authorization =
        parsed.getRawUserInfo() != null
            ? Optional.of(Credentials.basic(parsed.getRawUserInfo()))
            : credentials.authorization(plain);
    return Optional.of(
        path("url", ResponseCache.key(plain, "core-metadata", authorization, Optional.empty())));
  }

  private Path path(String kind, String key) {
    return root.resolve(kind).resolve(key.substring(0, 2)).resolve(key + ".metadata");
  }
}
