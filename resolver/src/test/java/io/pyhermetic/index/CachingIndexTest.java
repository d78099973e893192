package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void closeReachesTheWrappedIndex() {
    Counting inner = new Counting();
    new CachingIndex(inner).close();
    assertThat(inner.closed).hasValue(1);
  }
}
