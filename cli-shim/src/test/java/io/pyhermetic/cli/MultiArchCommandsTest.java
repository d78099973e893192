package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}, {@code merge} and {@code split} from the command line. */
class MultiArchCommandsTest {

  @TempDir Path temp;
  private StringWriter out;
  private StringWriter err;
  private Path x86;
  private Path arm;

  @BeforeEach
  void copyCorpus() throws IOException {
    x86 = copy("requirements-x86_64.txt");
    arm = copy("requirements-aarch64.txt");
  }

  private Path copy(String name) throws IOException {
    Path target = temp.resolve(name);
    try (InputStream in =
        getClass().getResourceAsStream("/io/pyhermetic/testdata/corpus/garak-2025-12/" + name)) {
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
  void diffPrintsAnAlignedTableAndHonoursExitCode() {
    assertThat(run("diff", "--only-differences", x86.toString(), arm.toString())).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).isEqualTo("package                   x86_64     aarch64  status");
    assertThat(lines[1]).isEqualTo("nvidia-cublas-cu12        12.8.4.1   -        only");
    assertThat(lines).hasSize(18);
    assertThat(lines[17]).isEqualTo("213 packages: 16 only, 197 same");
    assertThat(out.toString()).doesNotContain("\u001b[");
    assertThat(run("diff", "--exit-code", x86.toString(), arm.toString())).isEqualTo(1);
    assertThat(
            run(
                "diff",
                "--exit-code",
                x86.toString(),
                x86.toString(),
                "--label",
                "a",
                "--label",
                "b"))
        .isZero();
  }

  @Test
  void diffJsonAndMarkdown() throws IOException {
    assertThat(run("diff", "--format", "json", x86.toString(), arm.toString())).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("labels").toString()).isEqualTo("[\"x86_64\",\"aarch64\"]");
    assertThat(root.get("packages")).hasSize(213);
    JsonNode triton = null;
    for (JsonNode p : root.get("packages")) {
      if (p.get("name").asText().equals("triton")) {
        triton = p;
      }
    }
    assertThat(triton.get("status").asText()).isEqualTo("only");
    assertThat(triton.get("versions").get("aarch64").isNull()).isTrue();
    assertThat(root.get("summary").get("only").asInt()).isEqualTo(16);

    assertThat(
            run(
                "diff",
                "--format",
                "markdown",
                "--only-differences",
                x86.toString(),
                arm.toString()))
        .isZero();
    assertThat(out.toString())
        .startsWith(
            "| package | x86_64 | aarch64 | status |\n|---|---|---|---|\n| `nvidia-cublas-cu12` | 12.8.4.1 | - | only |\n");
  }

  @Test
  void diffUsageErrors() throws IOException {
    assertThat(run("diff", x86.toString())).isEqualTo(2);
    assertThat(run("diff", x86.toString(), arm.toString(), "--label", "only-one")).isEqualTo(2);
    assertThat(err.toString()).contains("give one per file");
    assertThat(run("diff", x86.toString(), x86.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("two files have the label 'x86_64'");
    Path bad = temp.resolve("requirements-s390x.txt");
    Files.writeString(bad, "ok==1\nfoo=1.0\n");
    assertThat(run("diff", x86.toString(), bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(bad + ":2:4: Invalid requirement: 'foo=1.0'");
  }

  @Test
  void mergeThenSplitRoundTrips() throws IOException {
    Path merged = temp.resolve("out/universal.txt");
    assertThat(
            run("merge", "--mark-targets", x86.toString(), arm.toString(), "-o", merged.toString()))
        .isZero();
    assertThat(out.toString()).isEqualTo("wrote " + merged + ": 213 entries from 2 files\n");
    assertThat(Files.readString(merged))
        .contains("triton==3.5.1 ; platform_machine == \"x86_64\" \\\n");
    Path dir = temp.resolve("split");
    assertThat(
            run(
                "split",
                merged.toString(),
                "--target",
                "x86_64",
                "--target",
                "aarch64",
                "-o",
                dir.toString()))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "wrote "
                + dir.resolve("requirements-x86_64.txt")
                + ": 213 entries\n"
                + "wrote "
                + dir.resolve("requirements-aarch64.txt")
                + ": 197 entries\n");
    assertThat(
            run(
                "diff",
                "--exit-code",
                arm.toString(),
                dir.resolve("requirements-aarch64.txt").toString(),
                "--label",
                "orig",
                "--label",
                "split"))
        .isZero();
  }

  @Test
  void mergeConflictsWriteNothing() throws IOException {
    Path a = temp.resolve("a.txt");
    Path b = temp.resolve("b.txt");
    Files.writeString(a, "foo==1.0\n");
    Files.writeString(b, "foo==2.0\n");
    Path target = temp.resolve("merged.txt");
    assertThat(run("merge", a.toString(), b.toString(), "-o", target.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "foo is pinned to different versions: 1.0 at "
                + a
                + ":1:1; 2.0 at "
                + b
                + ":1:1 [version-conflict]");
    assertThat(target).doesNotExist();
    assertThat(
            run(
                "merge",
                "--keep-all-versions",
                a.toString(),
                b.toString(),
                "-o",
                target.toString()))
        .isZero();
    assertThat(Files.readString(target)).endsWith("foo==1.0\nfoo==2.0\n");
  }

  @Test
  void splitRejectsUnknownTargetsAndExtraMarkers() throws IOException {
    Path file = temp.resolve("u.txt");
    Files.writeString(file, "a==1 ; extra == 'dev'\n");
    assertThat(run("split", file.toString(), "--target", "sparc", "-o", temp.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown architecture 'sparc'");
    assertThat(
            run("split", file.toString(), "--target", "x86_64", "-o", temp.resolve("o").toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains(file + ":1:1: error: the marker")
        .contains("[marker-not-for-targets]");
    assertThat(temp.resolve("o")).doesNotExist();
  }
}
