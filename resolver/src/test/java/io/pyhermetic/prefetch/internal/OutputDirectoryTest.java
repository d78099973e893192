package io.pyhermetic.prefetch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  // no process has this id (Linux ids stay below 2^22)
  private static final long GONE = 999_999_999L;

  @TempDir Path temp;

  private static long selfStart() {
    return ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
  }

  private Path sibling(String name) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve("half-written"), "x");
    return dir;
  }

  private String[] siblings() throws IOException {
    try (Stream<Path> list = Files.list(temp)) {
      return list.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void stagingLeftByAKilledRunIsDeletedByTheNextOne() throws IOException {
    Path out = Files.createDirectories(temp.resolve("pf"));
    Files.writeString(out.resolve("kept"), "previous");
    sibling(".pf.prefetch-" + GONE + "-1700000000000-123");
    sibling(".pf.plan-" + GONE + "-1700000000000-9");
    // the same process id as a live process, but another start: the owner is gone
    sibling(".pf.prefetch-" + ProcessHandle.current().pid() + "-1000-5");
    Path live = sibling(".pf.prefetch-" + ProcessHandle.current().pid() + "-" + selfStart() + "-7");
    Path other = sibling(".other.prefetch-" + GONE + "-1-1");

    Path staging = OutputDirectory.stage(out, "prefetch");

    assertThat(siblings())
        .containsExactlyInAnyOrder(
            "pf",
            live.getFileName().toString(),
            other.getFileName().toString(),
            staging.getFileName().toString());
    assertThat(out.resolve("kept")).hasContent("previous");
  }

  @Test
  void stagingOfAnOlderVersionIsDeletedOnlyOnceItIsOld() throws IOException {
    Path out = temp.resolve("pf");
    Path old = sibling(".pf.prefetch-8812");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
    Path recent = sibling(".pf.prefetch-8813");

    OutputDirectory.cleanAbandoned(out);

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
  }

  @Test
  void aPreviousOutputSetAsideByAKilledRunComesBack() throws IOException {
    Path out = temp.resolve("pf");
    Path aside = sibling(".pf.old-" + GONE + "-1700000000000-4");
    Path complete = sibling(".pf.prefetch-" + GONE + "-1700000000000-3");

    OutputDirectory.cleanAbandoned(out);

    assertThat(out.resolve("half-written")).exists();
    assertThat(aside).doesNotExist();
    assertThat(complete).doesNotExist();
  }

  @Test
  void aCommitReplacesThePreviousOutputAndLeavesNothingBeside() throws IOException {
    Path out = Files.createDirectories(temp.resolve("pf"));
    Files.writeString(out.resolve("a"), "old");
    Path staging = OutputDirectory.stage(out, "prefetch");
    Files.writeString(staging.resolve("a"), "new");

    OutputDirectory.commit(staging, out);

    assertThat(out.resolve("a")).hasContent("new");
    assertThat(siblings()).containsExactly("pf");
  }
}
