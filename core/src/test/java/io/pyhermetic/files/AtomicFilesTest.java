package io.pyhermetic.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {
  // no such process: Linux process ids stay below 2^22
  private static final ProcessStamp GONE = new ProcessStamp(999_999_999L, 1_700_000_000_000L);

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheFileAndLeavesNoTemporarySibling() throws IOException {
    Path target = dir.resolve("sub/out.txt");
    AtomicFiles.write(target, "one\n".getBytes());
    AtomicFiles.write(target, "two\n".getBytes());
    assertThat(target).hasContent("two");
    assertThat(Files.list(dir.resolve("sub"))).containsExactly(target);
  }

  @Test
  void aParentThatIsAFileIsNamedAndNothingIsWritten() throws IOException {
    Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("file/out.txt"), new byte[1]))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("is not a directory");
    assertThat(names()).containsExactly("file");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ".out.txt.999999999-1700000000000-123.tmp", // a process that no longer exists
        ".out.txt.PID-1000-7.tmp" // this process's id, but started at another time: reused
      })
  void theNextWriteDeletesWhatAKilledWriterLeft(String leftover) throws IOException {
    String name = leftover.replace("PID", Long.toString(ProcessHandle.current().pid()));
    Files.writeString(dir.resolve(name), "half");
    AtomicFiles.write(dir.resolve("out.txt"), "new\n".getBytes());
    assertThat(names()).containsExactly("out.txt");
  }

  @Test
  void whatOthersOwnIsLeftAlone() throws IOException {
    List<String> kept =
        List.of(
            ".out.txt." + ProcessStamp.current() + "-5.tmp", // a live writer's
            ".out.txt.backup.tmp", // a user's
            ".out.txt.1-2.tmp",
            ".out.txt1.2.tmp",
            "out.txt.999999999-1700000000000-1.tmp", // not hidden
            ".other.txt.999999999-1700000000000-1.tmp", // another file's
            ".out.txt42.tmp"); // an older version's, but recent
    for (String name : kept) {
      Files.writeString(dir.resolve(name), "x");
    }
    Files.createDirectory(dir.resolve(".out.txt.999999999-1700000000000-2.tmp"));
    AtomicFiles.write(dir.resolve("out.txt"), "new\n".getBytes());
    assertThat(names()).hasSize(kept.size() + 2).contains("out.txt");
  }

  @Test
  void anOlderVersionsSiblingIsDeletedOnceNoWriterCanStillBeAtWork() throws IOException {
    Path old = dir.resolve(".out.txt8812345.tmp");
    Files.writeString(old, "half");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    assertThat(AtomicFiles.deleteAbandoned(dir.resolve("out.txt"))).isEqualTo(1);
    assertThat(names()).isEmpty();
  }

  @Test
  void replaceWritesWithoutLookingForLeftovers() throws IOException {
    Path leftover = dir.resolve(".out.txt.999999999-1700000000000-1.tmp");
    Files.writeString(leftover, "half");
    AtomicFiles.replace(dir.resolve("sub/out.txt"), "new\n".getBytes());
    AtomicFiles.replace(dir.resolve("out.txt"), "new\n".getBytes());
    assertThat(leftover).exists();
    assertThat(dir.resolve("sub/out.txt")).hasContent("new");
    AtomicFiles.write(dir.resolve("out.txt"), "newer\n".getBytes());
    assertThat(leftover).doesNotExist();
  }

  @Test
  void aProcessStampTellsALiveProcessFromAGoneOne() {
    assertThat(ProcessStamp.current().isGone()).isFalse();
    assertThat(GONE.isGone()).isTrue();
    assertThat(ProcessStamp.current().toString()).startsWith(ProcessHandle.current().pid() + "-");
  }
}
