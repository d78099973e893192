package io.pyhermetic.index;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.internal.Archives;
import io.pyhermetic.index.internal.CoreMetadata;
import io.pyhermetic.index.internal.Filenames;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * A flat directory of distribution files (like pip's {@code --find-links DIR}). Versions are read
 * from file names, sha256 digests are computed, and metadata comes from a wheel's {@code
 * *.dist-info/METADATA} or an sdist's {@code PKG-INFO} ({@code .tar.gz}, {@code .tgz}, {@code
 * .tar.bz2}, {@code .tar} and {@code .zip}).
 */
public final class LocalIndex implements PackageIndex {
  /** A file as last seen: a change of size or modification time invalidates what was read. */
  private record Stamp(Path path, long size, long modified) {}

  /** What reading a file's metadata gave: the text, none inside, or the failure's message. */
  private record MetadataRead(Optional<String> text, Optional<String> problem) {}

  private final Path directory;
  private final ConcurrentMap<Stamp, ReleaseFile> described = new ConcurrentHashMap<>();
  private final ConcurrentMap<Stamp, MetadataRead> metadataReads = new ConcurrentHashMap<>();

  /**
   * The index of the distribution files in {@code directory}.
   *
   * @param directory the directory
   */
  public LocalIndex(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * The files of the release; like an HTTP index's 404, an {@link IndexException} with {@link
   * IndexException#isNotFound()} when the directory has none.
   */
  @Override
  public List<ReleaseFile> files(ProjectName project, Version version) {
    String subject = project + "==" + version;
    List<Path> paths = matching(subject, project, version);
    if (paths.isEmpty()) {
      throw notFound(subject, project, version);
    }
    List<ReleaseFile> files = new ArrayList<>();
    for (Path path : paths) {
      Stamp stamp = stamp(subject, path);
      ReleaseFile file = described.get(stamp);
      if (file == null) {
        file = describe(subject, stamp);
        described.put(stamp, file);
      }
      files.add(file);
    }
    return List.copyOf(files);
  }

  private IndexException notFound(String subject, ProjectName project, Version version) {
    return new IndexException(
        subject,
        directory.toString(),
        "no release " + version + " of " + project.canonical() + " in the directory",
        404,
        null);
  }

  private Stamp stamp(String subject, Path path) {
    try {
      return new Stamp(path, Files.size(path), Files.getLastModifiedTime(path).toMillis());
    } catch (IOException e) {
      throw new IndexException(
          subject, path.toString(), "cannot read: " + Failures.describe(e), -1, e);
    }
  }

  /** The metadata inside {@code path}, read once per version of the file. */
  private MetadataRead metadataOf(Stamp stamp) {
    return metadataReads.computeIfAbsent(
        stamp,
        s -> {
          try {
            return new MetadataRead(
                Archives.readMetadata(s.path(), s.path().getFileName().toString()),
                Optional.empty());
          } catch (IOException | RuntimeException e) {
            return new MetadataRead(Optional.empty(), Optional.of(Failures.describe(e)));
          }
        });
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
      throw notFound(subject, project, version);
    }
    // wheels first: their metadata is static; then sdists in file-name order
    candidates.sort(
        Comparator.comparing(
                (Path p) ->
                    ReleaseFile.kindOf(p.getFileName().toString()) != ReleaseFile.Kind.WHEEL)
            .thenComparing(p -> p.getFileName().toString()));
    List<String> problems = new ArrayList<>();
    for (Path path : candidates) {
      MetadataRead read = metadataOf(stamp(subject, path));
      if (read.text().isPresent()) {
        return CoreMetadata.parse(read.text().get())
            .toReleaseMetadata(
                project, version, CoreMetadata.sourceOf(path.getFileName().toString()));
      }
      problems.add(path.getFileName() + ": " + read.problem().orElse("no metadata file inside"));
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
          subject,
          directory.toString(),
          "cannot list the directory: " + Failures.describe(e),
          -1,
          e);
    }
  }

  private ReleaseFile describe(String subject, Stamp stamp) {
    Path path = stamp.path();
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
      requiresPythonOf(stamp).ifPresent(builder::requiresPython);
      return builder.build();
    } catch (IOException e) {
      throw new IndexException(
          subject, path.toString(), "cannot read: " + Failures.describe(e), -1, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Publishes each file's own {@code Requires-Python}, as an index does with {@code
   * data-requires-python}, so that installers and audits can skip files for other interpreters; an
   * unreadable archive simply publishes none.
   */
  private Optional<String> requiresPythonOf(Stamp stamp) {
    return metadataOf(stamp)
        .text()
        .flatMap(text -> CoreMetadata.parse(text).first("Requires-Python"));
  }

  @Override
  public String toString() {
    return "LocalIndex[" + directory + "]";
  }
}
