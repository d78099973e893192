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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void diffComparesOneUniversalFilePerTarget() throws IOException {
    Path merged = temp.resolve("universal.txt");
    assertThat(
            run("merge", "--mark-targets", x86.toString(), arm.toString(), "-o", merged.toString()))
        .isZero();
    assertThat(run("diff", "--only-differences", x86.toString(), arm.toString())).isZero();
    String pair = out.toString();
    assertThat(
            run(
                "diff",
                "--only-differences",
                merged.toString(),
                "--target",
                "x86_64",
                "--target",
                "aarch64"))
        .isZero();
    assertThat(out.toString()).isEqualTo(pair);
    assertThat(err.toString()).isEmpty();
    assertThat(run("diff", "--exit-code", merged.toString(), "--target", "amd64,arm64"))
        .isEqualTo(1);
  }

  @Test
  void diffPerTargetEvaluatesMarkersForThePythonGiven() throws IOException {
    Path file = temp.resolve("requirements.txt");
    Files.writeString(
        file,
        "numpy==2.0 ; platform_machine == 'x86_64'\n"
            + "numpy==1.26 ; platform_machine == 'aarch64'\n"
            + "tomli==2.0 ; python_version < '3.11'\n"
            + "attrs==24.2.0\n");
    assertThat(
            run(
                "diff",
                "--format",
                "markdown",
                file.toString(),
                "--target",
                "x86_64,aarch64",
                "--python",
                "3.10",
                "--glibc",
                "2.17"))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "| package | x86_64 | aarch64 | status |\n"
                + "|---|---|---|---|\n"
                + "| `attrs` | 24.2.0 | 24.2.0 | same |\n"
                + "| `numpy` | 2.0 | 1.26 | version |\n"
                + "| `tomli` | 2.0 | 2.0 | same |\n"
                + "\n"
                + "3 packages: 1 version, 2 same\n");
    assertThat(run("diff", "--format", "json", file.toString(), "--target", "x86_64,aarch64"))
        .isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("packages")).hasSize(2);
    assertThat(root.get("problems")).isEmpty();
  }

  @Test
  void diffPerTargetListsMarkersItCannotEvaluate() throws IOException {
    Path file = temp.resolve("requirements.txt");
    Files.writeString(file, "ok==1\ndev==2 ; extra == 'test'\n");
    assertThat(run("diff", file.toString(), "--target", "x86_64", "--target", "aarch64"))
        .isEqualTo(1);
    assertThat(out.toString())
        .startsWith("package  x86_64  aarch64  status\nok       1       1        same\n")
        .contains(file + ":2:1: error: the marker 'extra == \"test\"' uses extra")
        .endsWith("[marker-not-for-targets]\n");
    assertThat(err.toString())
        .isEqualTo(
            "1 entry left out of the comparison: its marker cannot be evaluated for the"
                + " targets\n");
    assertThat(run("diff", "--format", "json", file.toString(), "--target", "x86_64,aarch64"))
        .isEqualTo(1);
    JsonNode problem = new ObjectMapper().readTree(out.toString()).get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo(file.toString());
    assertThat(problem.get("line").asInt()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "U                                        | a diff needs two or more files, or one"
            + " marker-annotated file with --target ARCH…",
        "U X --target x86_64,aarch64              | --target compares one marker-annotated file"
            + " per target: give one FILE, not 2",
        "U --target x86_64,aarch64 --label a      | --label does not go with --target",
        "U --target x86_64 --target amd64         | --target needs two or more architectures to"
            + " compare, got x86_64",
        "U --target x86_64,sparc                  | --target sparc / --python 3.12 / --glibc 2.28:"
            + " unknown architecture 'sparc'",
        "U --target x86_64,aarch64 --python 2.7   | only CPython 3.8 and later are supported: 2.7",
        "U --target x86_64,aarch64 --glibc 2      | a libc version looks like 2.28: 2",
        "U X --python 3.11                        | --python describes the targets: it goes with"
            + " --target",
        "U X --glibc 2.17                         | --glibc describes the targets: it goes with"
            + " --target",
      })
  void diffPerTargetUsageErrors(String args, String message) throws IOException {
    Path universal = temp.resolve("u.txt");
    Files.writeString(universal, "a==1 ; platform_machine == 'x86_64'\n");
    List<String> argv = new ArrayList<>(List.of("diff"));
    for (String arg : args.split(" +")) {
      argv.add(arg.equals("U") ? universal.toString() : arg.equals("X") ? x86.toString() : arg);
    }
    assertThat(run(argv.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(out.toString()).isEmpty();
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
