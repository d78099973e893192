package io.pyhermetic.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LockRequirementsTest {
  private static final PylockFile PYLOCK =
      PylockFile.parse(LockResources.text("small/pylock.toml"), "lock/pylock.toml");

  @Test
  void entriesCarryTheLinesOfTheLock() {
    LockSelection x86 = PYLOCK.select(SelectionRequest.of(Target.linux("x86_64", "3.12")));
    RequirementsFile file = LockRequirements.of(x86);
    assertThat(file.source()).isEqualTo("lock/pylock.toml");
    assertThat(file.allEntries())
        .extracting(e -> e.location().toString())
        .containsExactly(
            "lock/pylock.toml:11:1",
            "lock/pylock.toml:20:1",
            "lock/pylock.toml:55:1",
            "lock/pylock.toml:60:1");
    Entry numpy = file.allEntries().get(1);
    assertThat(numpy.isPinned()).isTrue();
    assertThat(numpy.hashes().get("sha256")).hasSize(3);
    assertThat(file.allEntries().get(2).text())
        .contains(
            "tiny @ git+https://git.example.org/tiny.git@9f2c3b7a1d4e5f60718293a4b5c6d7e8f9a0b1c2");
    assertThat(file.allEntries().get(3).text()).isEqualTo("helper @ file:./libs/helper\n");
  }

  @Test
  void writesPinnedItemsAndDirectReferences() {
    LockSelection arm = PYLOCK.select(SelectionRequest.of(Target.linux("aarch64", "3.12")));
    String text = RequirementsWriter.pipCompileStyle().write(LockRequirements.items(arm));
    assertThat(text)
        .startsWith(
            "certifi==2025.1.31 \\\n    --hash=sha256:3d5da6925056f6f18f119200434a4780a94263f10d1c21d032a6f6b2baa20651")
        .contains("numpy==2.1.3 \\\n    --hash=sha256:5b6e4e9b");
    assertThat(LockRequirements.directReferences(arm)).hasSize(2);
  }

  @Test
  void refusesASelectionWithProblems() {
    UvLockFile uv = UvLockFile.parse(LockResources.text("small/uv.lock"), "uv.lock");
    LockSelection s390x = uv.select(SelectionRequest.of(Target.linux("s390x", "3.12")));
    assertThatThrownBy(() -> LockRequirements.of(s390x))
        .isInstanceOf(LockFileException.class)
        .hasMessageStartingWith("uv.lock:64:1: package[4]: no wheel of numpy");
  }

  @Test
  void tellsLockFilesByName() {
    assertThat(
            java.util.stream.Stream.of(
                    "pylock.toml",
                    "pylock.dev.toml",
                    "x/uv.lock",
                    "requirements.txt",
                    "pylock.a.b.toml")
                .map(n -> LockFiles.formatOf(Path.of(n)).map(Enum::name).orElse("-"))
                .collect(Collectors.toList()))
        .containsExactly("PYLOCK", "PYLOCK", "UV_LOCK", "-", "-");
  }
}
