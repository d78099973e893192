package io.pyhermetic.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Builds small but real wheels and sdists for tests, byte-identical on every run (fixed timestamps
 * and order), so their sha256 digests are stable.
 */
public final class Distributions {
  private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

  private Distributions() {}

  /** The core metadata text of a release. */
  public static String metadata(
      String name, String version, String requiresPython, List<String> requiresDist) {
    StringBuilder out =
        new StringBuilder("Metadata-Version: 2.1\nName: ")
            .append(name)
            .append("\nVersion: ")
            .append(version)
            .append('\n');
    if (requiresPython != null) {
      out.append("Requires-Python: ").append(requiresPython).append('\n');
    }
    for (String r : requiresDist) {
      out.append("Requires-Dist: ").append(r).append('\n');
    }
    return out.append('\n').toString();
  }

  /**
   * Writes {@code name-version-tag.whl} into {@code dir} with a {@code .dist-info} holding
   * METADATA, WHEEL and RECORD. Returns its path.
   */
  public static Path wheel(Path dir, String name, String version, String tag, String metadata) {
    String stem = name.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT) + "-" + version;
    Path file = dir.resolve(stem + "-" + tag + ".whl");
    Map<String, String> entries = new LinkedHashMap<>();
    String distInfo = stem + ".dist-info/";
    entries.put(
        name.replaceAll("[-.]+", "_").toLowerCase(Locale.ROOT) + "/__init__.py",
        "__version__ = \"" + version + "\"\n");
    entries.put(distInfo + "METADATA", metadata);
    entries.put(
        distInfo + "WHEEL",
        "Wheel-Version: 1.0\nGenerator: pyhermetic-testdata\nRoot-Is-Purelib: true\nTag: "
            + tag
            + "\n");
    entries.put(distInfo + "RECORD", "");
    write(file, zip(entries));
    return file;
  }

  /** The archive kinds {@link #sdist} can write. */
  public enum Format {
    TAR_GZ(".tar.gz"),
    ZIP(".zip"),
    TAR_BZ2(".tar.bz2"),
    TAR_XZ(".tar.xz"),
    TAR(".tar"),
    TGZ(".tgz");

    final String suffix;

    Format(String suffix) {
      this.suffix = suffix;
    }
  }

  /**
   * Writes {@code name-version.<format>} into {@code dir}: a top directory {@code name-version/}
   * with PKG-INFO and the given files (such as {@code pyproject.toml}). Returns its path.
   */
  public static Path sdist(
      Path dir,
      String name,
      String version,
      Format format,
      String pkgInfo,
      Map<String, String> files) {
    String top = name.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT) + "-" + version;
    Path file = dir.resolve(top + format.suffix);
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(top + "/PKG-INFO", pkgInfo);
    // sorted: Map.of iterates in a different order on every run
    new java.util.TreeMap<>(files)
        .forEach((path, content) -> entries.put(top + "/" + path, content));
    write(file, format == Format.ZIP ? zip(entries) : tar(entries, format));
    return file;
  }

  /** The kind of a raw archive member written by {@link #archive}. */
  public enum MemberType {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    /** A character device (tar only), as {@code /dev/zero} is. */
    CHARACTER_DEVICE,
    /** A named pipe (tar only). */
    FIFO
  }

  /**
   * One raw archive member, for archives that a well-behaved build tool would never write (absolute
   * paths, {@code ..}, links).
   *
   * @param name the member name exactly as stored
   * @param content the file content (ignored for directories and links)
   * @param type the member type
   * @param linkTarget the target of a link, or an empty string
   */
  public record Member(String name, byte[] content, MemberType type, String linkTarget) {
    public static Member file(String name, String content) {
      return new Member(name, content.getBytes(StandardCharsets.UTF_8), MemberType.FILE, "");
    }

    public static Member link(String name, MemberType type, String target) {
      return new Member(name, new byte[0], type, target);
    }
  }

  /**
   * Writes exactly these members, in order, as an archive of {@code format} named {@code fileName}
   * in {@code dir}. Zip archives store symbolic links the way Info-ZIP does (Unix mode bits, the
   * target as content); hard links exist only in tar.
   */
  public static Path archive(Path dir, String fileName, Format format, List<Member> members) {
    Path file = dir.resolve(fileName);
    write(file, format == Format.ZIP ? rawZip(members) : rawTar(members, format));
    return file;
  }

  private static byte[] rawZip(List<Member> members) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
        new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
      for (Member m : members) {
        org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry =
            new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(m.name());
        entry.setTime(FIXED_TIME);
        byte[] content = m.content();
        if (m.type() == MemberType.SYMLINK) {
          entry.setUnixMode(0120777);
          content = m.linkTarget().getBytes(StandardCharsets.UTF_8);
        } else if (m.type() == MemberType.FILE) {
          entry.setUnixMode(0100644);
        }
        zip.putArchiveEntry(entry);
        zip.write(content);
        zip.closeArchiveEntry();
      }
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] rawTar(List<Member> members, Format format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream compressed = compressor(bytes, format);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Member m : members) {
        TarArchiveEntry entry;
        switch (m.type()) {
          case SYMLINK:
            entry = new TarArchiveEntry(m.name(), TarArchiveEntry.LF_SYMLINK, true);
            entry.setLinkName(m.linkTarget());
            break;
          case HARDLINK:
            entry = new TarArchiveEntry(m.name(), TarArchiveEntry.LF_LINK, true);
            entry.setLinkName(m.linkTarget());
            break;
          case DIRECTORY:
            entry = new TarArchiveEntry(m.name(), TarArchiveEntry.LF_DIR, true);
            break;
          case CHARACTER_DEVICE:
            entry = new TarArchiveEntry(m.name(), TarArchiveEntry.LF_CHR, true);
            entry.setDevMajor(1);
            entry.setDevMinor(5);
            break;
          case FIFO:
            entry = new TarArchiveEntry(m.name(), TarArchiveEntry.LF_FIFO, true);
            break;
          default:
            // preserveAbsolutePath keeps "/etc/x" and "../x" exactly as given
            entry = new TarArchiveEntry(m.name(), true);
            entry.setSize(m.content().length);
            entry.setMode(0644);
        }
        entry.setModTime(FIXED_TIME);
        tar.putArchiveEntry(entry);
        if (m.type() == MemberType.FILE) {
          tar.write(m.content());
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] tar(Map<String, String> entries, Format format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream compressed = compressor(bytes, format);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> e : entries.entrySet()) {
        byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(content.length);
        entry.setModTime(FIXED_TIME);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static OutputStream compressor(OutputStream out, Format format) throws IOException {
    if (format == Format.TAR_BZ2) {
      return new BZip2CompressorOutputStream(out);
    }
    if (format == Format.TAR_XZ) {
      return new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(out);
    }
    if (format == Format.TAR) {
      return new java.io.FilterOutputStream(out);
    }
    GzipParameters parameters = new GzipParameters();
    parameters.setModificationTime(0);
    return new GzipCompressorOutputStream(out, parameters);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
