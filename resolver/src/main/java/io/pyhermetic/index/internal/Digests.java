package io.pyhermetic.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Hash computations with Python {@code hashlib} algorithm names. */
public final class Digests {
  private static final Map<String, String> JAVA_NAMES =
      Map.ofEntries(
          Map.entry("md5", "MD5"),
          Map.entry("sha1", "SHA-1"),
          Map.entry("sha224", "SHA-224"),
          Map.entry("sha256", "SHA-256"),
          Map.entry("sha384", "SHA-384"),
          Map.entry("sha512", "SHA-512"),
          Map.entry("sha3_224", "SHA3-224"),
          Map.entry("sha3_256", "SHA3-256"),
          Map.entry("sha3_384", "SHA3-384"),
          Map.entry("sha3_512", "SHA3-512"));

  private Digests() {}

  /**
   * The lower-case hex sha256 of a file.
   *
   * @param file the file
   * @return the digest
   * @throws java.io.IOException when the file cannot be read
   */
  public static String sha256(Path file) throws IOException {
    return hex(file, "sha256").orElseThrow();
  }

  /**
   * The lower-case hex sha256 of {@code bytes}.
   *
   * @param bytes the bytes
   * @return the digest
   */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The lower-case hex digest of a file, or empty for an algorithm Java does not have.
   *
   * @param file the file
   * @param algorithm the algorithm's name, as in pinned hashes
   * @return the digest, or empty
   * @throws java.io.IOException when the file cannot be read
   */
  public static Optional<String> hex(Path file, String algorithm) throws IOException {
    String name = JAVA_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
    if (name == null) {
      return Optional.empty();
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Whether the file matches any of the pinned hashes (Hermeto's test: any one match is enough).
   * Hashes of algorithms Java does not have match nothing.
   *
   * @param file the file
   * @param sha256 the file's sha256, already known
   * @param pinned the pinned hashes, by algorithm
   * @return {@code true} when one of them matches
   * @throws java.io.IOException when the file cannot be read
   */
  public static boolean matchesAny(Path file, String sha256, Map<String, List<String>> pinned)
      throws IOException {
    for (Map.Entry<String, List<String>> e : pinned.entrySet()) {
      String algorithm = e.getKey().toLowerCase(Locale.ROOT);
      Optional<String> actual =
          algorithm.equals("sha256") ? Optional.of(sha256) : hex(file, algorithm);
      if (actual.isPresent()
          && e.getValue().stream().anyMatch(v -> v.equalsIgnoreCase(actual.get()))) {
        return true;
      }
    }
    return false;
  }
}
