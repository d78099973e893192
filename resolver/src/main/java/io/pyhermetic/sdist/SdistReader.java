package io.pyhermetic.sdist;

import io.pyhermetic.error.Failures;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Reads the build description files of an sdist archive into memory. Nothing is written to disk;
 * members other than the top directory's {@link SdistContents#FILES} are skipped unread (a
 * compressed tar is still decompressed to reach them, which the total limit bounds).
 *
 * <p>An archive is refused as a whole if any member has an absolute path or a {@code ..} segment,
 * as pybuild-deps does, and when a file that would be read is a symbolic or hard link. When all
 * members share one top directory (as every sdist built by a PEP 517 backend does) the files are
 * read from it; otherwise from the archive's root. Thread-safe.
 */
public final class SdistReader {

  /**
   * Bounds on what one archive may cost.
   *
   * @param maxMemberBytes the largest file that is read into memory
   * @param maxTotalBytes the most bytes decompressed from one archive
   * @param maxMembers the most members one archive may have
   */
  public record Limits(long maxMemberBytes, long maxTotalBytes, int maxMembers) {
    /**
     * Checks that every limit is positive.
     *
     * @param maxMemberBytes the largest file that is read into memory
     * @param maxTotalBytes the most bytes decompressed from one archive
     * @param maxMembers the most members one archive may have
     */
    public Limits {
      if (maxMemberBytes <= 0 || maxTotalBytes <= 0 || maxMembers <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    /**
     * 4 MiB per file read, 1 GiB decompressed, 500 000 members.
     *
     * @return the default limits
     */
    public static Limits defaults() {
      return new Limits(4L << 20, 1L << 30, 500_000);
    }
  }

  /** The longest member name read: longer ones are refused (no real sdist comes near). */
  public static final int MAX_PATH_LENGTH = 4096;

  /**
   * How many times its own size an archive may expand to, once past {@link #RATIO_FLOOR} bytes: a
   * decompression bomb is stopped after a few megabytes rather than at the total limit.
   */
  public static final int MAX_RATIO = 200;

  /** Below this many decompressed bytes the ratio is not judged (small archives vary widely). */
  public static final long RATIO_FLOOR = 16L << 20;

  private final Limits limits;

  /** A reader with the default limits. */
  public SdistReader() {
    this(Limits.defaults());
  }

  /**
   * A reader with these limits.
   *
   * @param limits the limits
   */
  public SdistReader(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The limits.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  /**
   * Whether {@code filename} has an archive suffix this reader understands.
   *
   * @param filename the file name
   * @return {@code true} when it can be read
   */
  public static boolean isSupported(String filename) {
    return format(filename) != null;
  }

  /**
   * Reads {@code archive}, whose format is decided by {@code filename} (the name on the index; the
   * local file may be named differently).
   *
   * @param archive the archive
   * @param filename its name on the index
   * @return the files read
   * @throws SdistException for an unsupported, corrupt, unsafe or oversized archive
   */
  public SdistContents read(Path archive, String filename) {
    String format = format(filename);
    if (format == null) {
      throw new SdistException(
          filename,
          SdistException.Kind.UNSUPPORTED_FORMAT,
          "not a .tar.gz, .tgz, .tar.bz2, .tar.xz, .tar or .zip archive");
    }
    Collected collected = new Collected(filename);
    try {
      if (format.equals("zip")) {
        readZip(archive, collected);
      } else {
        long size = Files.size(archive);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
            InputStream counted = new Counting(decompress(format, raw), filename, size)) {
          readTar(counted, collected);
        }
      }
    } catch (SdistException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SdistException(
          filename,
          SdistException.Kind.CORRUPT,
          "cannot read the archive: " + Failures.describe(e),
          e);
    }
    return collected.result();
  }

  private static String format(String filename) {
    String lower = filename.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
      return "gz";
    }
    if (lower.endsWith(".tar.bz2") || lower.endsWith(".tbz")) {
      return "bz2";
    }
    if (lower.endsWith(".tar.xz") || lower.endsWith(".txz")) {
      return "xz";
    }
    if (lower.endsWith(".tar")) {
      return "tar";
    }
    if (lower.endsWith(".zip")) {
      return "zip";
    }
    return null;
  }

  private static InputStream decompress(String format, InputStream raw) throws IOException {
    switch (format) {
      case "gz":
        return GzipCompressorInputStream.builder()
            .setInputStream(raw)
            .setDecompressConcatenated(true)
            .get();
      case "bz2":
        return new BZip2CompressorInputStream(raw, true);
      case "xz":
        return XZCompressorInputStream.builder()
            .setInputStream(raw)
            .setDecompressConcatenated(true)
            .get();
      default:
        return raw;
    }
  }

