package io.pyhermetic.index;

import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A {@link PackageIndex} that remembers, for as long as it lives (typically one run), every answer
 * of the index it wraps: files, versions and metadata are looked up once per release or project,
 * and concurrent identical look-ups share one request. Answers that a release or project does not
 * exist are remembered too; other failures are not, so a later look-up tries again. Downloads are
 * passed through unremembered.
 *
 * <p>What is cached where:
 *
 * <ul>
 *   <li>in memory, here: parsed answers, per instance, never written anywhere;
 *   <li>on disk, in the HTTP indexes' transport when {@link IndexSettings.Builder#cache} is set:
 *       raw responses for index pages and metadata files (by URL, without credentials), reused for
 *       {@link IndexSettings#cacheMaxAge()} then revalidated by ETag, and the only source when
 *       {@linkplain IndexSettings#offline() offline} (a miss is an {@link IndexException});
 *   <li>distribution files are never cached by the index layer.
 * </ul>
 */
public final class CachingIndex implements PackageIndex {
  private record Key(ProjectName project, Version version) {}

  private final PackageIndex delegate;
  private final ConcurrentMap<Key, CompletableFuture<List<ReleaseFile>>> files =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<ProjectName, CompletableFuture<List<Version>>> versions =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, CompletableFuture<ReleaseMetadata>> metadata =
      new ConcurrentHashMap<>();

  public CachingIndex(PackageIndex delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The index this one wraps. */
  public PackageIndex delegate() {
    return delegate;
  }

  @Override
  public List<ReleaseFile> files(ProjectName project, Version version) {
    return Futures.join(filesAsync(project, version));
  }

  @Override
  public List<Version> versions(ProjectName project) {
    return Futures.join(versionsAsync(project));
  }

  @Override
  public ReleaseMetadata metadata(ProjectName project, Version version) {
    return Futures.join(metadataAsync(project, version));
  }

  @Override
  public CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
    return memo(files, new Key(project, version), () -> delegate.filesAsync(project, version));
  }

  @Override
  public CompletableFuture<List<Version>> versionsAsync(ProjectName project) {
    return memo(versions, project, () -> delegate.versionsAsync(project));
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(ProjectName project, Version version) {
    return memo(
        metadata, new Key(project, version), () -> delegate.metadataAsync(project, version));
  }

  @Override
  public CompletableFuture<String> downloadAsync(ReleaseFile file, Path destination) {
    return delegate.downloadAsync(file, destination);
  }

  /** Forgets every remembered answer. */
  public void clear() {
    files.clear();
    versions.clear();
    metadata.clear();
  }

  private static <K, V> CompletableFuture<V> memo(
      ConcurrentMap<K, CompletableFuture<V>> map, K key, Supplier<CompletableFuture<V>> lookup) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = map.putIfAbsent(key, mine);
    if (existing != null) {
      return copy(existing);
    }
    CompletableFuture<V> started;
    try {
      started = lookup.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete(
        (value, error) -> {
          if (error != null) {
            if (!isNotFound(error)) {
              map.remove(key, mine); // transient: let a later look-up try again
            }
            mine.completeExceptionally(Futures.unwrap(error));
          } else {
            mine.complete(value);
          }
        });
    return copy(mine);
  }

  /** A dependent copy, so that a caller cancelling or completing it cannot touch the memo. */
  private static <V> CompletableFuture<V> copy(CompletableFuture<V> future) {
    return future.thenApply(v -> v);
  }

  private static boolean isNotFound(Throwable error) {
    return Futures.unwrap(error) instanceof IndexException e && e.isNotFound();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "CachingIndex[" + delegate + "]";
  }
}
