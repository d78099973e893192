package io.pyhermetic.index.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The core metadata file inside a distribution archive: a wheel's {@code *.dist-info/METADATA} or
 * an sdist's top-level {@code PKG-INFO} ({@code .tar.gz}, {@code .tgz}, {@code .tar.bz2}, {@code
 * .tar} and {@code .zip}).
 */
public final class Archives {
  /** The largest core metadata file read. */
  static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;

  // what reading a tar archive may decompress while looking for PKG-INFO (a decompression bomb
  // stops here), as the sdist reader's default total
  private static final long MAX_DECOMPRESSED_BYTES = 1L << 30;
  private static final Pattern WHEEL_METADATA = Pattern.compile("[^/]+\\.dist-info/METADATA");
  private static final Pattern SDIST_PKG_INFO = Pattern.compile("(\\./)?[^/]+/PKG-INFO");

  private Archives() {}

  /** Whether {@code name}, a zip member's name, is a wheel's {@code *.dist-info/METADATA}. */
  static boolean isWheelMetadata(String name) {
    return WHEEL_METADATA.matcher(name).matches();
  }

  /**
   * The metadata text of the archive at {@code path}, whose kind is read from {@code filename};
   * empty when the archive has none.
   *
   * @param path the archive
   * @param filename the archive's file name
   * @return the metadata text, or empty
   * @throws IOException when the archive is unreadable or of an unsupported kind
   */
  public static Optional<String> readMetadata(Path path, String filename) throws IOException {
    String lower = filename.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".whl")) {
      return readFromZip(path, WHEEL_METADATA);
    }
    if (lower.endsWith(".zip")) {
      return readFromZip(path, SDIST_PKG_INFO);
    }
    if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
      try (InputStream in =
          new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
        return readFromTar(in);
      }
    }
    if (lower.endsWith(".tar.bz2") || lower.endsWith(".tbz")) {
      try (InputStream in =
          new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
        return readFromTar(in);
      }
    }
    if (lower.endsWith(".tar")) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
        return readFromTar(in);
      }
    }
    throw new IOException("unsupported archive format");
  }

  private static Optional<String> readFromZip(Path path, Pattern wanted) throws IOException {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      ZipEntry found =
          zip.stream().filter(e -> wanted.matcher(e.getName()).matches()).findFirst().orElse(null);
      if (found == null) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(found)) {
        return Optional.of(readLimited(in));
      }
    }
  }

  private static Optional<String> readFromTar(InputStream raw) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(new Bounded(raw));
    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
      if (entry.isFile() && SDIST_PKG_INFO.matcher(entry.getName()).matches()) {
        return Optional.of(readLimited(tar));
      }
    }
    return Optional.empty();
  }

  private static String readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      if (out.size() + n > MAX_METADATA_BYTES) {
        throw new IOException("metadata file larger than " + MAX_METADATA_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Fails once more than {@link #MAX_DECOMPRESSED_BYTES} were read or skipped. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long count;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) {
        counted(skipped);
      }
      return skipped;
    }

    private void counted(long n) throws IOException {
      count += n;
      if (count > MAX_DECOMPRESSED_BYTES) {
        throw new IOException(
            "the archive expands to more than " + MAX_DECOMPRESSED_BYTES + " bytes");
      }
    }
  }
}