  private void readTar(InputStream in, Collected collected) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
      String name = collected.member(entry.getName());
      if (name == null) {
        continue;
      }
      if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
        throw new SdistException(
            collected.filename,
            SdistException.Kind.UNSAFE_PATH,
            "member "
                + name
                + " is a "
                + (entry.isFIFO() ? "named pipe" : "device")
                + ", which an sdist never holds");
      }
      if (collected.wanted(name)) {
        boolean link = entry.isSymbolicLink() || entry.isLink();
        if (link) {
          collected.link(name);
        } else if (entry.isFile()) {
          if (entry.getSize() > limits.maxMemberBytes()) {
            throw tooLarge(collected.filename, name);
          }
          collected.put(name, readLimited(tar, collected.filename, name));
        }
      }
    }
  }

  private void readZip(Path archive, Collected collected) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      long total = 0;
      for (Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
          entries.hasMoreElements(); ) {
        ZipArchiveEntry entry = entries.nextElement();
        String name = collected.member(entry.getName());
        if (name == null || !collected.wanted(name) || entry.isDirectory()) {
          continue;
        }
        if (entry.isUnixSymlink()) {
          collected.link(name);
          continue;
        }
        if (entry.getSize() > limits.maxMemberBytes()) {
          throw tooLarge(collected.filename, name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          byte[] bytes = readLimited(in, collected.filename, name);
          total += bytes.length;
          if (total > limits.maxTotalBytes()) {
            throw totalTooLarge(collected.filename);
          }
          collected.put(name, bytes);
        }
      }
    }
  }

  private byte[] readLimited(InputStream in, String filename, String member) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      if (out.size() + (long) n > limits.maxMemberBytes()) {
        throw tooLarge(filename, member);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private SdistException tooLarge(String filename, String member) {
    return new SdistException(
        filename,
        SdistException.Kind.TOO_LARGE,
        member + " is larger than " + limits.maxMemberBytes() + " bytes");
  }

  private SdistException totalTooLarge(String filename) {
    return new SdistException(
        filename,
        SdistException.Kind.TOO_LARGE,
        "the archive expands to more than " + limits.maxTotalBytes() + " bytes");
  }

  /** Counts decompressed bytes and stops at the total limit (a decompression bomb). */
  private final class Counting extends FilterInputStream {
    private final String filename;
    private final long compressedSize;
    private long count;

    Counting(InputStream in, String filename, long compressedSize) {
      super(in);
      this.filename = filename;
      this.compressedSize = compressedSize;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // read instead of skipping so that skipped members count too
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    private void add(long n) {
      count += n;
      if (count > limits.maxTotalBytes()) {
        throw totalTooLarge(filename);
      }
      if (count > RATIO_FLOOR && count > MAX_RATIO * Math.max(1, compressedSize)) {
        throw new SdistException(
            filename,
            SdistException.Kind.TOO_LARGE,
            "the archive expands to more than "
                + MAX_RATIO
                + " times its size of "
                + compressedSize
                + " bytes (a decompression bomb)");
      }
    }
  }

  /** The candidates seen while streaming; the layout is decided at the end. */
  private final class Collected {
    final String filename;
    final Set<String> topLevel = new LinkedHashSet<>();
    boolean nested;
    int members;
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final Set<String> links = new LinkedHashSet<>();

    Collected(String filename) {
      this.filename = filename;
    }

    /** The normalised member name, or null for the archive root itself; refuses unsafe paths. */
    String member(String raw) {
      if (++members > limits.maxMembers()) {
        throw new SdistException(
            filename,
            SdistException.Kind.TOO_LARGE,
            "the archive has more than " + limits.maxMembers() + " members");
      }
      if (raw.length() > MAX_PATH_LENGTH) {
        throw new SdistException(
            filename,
            SdistException.Kind.UNSAFE_PATH,
            "member path longer than "
                + MAX_PATH_LENGTH
                + " characters: "
                + raw.substring(0, 80)
                + "...");
      }
      String name = raw.replace('\\', '/');
      if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
        throw new SdistException(
            filename, SdistException.Kind.UNSAFE_PATH, "member with an absolute path: " + raw);
      }
      for (String segment : name.split("/")) {
        if (segment.equals("..")) {
          throw new SdistException(
              filename, SdistException.Kind.UNSAFE_PATH, "member with a '..' segment: " + raw);
        }
      }
      while (name.startsWith("./")) {
        name = name.substring(2);
      }
      while (name.endsWith("/")) {
        name = name.substring(0, name.length() - 1);
      }
      name = name.replaceAll("/(\\./)+", "/").replaceAll("/+", "/");
      if (name.isEmpty() || name.equals(".")) {
        return null;
      }
      int slash = name.indexOf('/');
      topLevel.add(slash < 0 ? name : name.substring(0, slash));
      if (slash >= 0) {
        nested = true;
      }
      return name;
    }

    boolean wanted(String name) {
      String[] parts = name.split("/");
      return (parts.length == 1 || parts.length == 2)
          && SdistContents.FILES.contains(parts[parts.length - 1]);
    }

    void put(String name, byte[] bytes) {
      refuseDuplicate(name);
      files.put(name, bytes);
    }

    // tar keeps the last of two members of one name and zip tools differ: which one a build
    // would read is not known, so a duplicate of a file that is read refuses the archive
    private void refuseDuplicate(String name) {
      if (files.containsKey(name) || links.contains(name)) {
        throw new SdistException(
            filename,
            SdistException.Kind.UNSAFE_PATH,
            "member " + name + " appears more than once, so which one a build reads is unknown");
      }
    }

    void link(String name) {
      refuseDuplicate(name);
      links.add(name);
    }

    SdistContents result() {
      String prefix = topLevel.size() == 1 && nested ? topLevel.iterator().next() + "/" : "";
      Map<String, byte[]> found = new LinkedHashMap<>();
      for (String file : SdistContents.FILES) {
        String name = prefix + file;
        if (links.contains(name)) {
          throw new SdistException(
              filename, SdistException.Kind.LINK, name + " is a link, which is not followed");
        }
        if (files.containsKey(name)) {
          found.put(file, files.get(name));
        }
      }
      return new SdistContents(
          filename, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), found);
    }
  }
}
