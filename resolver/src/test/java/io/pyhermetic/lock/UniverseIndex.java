package io.pyhermetic.lock;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link PackageIndex} of made-up releases: per release its files and its metadata.
 * Counts metadata look-ups so tests can tell what the resolver asked for.
 */
final class UniverseIndex implements PackageIndex {

  /** One release: its files and the metadata its dependencies are read from. */
  record Entry(List<ReleaseFile> files, ReleaseMetadata metadata) {}

  private final Map<ProjectName, Map<Version, Entry>> releases = new ConcurrentHashMap<>();
  final AtomicInteger metadataLookups = new AtomicInteger();

  /** Adds a release with {@code files} (made up from their names) and {@code metadata}. */
  UniverseIndex add(ReleaseMetadata metadata, List<ReleaseFile> files) {
    releases
        .computeIfAbsent(metadata.name(), k -> new TreeMap<>())
        .put(metadata.version(), new Entry(List.copyOf(files), metadata));
    return this;
  }

  /** A file of that name with a sha256 made from the name. */
  static ReleaseFile.Builder file(String filename) {
    return ReleaseFile.builder(filename, "https://files.invalid/" + filename)
        .sha256(sha256(filename));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ReleaseMetadata metadata(
      String name, String version, List<String> requiresDist, Optional<String> requiresPython) {
    return new ReleaseMetadata(
        ProjectName.of(name),
        Version.parse(version),
        requiresDist,
        requiresPython,
        ReleaseMetadata.Source.CORE_METADATA_FILE,
        Optional.empty());
  }

  private Entry entry(ProjectName project, Version version) {
    Entry e = releases.getOrDefault(project, Map.of()).get(version);
    if (e == null) {
      throw new IndexException(project + "==" + version, "memory:", "no such release", 404, null);
    }
    return e;
  }

  @Override
  public List<ReleaseFile> files(ProjectName project, Version version) {
    return entry(project, version).files();
  }

  @Override
  public List<Version> versions(ProjectName project) {
    Map<Version, Entry> known = releases.get(project);
    if (known == null) {
      throw new IndexException(project.toString(), "memory:", "no such project", 404, null);
    }
    List<Version> out = new ArrayList<>(known.keySet());
    Version.sort(out);
    return out;
  }

  @Override
  public ReleaseMetadata metadata(ProjectName project, Version version) {
    metadataLookups.incrementAndGet();
    return entry(project, version).metadata();
  }
}
