package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {
  @TempDir Path temp;

  @Test
  void aSecondDownloadIsServedFromTheCacheAndADamagedEntryIsFetchedAgain() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("index"));
    Path wheel =
        Distributions.wheel(
            dir,
            "demo",
            "1.0",
            "py3-none-any",
            Distributions.metadata("demo", "1.0", null, List.of()));
    LocalIndex index = new LocalIndex(dir);
    ReleaseFile file = index.files(ProjectName.of("demo"), Version.parse("1.0")).get(0);
    FileCache cache = new FileCache(temp.resolve("cache"));
    cache.open();

    String first = cache.download(index, file, temp.resolve("a.whl")).join();
    assertThat(first).isEqualTo(file.sha256().orElseThrow());
    assertThat(cache.lookup(first)).isPresent();

    // the index no longer has the bytes: only the cache can answer
    byte[] bytes = Files.readAllBytes(wheel);
    Files.delete(wheel);
    assertThat(cache.download(index, file, temp.resolve("b.whl")).join()).isEqualTo(first);
    assertThat(Files.readAllBytes(temp.resolve("b.whl"))).isEqualTo(bytes);

    // a damaged entry is dropped and the file downloaded again
    Path entry = cache.lookup(first).orElseThrow();
    Files.write(entry, new byte[] {1, 2, 3});
    Files.write(wheel, bytes);
    assertThat(cache.download(index, file, temp.resolve("c.whl")).join()).isEqualTo(first);
    assertThat(Files.readAllBytes(cache.lookup(first).orElseThrow())).isEqualTo(bytes);
  }

  @Test
  void bytesWithoutTheIndexDigestAreDeliveredButNotKept() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("index"));
    Distributions.wheel(
        dir, "demo", "1.0", "py3-none-any", Distributions.metadata("demo", "1.0", null, List.of()));
    LocalIndex index = new LocalIndex(dir);
    ReleaseFile listed = index.files(ProjectName.of("demo"), Version.parse("1.0")).get(0);
    ReleaseFile wrong =
        ReleaseFile.builder(listed.filename(), listed.url()).sha256("ab".repeat(32)).build();
    ReleaseFile unhashed = ReleaseFile.builder(listed.filename(), listed.url()).build();
    FileCache cache = new FileCache(temp.resolve("cache"));
    cache.open();

    Path target = Files.writeString(temp.resolve("old.whl"), "replaced");
    String actual = cache.download(index, wrong, target).join();
    assertThat(actual).isEqualTo(listed.sha256().orElseThrow());
    assertThat(Files.size(target)).isEqualTo(listed.size().orElseThrow());
    assertThat(cache.download(index, unhashed, temp.resolve("u.whl")).join()).isEqualTo(actual);

    assertThat(cache.lookup(actual)).isEmpty();
    assertThat(cache.lookup("ab".repeat(32))).isEmpty();
    try (var parts = Files.list(temp.resolve("cache").resolve("tmp"))) {
      assertThat(parts).isEmpty();
    }
  }
}
