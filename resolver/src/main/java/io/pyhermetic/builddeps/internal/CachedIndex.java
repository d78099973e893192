package io.pyhermetic.builddeps.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every look-up of one run, so that many build environments asking for the same project
 * cost one request, and concurrent askers share the request in flight.
 */
public final class CachedIndex implements PackageIndex {
  private record Key(ProjectName project, Version version) {}

  private final PackageIndex index;
  private final Map<ProjectName, CompletableFuture<List<Version>>> versions =
      new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<List<ReleaseFile>>> files = new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<ReleaseMetadata>> metadata = new ConcurrentHashMap<>();

  public CachedIndex(PackageIndex index) {
    this.index = index;
  }

  @Override
  public List<ReleaseFile> files(ProjectName project, Version version) {
    return join(filesAsync(project, version));
  }

  @Override
  public List<Version> versions(ProjectName project) {
    return join(versionsAsync(project));
  }

  @Override
  public ReleaseMetadata metadata(ProjectName project, Version version) {
    return join(metadataAsync(project, version));
  }

  @Override
  public CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
    return files.computeIfAbsent(
        new Key(project, version), k -> start(() -> index.filesAsync(project, version)));
  }

  @Override
  public CompletableFuture<List<Version>> versionsAsync(ProjectName project) {
    return versions.computeIfAbsent(project, k -> start(() -> index.versionsAsync(project)));
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(ProjectName project, Version version) {
    return metadata.computeIfAbsent(
        new Key(project, version), k -> start(() -> index.metadataAsync(project, version)));
  }

  @Override
  public CompletableFuture<String> downloadAsync(ReleaseFile file, java.nio.file.Path destination) {
    return index.downloadAsync(file, destination);
  }

  private static <T> CompletableFuture<T> start(
      java.util.function.Supplier<CompletableFuture<T>> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for a look-up, rethrowing its failure unwrapped. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IndexException("", "", "look-up failed: " + cause, -1, cause);
    }
  }

  @Override
  public String toString() {
    return "CachedIndex[" + index + "]";
  }
}
