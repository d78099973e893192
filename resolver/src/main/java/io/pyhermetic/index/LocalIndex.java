package io.pyhermetic.index;

import io.pyhermetic.index.internal.CoreMetadata;
import io.pyhermetic.index.internal.Filenames;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * A flat directory of distribution files (like pip's {@code --find-links DIR}). Versions are read
 * from file names, sha256 digests are computed, and metadata comes from a wheel's {@code
 * *.dist-info/METADATA} or an sdist's {@code PKG-INFO} ({@code .tar.gz}, {@code .tgz}, {@code
 * .tar.bz2}, {@code .tar} and {@code .zip}).
 */
public final class LocalIndex implements PackageIndex {
  private static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;
  private static final Pattern WHEEL_METADATA = Pattern.compile("[^/]+\\.dist-info/METADATA");
  private static final Pattern SDIST_PKG_INFO = Pattern.compile("(\\./)?[^/]+/PKG-INFO");

  private final Path directory;

  public LocalIndex(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public List<ReleaseFile> files(ProjectName project, Version version) {
    String subject = project + "==" + version;
    List<ReleaseFile> files = new ArrayList<>();
    for (Path path : matching(subject, project, version)) {
      files.add(describe(subject, path));
    }
    return List.copyOf(files);
  }

  @Override
  public List<Version> versions(ProjectName project) {
    LinkedHashSet<Version> versions = new LinkedHashSet<>();
    for (Path path : list(project.toString())) {
      Filenames.version(project, path.getFileName().toString()).ifPresent(versions::add);
    }
    if (versions.isEmpty()) {
      throw new IndexException(
          project.toString(),
          directory.toString(),
          "no project " + project.canonical() + " in the directory",
          404,
          null);
    }
    List<Version> sorted = new ArrayList<>(versions);
    Version.sort(sorted);
    return List.copyOf(sorted);
  }

  @Override
  public ReleaseMetadata metadata(ProjectName project, Version version) {
    String subject = project + "==" + version;
    List<Path> candidates = new ArrayList<>(matching(subject, project, version));
    if (candidates.isEmpty()) {
      throw new IndexException(
          subject,
          directory.toString(),
          "no release " + version + " of " + project.canonical() + " in the directory",
          404,
          null);
    }
    // wheels first: their metadata is static; then sdists in file-name order
    candidates.sort(
        Comparator.comparing((Path p) -> !p.getFileName().toString().endsWith(".whl"))
            .thenComparing(p -> p.getFileName().toString()));
    List<String> problems = new ArrayList<>();
    for (Path path : candidates) {
      try {
        Optional<String> text = readMetadata(path);
        if (text.isPresent()) {
          return CoreMetadata.parse(text.get()).toReleaseMetadata(project, version);
        }
        problems.add(path.getFileName() + ": no metadata file inside");
      } catch (IOException | RuntimeException e) {
        problems.add(path.getFileName() + ": " + e.getMessage());
      }
    }
    throw new IndexException(
        subject,
        directory.toString(),
        "no readable metadata (" + String.join("; ", problems) + ")");
  }

  private List<Path> matching(String subject, ProjectName project, Version version) {
    List<Path> out = new ArrayList<>();
    for (Path path : list(subject)) {
      if (Filenames.version(project, path.getFileName().toString())
          .filter(version::equals)
          .isPresent()) {
        out.add(path);
      }
    }
    return out;
  }

  private List<Path> list(String subject) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new IndexException(
          subject, directory.toString(), "cannot list the directory: " + e.getMessage(), -1, e);
    }
  }

  private ReleaseFile describe(String subject, Path path) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          size += n;
        }
      }
      ReleaseFile.Builder builder =
          ReleaseFile.builder(path.getFileName().toString(), path.toUri().toString())
              .sha256(HexFormat.of().formatHex(sha.digest()))
              .size(size)
              .uploadTime(Instant.ofEpochMilli(Files.getLastModifiedTime(path).toMillis()));
      requiresPythonOf(path).ifPresent(builder::requiresPython);
      return builder.build();
    } catch (IOException e) {
      throw new IndexException(subject, path.toString(), "cannot read: " + e.getMessage(), -1, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Publishes each file's own {@code Requires-Python}, as an index does with {@code
   * data-requires-python}, so that installers and audits can skip files for other interpreters; an
   * unreadable archive simply publishes none.
   */
  private static Optional<String> requiresPythonOf(Path path) {
    try {
      return readMetadata(path).flatMap(text -> CoreMetadata.parse(text).first("Requires-Python"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<String> readMetadata(Path path) throws IOException {
    String name = path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
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
    TarArchiveInputStream tar = new TarArchiveInputStream(raw);
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

  @Override
  public String toString() {
    return "LocalIndex[" + directory + "]";
  }
}
