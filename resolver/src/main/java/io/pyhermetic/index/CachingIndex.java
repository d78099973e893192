package io.pyhermetic.index;

import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.index.internal.SharedLookups;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link PackageIndex} that remembers, for as long as it lives (typically one run), every answer
 * of the index it wraps: files, versions and metadata are looked up once per release or project,
 * and concurrent identical look-ups share one request. For an index that {@linkplain ProjectListing
 * lists} each project on one page, the page is remembered instead, so the files of every release
 * and the versions of a project cost one request, and its metadata only the metadata file. A
 * look-up that is still waiting for a connection is {@linkplain RequestPriority#raiseTo raised}
 * when a more urgent asker joins it. Answers that a release or project does not exist are
 * remembered too; other failures are not, so a later look-up tries again. Downloads are passed
 * through unremembered.
 *
 * <p>What is cached where:
 *
 * <ul>
 *   <li>in memory, here: parsed answers, per instance, never written anywhere;
 *   <li>on disk, in the HTTP indexes' transport when {@link IndexSettingsBuilder#cache} is set: raw
 *       responses for index pages and metadata files (by URL, without credentials), reused for
 *       {@link IndexSettings#cacheMaxAge()} then revalidated by ETag, and the only source when
 *       {@linkplain IndexSettings#offline() offline} (a miss is an {@link IndexException}), and the
 *       core metadata {@link SimpleIndex} read from inside wheels and sdists (by the file's sha256,
 *       else its URL), so that a warm run reads no archive;
 *   <li>distribution files are never cached by the index layer.
 * </ul>
 */
public final class CachingIndex extends NonBlockingIndex implements ProjectListing {
  private record Key(ProjectName project, Version version) {}

  private final PackageIndex delegate;
  private final ProjectListing listing; // null: the delegate answers per release
  private final SharedLookups<Key, List<ReleaseFile>> files =
      SharedLookups.remembering(CachingIndex::isNotFound);
  private final SharedLookups<ProjectName, List<Version>> versions =
      SharedLookups.remembering(CachingIndex::isNotFound);
  private final SharedLookups<Key, ReleaseMetadata> metadata =
      SharedLookups.remembering(CachingIndex::isNotFound);
  private final SharedLookups<ProjectName, Listing> listings =
      SharedLookups.remembering(CachingIndex::isNotFound);

  /**
   * Wraps {@code delegate}, answering each look-up once per run.
   *
   * @param delegate the index to ask
   */
  public CachingIndex(PackageIndex delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    // a wrapped CachingIndex lists only when what it wraps does, and shares its memory
    this.listing =
        delegate instanceof CachingIndex inner
            ? (inner.listing == null ? null : inner)
            : delegate instanceof ProjectListing lists ? lists : null;
  }

  /**
   * Whether the wrapped index answers with one {@link ProjectListing listing} per project.
   *
   * @return {@code true} when it lists per project
   */
  public boolean lists() {
    return listing != null;
  }

  /**
   * The index this one wraps.
   *
   * @return the wrapped index
   */
  public PackageIndex delegate() {
    return delegate;
  }

  @Override
  public CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
    if (listing != null) {
      return files.get(
          new Key(project, version),
          () -> listingAsync(project).thenApply(listing -> listing.filesOf(version)));
    }
    return files.get(new Key(project, version), () -> delegate.filesAsync(project, version));
  }

  @Override
  public CompletableFuture<List<Version>> versionsAsync(ProjectName project) {
    if (listing != null) {
      return versions.get(project, () -> listingAsync(project).thenApply(Listing::versions));
    }
    return versions.get(project, () -> delegate.versionsAsync(project));
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(ProjectName project, Version version) {
    if (listing != null) {
      // the files are remembered already: only the metadata file itself is requested
      return metadata.get(
          new Key(project, version),
          () ->
              filesAsync(project, version)
                  .thenCompose(known -> listing.metadataAsync(project, version, known)));
    }
    return metadata.get(new Key(project, version), () -> delegate.metadataAsync(project, version));
  }

  /**
   * The project's listing, remembered. Only when the wrapped index {@linkplain #lists lists
   * projects}; otherwise throws {@link UnsupportedOperationException}.
   */
  @Override
  public CompletableFuture<Listing> listingAsync(ProjectName project) {
    if (listing == null) {
      throw new UnsupportedOperationException(delegate + " does not list projects");
    }
    return listings.get(project, () -> listing.listingAsync(project));
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(
      ProjectName project, Version version, List<ReleaseFile> files) {
    if (listing != null) {
      return metadata.get(
          new Key(project, version), () -> listing.metadataAsync(project, version, files));
    }
    return metadataAsync(project, version);
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
    listings.clear();
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
