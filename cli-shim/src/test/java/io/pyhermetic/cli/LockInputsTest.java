package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock files ({@code pylock.toml}, {@code uv.lock}) where commands take requirements files. */
class LockInputsTest {
  @TempDir Path temp;
  private StringWriter out;
  private StringWriter err;
  private Path pylock;
  private Path uvLock;

  @BeforeEach
  void copyLocks() throws IOException {
    Files.createDirectories(temp.resolve("p"));
    Files.createDirectories(temp.resolve("u"));
    pylock = copy("small/pylock.toml", temp.resolve("p/pylock.toml"));
    uvLock = copy("small/uv.lock", temp.resolve("u/uv.lock"));
  }

  private Path copy(String name, Path target) throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/io/pyhermetic/testdata/lockfile/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void splitWritesHashPinnedFilesPerTarget() throws IOException {
    Path dir = temp.resolve("split");
    int code =
        run(
            "split",
            uvLock.toString(),
            "--target",
            "x86_64",
            "--target",
            "arm64",
            "--extra",
            "cli",
            "--group",
            "dev",
            "-o",
            dir.toString());
    assertThat(code).as(err.toString()).isZero();
    String x86 = Files.readString(dir.resolve("requirements-x86_64.txt"));
    assertThat(x86)
        .startsWith("# x86_64, CPython 3.12: what uv.lock installs there\n")
        .contains(
            "numpy==2.2.3 \\\n"
                + "    --hash=sha256:3c9d5b0d7b5cf4e1e63a2a0b4b1e07e3ff7a8d1a6a3e1b5d6d1e0c8cc4fcbc11 \\\n"
                + "    --hash=sha256:dbdc15f0c81611925f382dfa97b3bd0bc2c1ce19d4fe50482cb0ddc12ba30020\n")
        .contains("pytest==8.3.4", "rich==13.9.4")
        .endsWith(
            "helper @ file:libs/helper\n"
                + "tiny @ git+https://git.example.org/tiny.git@9f2c3b7a1d4e5f60718293a4b5c6d7e8f9a0b1c2\n");
    assertThat(Files.readString(dir.resolve("requirements-aarch64.txt"))).contains("numpy==2.1.3");
    assertThat(out.toString()).contains("requirements-aarch64.txt: 7 entries");
  }

  @Test
  void aLockThatCannotServeATargetIsAUsageError() {
    int code =
        run(
            "split",
            pylock.toString(),
            "--target",
            "x86_64",
            "--python",
            "3.10",
            "-o",
            temp.resolve("x").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(pylock + ":1:1: Python 3.10.0 of x86_64 cp310 manylinux_2_28 does not satisfy");
    assertThat(temp.resolve("x")).doesNotExist();
    assertThat(
            run("split", pylock.toString(), "--target", "x86_64", "-o", temp.toString(), "--extra"))
        .isEqualTo(2);
  }

  @Test
  void checkLocatesFindingsInTheLock() throws IOException {
    assertThat(run("check", "--hermeto", pylock.toString(), "--target", "x86_64")).isEqualTo(1);
    assertThat(out.toString()).contains(pylock + ":55:1: error:");
    assertThat(run("check", pylock.toString())).isZero();
    Path bad = temp.resolve("bad/pylock.toml");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "lock-version = '1.0'\ncreated-by = 'x'\n[[packages]]\nname = 'A'\n");
    assertThat(run("check", bad.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(bad + ":3:1: error: packages[0].name: name 'A' is not normalized [lock-file]");
  }

  @Test
  void diffComparesWhatEachTargetInstalls() {
    assertThat(
            run(
                "diff",
                "--only-differences",
                uvLock.toString(),
                "--target",
                "x86_64",
                "--target",
                "aarch64"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("numpy").contains("2.2.3").contains("2.1.3");
    assertThat(run("diff", uvLock.toString(), pylock.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is a lock file: give the targets (--target ARCH)");
  }

  @Test
  void planWritesTheRequirementsHermetoReads() throws IOException {
    Path index = Files.createDirectories(temp.resolve("index"));
    int code =
        run(
            "plan",
            uvLock.toString(),
            "--target",
            "x86_64",
            "--target",
            "aarch64",
            "--find-links",
            index.toString(),
            "--source",
            uvLock.getParent().toString(),
            "-o",
            uvLock.getParent().resolve("out").toString(),
            "--skip-missing-sdist",
            "--quiet");
    assertThat(code).as(err.toString()).isIn(0, 1);
    Path outDir = uvLock.getParent().resolve("out");
    assertThat(Files.readString(outDir.resolve("requirements-aarch64.txt")))
        .contains("numpy==2.1.3");
    // Hermeto reads the written files; findings point into the lock
    assertThat(Files.readString(outDir.resolve("plan.md")))
        .contains("| requirements | `" + outDir.resolve("requirements-x86_64.txt") + "` |")
        .contains("| pins | 6 | 6 |")
        .contains(uvLock + ":50:1: requirement 'helper @ file:libs/helper' is not pinned");
    assertThat(Files.readString(outDir.resolve("check.txt"))).contains(uvLock + ":");
  }

  @Test
  void auditReadsEveryTargetsPackages() throws IOException {
    Path index = Files.createDirectories(temp.resolve("index"));
    int code =
        run(
            "audit",
            pylock.toString(),
            "--target",
            "x86_64",
            "--target",
            "aarch64",
            "--find-links",
            index.toString(),
            "--format",
            "json",
            "--quiet");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("\"numpy\"", "\"2.2.3\"", "\"2.1.3\"", "\"certifi\"");
    assertThat(run("audit", pylock.toString(), "--find-links", index.toString())).isEqualTo(2);
  }

  @Test
  void exportWritesAPylockThatReadsBack() throws IOException {
    Path written = temp.resolve("export/pylock.toml");
    assertThat(run("export", uvLock.toString(), "-o", written.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).isEqualTo("wrote " + written + ": 7 packages\n");
    io.pyhermetic.lockfile.PylockFile back = io.pyhermetic.lockfile.PylockFile.read(written);
    assertThat(back.lock().environments()).hasSize(2);
    assertThat(Files.readString(written))
        .contains("marker = \"platform_machine == \\\"aarch64\\\"\"");
    Path again = temp.resolve("export/again/pylock.toml");
    assertThat(run("export", written.toString(), "-o", again.toString())).isZero();
    assertThat(Files.readString(again)).isEqualTo(Files.readString(written));
    Path reqs = temp.resolve("requirements.txt");
    Files.writeString(reqs, "attrs==25.1.0\n");
    assertThat(run("export", reqs.toString(), "-o", again.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("export reads a uv.lock or pylock.toml");
  }
}
