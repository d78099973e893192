package io.pyhermetic.index.internal;

import io.pyhermetic.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An on-disk cache of successful GET responses, keyed by URL (without credentials) and {@code
 * Accept} header. An entry younger than {@code maxAge} is used without asking the server; an older
 * one is revalidated with {@code If-None-Match} when it has an {@code ETag}. In offline mode every
 * entry is used regardless of age and a miss is an error. Each entry is two files, {@code
 * <key>.body} and {@code <key>.properties}, written atomically.
 */
public final class ResponseCache {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

  /**
   * Cache settings.
   *
   * @param directory where entries live (created when needed)
   * @param maxAge how long an entry is used without revalidation
   * @param offline answer from the cache only; never touch the network
   */
  public record Settings(Path directory, Duration maxAge, boolean offline) {
    /**
     * Checks that neither path nor age is null.
     *
     * @param directory where entries live (created when needed)
     * @param maxAge how long an entry is used without revalidation
     * @param offline answer from the cache only; never touch the network
     */
    public Settings {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(maxAge, "maxAge");
    }
  }

  /** A stored response. */
  record Entry(HttpTransport.Response response, Optional<String> etag, Instant storedAt) {}

  private final Settings settings;

  ResponseCache(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  /**
   * The file name of an entry: a SHA-256 over the URL (without credentials), the {@code Accept}
   * header, the SHA-256 of the credential in use (never the credential itself) and a request body.
   * Without credential and body the key is the URL and {@code Accept} alone, as it always was.
   */
  static String key(URI url, String accept, Optional<String> credential, Optional<byte[]> body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(url.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(accept.getBytes(StandardCharsets.UTF_8));
      if (credential.isPresent()) {
        byte[] hidden =
            MessageDigest.getInstance("SHA-256")
                .digest(credential.get().getBytes(StandardCharsets.UTF_8));
        sha.update("\ncredential ".getBytes(StandardCharsets.UTF_8));
        sha.update(hidden);
      }
      if (body.isPresent()) {
        sha.update("\nbody ".getBytes(StandardCharsets.UTF_8));
        sha.update(MessageDigest.getInstance("SHA-256").digest(body.get()));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean isFresh(Entry entry) {
    return entry.storedAt().plus(settings.maxAge()).isAfter(Instant.now());
  }

  Optional<Entry> read(String key) {
    Path meta = settings.directory().resolve(key + ".properties");
    Path body = settings.directory().resolve(key + ".body");
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(body)) {
      return Optional.empty();
    }
    try {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(meta)) {
        p.load(in);
      }
      byte[] bytes = Files.readAllBytes(body);
      if (bytes.length != Long.parseLong(p.getProperty("size", "-1"))) {
        return Optional.empty(); // torn write from another process; treat as a miss
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      Optional.ofNullable(p.getProperty("content-type"))
          .ifPresent(v -> headers.put("content-type", List.of(v)));
      Optional<String> etag = Optional.ofNullable(p.getProperty("etag"));
      etag.ifPresent(v -> headers.put("etag", List.of(v)));
      URI uri = new URI(p.getProperty("uri"));
      Instant storedAt = Instant.ofEpochMilli(Long.parseLong(p.getProperty("stored-at")));
      return Optional.of(
          new Entry(new HttpTransport.Response(200, uri, headers, bytes), etag, storedAt));
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      LOG.warn("ignoring unreadable cache entry {}: {}", key, e.toString());
      return Optional.empty();
    }
  }

  void write(String key, HttpTransport.Response response) {
    Properties p = new Properties();
    p.setProperty("uri", response.uri().toString());
    p.setProperty("size", Integer.toString(response.body().length));
    p.setProperty("stored-at", Long.toString(Instant.now().toEpochMilli()));
    response.header("Content-Type").ifPresent(v -> p.setProperty("content-type", v));
    response.header("ETag").ifPresent(v -> p.setProperty("etag", v));
    try {
      Files.createDirectories(settings.directory());
      AtomicFiles.replace(settings.directory().resolve(key + ".body"), response.body());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      p.store(out, null);
      AtomicFiles.replace(settings.directory().resolve(key + ".properties"), out.toByteArray());
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("could not write cache entry {}: {}", key, e.toString());
    }
  }

  /** Marks {@code entry} as just revalidated. */
  void touch(String key, Entry entry) {
    write(key, entry.response());
  }
}
