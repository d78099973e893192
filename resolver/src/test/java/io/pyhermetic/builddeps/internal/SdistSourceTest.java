package io.pyhermetic.builddeps.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.sdist.SdistContents;
import io.pyhermetic.sdist.SdistLoader;
import io.pyhermetic.sdist.SdistReader;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.Distributions.Format;
import io.pyhermetic.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdistSourceTest {
  @TempDir Path dir;

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Map<String, Integer> downloads = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private LocalIndex local;

  private SdistSource source(Path index) {
    local = new LocalIndex(index);
    SdistLoader loader =
        new SdistLoader(
            (file, destination) -> {
              downloads.merge(file.filename(), 1, Integer::sum);
              return local.downloadAsync(file, destination);
            },
            new SdistReader(),
            dir.resolve("work"),
            executor);
    return new SdistSource(new CachingIndex(local), loader);
  }

  private Path index(String name, String version, boolean sdist) throws Exception {
    Path index = Files.createDirectories(dir.resolve("index"));
    String metadata = Distributions.metadata(name, version, null, List.of());
    Distributions.wheel(index, name, version, "py3-none-any", metadata);
    if (sdist) {
      Distributions.sdist(
          index,
          name,
          version,
          Format.TAR_GZ,
          metadata,
          Map.of("pyproject.toml", "[build-system]\nrequires = [\"flit-core\"]\n"));
    }
    return index;
  }

  private static Release release(String name, String version) {
    return new Release(ProjectName.of(name), Version.parse(version));
  }

  @Test
  void anSdistFetchedAheadIsNotFetchedAgainByItsInspection() throws Exception {
    SdistSource source = source(index("demo", "1.0", true));
    Release demo = release("demo", "1.0");

    Optional<SdistContents> ahead = source.fetchAhead(demo, 3).get();
    SdistContents inspected = source.load(demo, sdistOf(demo), Set.of()).get();

    assertThat(ahead).isPresent();
    assertThat(inspected).isSameAs(ahead.get());
    assertThat(downloads).containsExactly(Map.entry("demo-1.0.tar.gz", 1));
  }

  @Test
  void pinnedHashesAreCheckedOnEveryLoad() throws Exception {
    SdistSource source = source(index("demo", "1.0", true));
    Release demo = release("demo", "1.0");
    ReleaseFile sdist = sdistOf(demo);
    source.load(demo, sdist, Set.of()).get();

    Throwable wrongPin = source.load(demo, sdist, Set.of("0".repeat(64))).handle((c, e) -> e).get();

    assertThat(wrongPin).hasMessageContaining("sha256");
    assertThat(downloads).containsExactly(Map.entry("demo-1.0.tar.gz", 2));
  }

  @Test
  void afterTheRunNothingIsFetchedAndNoTemporaryFileIsMade() throws Exception {
    SdistSource source = source(index("demo", "1.0", true));
    Release demo = release("demo", "1.0");
    ReleaseFile sdist = sdistOf(demo);
    source.close();

    Throwable late = source.load(demo, sdist, Set.of()).handle((c, e) -> e).get();

    assertThat(late).isInstanceOf(java.util.concurrent.CancellationException.class);
    assertThat(downloads).isEmpty();
    assertThat(dir.resolve("work")).doesNotExist();
  }

  @Test
  void aReleaseWithoutSdistFetchesNothingAhead() throws Exception {
    SdistSource source = source(index("wheelonly", "2.0", false));

    assertThat(source.fetchAhead(release("wheelonly", "2.0"), 0).get()).isEmpty();
    assertThat(downloads).isEmpty();
  }

  @Test
  void pipPrefersALiveTarGzOverAZipOverAYankedOne() {
    ReleaseFile zip = ReleaseFile.builder("demo-1.0.zip", "https://x/demo-1.0.zip").build();
    ReleaseFile tar = ReleaseFile.builder("demo-1.0.tar.gz", "https://x/demo-1.0.tar.gz").build();
    ReleaseFile yankedTar =
        ReleaseFile.builder("demo-1.0.tar.gz", "https://x/demo-1.0.tar.gz").yanked(true).build();
    ReleaseFile wheel =
        ReleaseFile.builder("demo-1.0-py3-none-any.whl", "https://x/demo.whl").build();

    assertThat(SdistSource.bestSdist(List.of(zip, tar, wheel))).contains(tar);
    assertThat(SdistSource.bestSdist(List.of(yankedTar, zip))).contains(zip);
    assertThat(SdistSource.bestSdist(List.of(wheel))).isEmpty();
  }

  private ReleaseFile sdistOf(Release release) {
    return SdistSource.bestSdist(local.files(release.name(), release.version())).orElseThrow();
  }
}
