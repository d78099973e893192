package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.index.ProjectListing.Listing;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingIndexTest {
  private static final ProjectName PKG = ProjectName.of("pkg");
  private static final Version V1 = Version.parse("1.0");

  /** Counts look-ups; answers are completed by the test. */
  private static final class Counting implements PackageIndex {
    final AtomicInteger files = new AtomicInteger();
    final AtomicInteger versions = new AtomicInteger();
    final AtomicInteger metadata = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    volatile CompletableFuture<List<ReleaseFile>> pendingFiles = new CompletableFuture<>();
    volatile RuntimeException versionsFailure;

    @Override
    public List<ReleaseFile> files(ProjectName project, Version version) {
      return filesAsync(project, version).join();
    }

    @Override
    public CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
      files.incrementAndGet();
      return pendingFiles;
    }

    @Override
    public List<Version> versions(ProjectName project) {
      versions.incrementAndGet();
      if (versionsFailure != null) {
        throw versionsFailure;
      }
      return List.of(V1);
    }

    @Override
    public ReleaseMetadata metadata(ProjectName project, Version version) {
      metadata.incrementAndGet();
      if (version.equals(Version.parse("9"))) {
        throw new IndexException("pkg==9", "dir", "no release", 404, null);
      }
      return new ReleaseMetadata(project, version, List.of("six"), java.util.Optional.empty());
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void concurrentIdenticalLookUpsShareOneRequest() {
    Counting inner = new Counting();
    CachingIndex index = new CachingIndex(inner);
    CompletableFuture<List<ReleaseFile>> a = index.filesAsync(PKG, V1);
    CompletableFuture<List<ReleaseFile>> b = index.filesAsync(ProjectName.of("PKG"), V1);
    assertThat(a).isNotDone();
    b.cancel(true); // a caller's cancellation does not reach the shared answer
    inner.pendingFiles.complete(List.of());
    assertThat(a.join()).isEmpty();
    assertThat(index.files(PKG, V1)).isEmpty();
    assertThat(inner.files).hasValue(1);
  }

  @Test
  void repeatedLookUpsAreAnsweredOnce() {
    Counting inner = new Counting();
    CachingIndex index = new CachingIndex(inner);
    for (int i = 0; i < 3; i++) {
      assertThat(index.versions(PKG)).containsExactly(V1);
      assertThat(index.metadata(PKG, V1).requiresDist()).containsExactly("six");
    }
    assertThat(inner.versions).hasValue(1);
    assertThat(inner.metadata).hasValue(1);
    index.clear();
    index.versions(PKG);
    assertThat(inner.versions).hasValue(2);
  }

  @Test
  void notFoundIsRememberedOtherFailuresAreRetried() {
    Counting inner = new Counting();
    CachingIndex index = new CachingIndex(inner);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> index.metadata(PKG, Version.parse("9")))
          .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.isNotFound()).isTrue());
    }
    assertThat(inner.metadata).hasValue(1);

    inner.versionsFailure = new IndexException("pkg", "u", "HTTP 503 after 4 tries", 503, null);
    assertThatThrownBy(() -> index.versions(PKG)).hasMessageContaining("HTTP 503");
    inner.versionsFailure = null;
    assertThat(index.versions(PKG)).containsExactly(V1);
    assertThat(inner.versions).hasValue(2);
  }

  /** Lists projects; counts listings and metadata look-ups, remembers the askers' priorities. */
  private static final class Listed implements PackageIndex, ProjectListing {
    static final ReleaseFile WHEEL =
        ReleaseFile.builder("pkg-1.0-py3-none-any.whl", "https://files.example.invalid/pkg.whl")
            .build();
    final AtomicInteger listings = new AtomicInteger();
    final AtomicInteger metadata = new AtomicInteger();
    final List<RequestPriority> askers = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile CompletableFuture<Listing> pending;

    @Override
    public CompletableFuture<Listing> listingAsync(ProjectName project) {
      listings.incrementAndGet();
      askers.add(RequestPriority.current());
      if (pending != null) {
        return pending;
      }
      return CompletableFuture.completedFuture(
          new Listing(List.of(V1, Version.parse("2.0")), java.util.Map.of(V1, List.of(WHEEL))));
    }

    @Override
    public CompletableFuture<ReleaseMetadata> metadataAsync(
        ProjectName project, Version version, List<ReleaseFile> files) {
      metadata.incrementAndGet();
      assertThat(files).containsExactly(WHEEL);
      return CompletableFuture.completedFuture(
          new ReleaseMetadata(project, version, List.of(), java.util.Optional.empty()));
    }

    @Override
    public List<ReleaseFile> files(ProjectName project, Version version) {
      throw new AssertionError("files of a listing index are taken from its listing");
    }

    @Override
    public List<Version> versions(ProjectName project) {
      throw new AssertionError("versions of a listing index are taken from its listing");
    }

    @Override
    public ReleaseMetadata metadata(ProjectName project, Version version) {
      throw new AssertionError("metadata of a listing index is asked with the known files");
    }
  }

  @Test
  void oneListingAnswersEveryReleaseAndTheVersionsOfAProject() {
    Listed inner = new Listed();
    CachingIndex shared = new CachingIndex(inner);
    CachingIndex index = new CachingIndex(shared); // as build-deps wraps the command's index
    assertThat(index.lists()).isTrue();
    assertThat(index.files(PKG, V1)).containsExactly(Listed.WHEEL);
    assertThat(index.files(PKG, Version.parse("2.0"))).isEmpty();
    assertThat(index.versions(PKG)).containsExactly(V1, Version.parse("2.0"));
    assertThat(index.metadata(PKG, V1).name()).isEqualTo(PKG);
    assertThat(shared.versions(PKG)).hasSize(2);
    assertThat(shared.metadata(PKG, V1).name()).isEqualTo(PKG);
    assertThat(inner.listings).hasValue(1);
    assertThat(inner.metadata).hasValue(1);
  }

  @Test
  void anIndexWithoutListingsIsAskedPerRelease() {
    Counting inner = new Counting();
    CachingIndex index = new CachingIndex(new CachingIndex(inner));
    assertThat(index.lists()).isFalse();
    assertThatThrownBy(() -> index.listingAsync(PKG))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(index.versions(PKG)).containsExactly(V1);
    assertThat(inner.versions).hasValue(1);
  }

  @Test
  void aMoreUrgentAskerRaisesAPendingLookUp() {
    Listed inner = new Listed();
    inner.pending = new CompletableFuture<>();
    CachingIndex index = new CachingIndex(inner);
    CompletableFuture<List<Version>> first =
        RequestPriority.call(1, () -> index.versionsAsync(PKG));
    RequestPriority waitingUnder = inner.askers.get(0);
    assertThat(waitingUnder.level()).isEqualTo(1);

    RequestPriority.call(7, () -> index.filesAsync(PKG, V1));
    assertThat(waitingUnder.level()).isEqualTo(7);
    RequestPriority.call(3, () -> index.versionsAsync(PKG));
    assertThat(waitingUnder.level()).isEqualTo(7); // never lowered

    inner.pending.complete(new Listing(List.of(V1), java.util.Map.of()));
    assertThat(first.join()).containsExactly(V1);
    RequestPriority.call(9, () -> index.versionsAsync(PKG)).join(); // answered: nothing to raise
    assertThat(waitingUnder.level()).isEqualTo(7);
    assertThat(inner.listings).hasValue(1);
  }

  @Test
  void closeReachesTheWrappedIndex() {
    Counting inner = new Counting();
    new CachingIndex(inner).close();
    assertThat(inner.closed).hasValue(1);
  }
}
