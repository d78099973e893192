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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path corpus(String name) throws IOException {
    Path target = temp.resolve(name);
    try (InputStream in =
        getClass().getResourceAsStream("/io/pyhermetic/testdata/corpus/garak-2025-12/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void cleanCorpusFilesExitZero() throws IOException {
    Path x86 = corpus("requirements-x86_64.txt");
    Path arm = corpus("requirements-aarch64.txt");
    Path build = corpus("requirements-build.txt");
    assertThat(run("check", "--hermeto", x86.toString(), arm.toString(), build.toString()))
        .isZero();
    assertThat(out.toString()).isEqualTo("3 files, 449 entries: 0 errors, 0 warnings\n");
  }

  @Test
  void reportsEveryProblemOneLineEachAndExitsOne() throws IOException {
    Path file = temp.resolve("requirements.txt");
    Files.writeString(
        file,
        "requests>=2.0\n"
            + "--extra-index-url https://user:secret@mirror.example/simple\n"
            + "attrs==23.1.0 ; python_version >= '3.8'\n");
    assertThat(run("check", "--hermeto", file.toString())).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith(file + ":1:1: error: ").endsWith("[unpinned]"))
        .anySatisfy(
            l -> assertThat(l).startsWith(file + ":2:1: error: ").endsWith("[unsupported-option]"))
        .anySatisfy(l -> assertThat(l).startsWith(file + ":3:1: warning: ").endsWith("[marker]"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 file, 2 entries: 2 errors, 1 warning");
    assertThat(out.toString()).doesNotContain("secret");
  }

  @Test
  void pipRejectionsAreLocatedErrors() throws IOException {
    Path file = temp.resolve("r.txt");
    Files.writeString(file, "ok==1\nfoo=1.0\n");
    assertThat(run("check", file.toString())).isEqualTo(1);
    assertThat(out.toString())
        .startsWith(file + ":2:4: error: Invalid requirement: 'foo=1.0': ")
        .contains("Hint: = is not a valid operator. Did you mean == ? [pip]\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void jsonHasTheDocumentedKeys() throws IOException {
    Path file = temp.resolve("r.txt");
    Files.writeString(
        file,
        "--index-url https://tok@idx.example/simple\nFoo.Bar[x]==1.0 ; os_name == 'posix' --hash=sha256:aa\n    # via baz\n");
    assertThat(run("check", "--format", "json", file.toString())).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode entry = root.get("files").get(0).get("entries").get(0);
    assertThat(root.get("files").get(0).get("path").asText()).isEqualTo(file.toString());
    List<String> keys = new ArrayList<>();
    entry.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .contains(
            "line",
            "name",
            "canonical_name",
            "specifier",
            "version",
            "extras",
            "marker",
            "url",
            "editable",
            "hashes");
    assertThat(entry.get("line").asInt()).isEqualTo(2);
    assertThat(entry.get("canonical_name").asText()).isEqualTo("foo-bar");
    assertThat(entry.get("version").asText()).isEqualTo("1.0");
    assertThat(entry.get("marker").asText()).isEqualTo("os_name == \"posix\"");
    assertThat(entry.get("url").isNull()).isTrue();
    assertThat(entry.get("hashes").get("sha256").get(0).asText()).isEqualTo("aa");
    assertThat(entry.get("via").get(0).asText()).isEqualTo("baz");
    JsonNode options = root.get("files").get(0).get("options");
    assertThat(options.get("index_urls").get(0).asText())
        .isEqualTo("https://***@idx.example/simple");
    assertThat(root.get("diagnostics").isArray()).isTrue();
    assertThat(root.get("summary").get("entries").asInt()).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("tok@");
  }

  @Test
  void warnsAboutTextPipSilentlyDrops() throws IOException {
    Path file = temp.resolve("r.txt");
    Files.writeString(file, "foo==1.0 --hash=sha256:aa ; os_name == 'posix'\n");
    assertThat(run("check", file.toString())).isZero();
    assertThat(out.toString())
        .startsWith(file + ":1:27: warning: pip ignores '; os_name == posix' after the options")
        .contains("[ignored-arguments]");
  }

  @Test
  void sameInputGivesTheSameBytes() throws IOException {
    Path file = corpus("requirements-build.txt");
    run("check", "--format", "json", file.toString());
    String first = out.toString();
    out.getBuffer().setLength(0);
    run("check", "--format", "json", file.toString());
    assertThat(out.toString()).isEqualTo(first);
  }

  @Test
  void missingFileIsAUsageError() {
    assertThat(run("check", temp.resolve("nope.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read").contains("no such file");
    assertThat(out.toString())
        .isEqualTo("1 file (1 unreadable), 0 entries: 0 errors, 0 warnings\n");
  }

  @Test
  void everyFileIsReportedEvenAfterOneThatCannotBeRead() throws IOException {
    Path missing = temp.resolve("nope.txt");
    Path binary = Files.write(temp.resolve("bin.whl"), new byte[] {'P', 'K', 3, 4, 0, 0});
    Path bad = Files.writeString(temp.resolve("bad.txt"), "foo==1\nnot a requirement!\n");
    Path good = Files.writeString(temp.resolve("good.txt"), "bar==2\n");
    String[] files = {missing.toString(), bad.toString(), binary.toString(), good.toString()};
    assertThat(run(concat("check", files))).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "pyhermetic check: cannot read "
                + missing
                + ": no such file\n"
                + "pyhermetic check: cannot read "
                + binary
                + ": not a text file (it holds binary data)\n");
    assertThat(out.toString())
        .startsWith(bad + ":2:")
        .endsWith("4 files (2 unreadable), 1 entry: 1 error, 0 warnings\n");

    out.getBuffer().setLength(0);
    assertThat(run(concat("check", concat("--format", concat("json", files))))).isEqualTo(2);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("files")).hasSize(4);
    assertThat(root.path("files").get(0).path("unreadable").asText()).isEqualTo("no such file");
    assertThat(root.path("files").get(3).path("unreadable").isNull()).isTrue();
    assertThat(root.path("files").get(3).path("entries")).hasSize(1);
    assertThat(root.path("diagnostics")).hasSize(1);
    assertThat(root.path("summary").path("unreadable").asInt()).isEqualTo(2);
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("check")).isEqualTo(2);
    assertThat(run("check", "--format", "yaml", "x.txt")).isEqualTo(2);
    assertThat(err.toString()).contains("expected one of [text, json]");
  }

  @Test
  void environmentExpansionCanBePinned() throws IOException {
    Path file = temp.resolve("r.txt");
    Files.writeString(file, "foo==${VERSION}\n");
    assertThat(run("check", "--env", "VERSION=1.2", file.toString())).isZero();
    assertThat(run("check", "--env", "OTHER=1", file.toString())).isEqualTo(1);
  }

  @Test
  void anIncludeThatCannotBeReadIsAUsageErrorAtItsLine() throws IOException {
    Path file = Files.writeString(temp.resolve("r.txt"), "foo==1\n-r /dev/zero\n");
    assertThat(run("check", "--hermeto", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "pyhermetic check: cannot read "
                + file
                + ": "
                + file
                + ":2:1: Could not open requirements file: '/dev/zero' is not a readable file\n");
    assertThat(out.toString())
        .isEqualTo("1 file (1 unreadable), 0 entries: 0 errors, 0 warnings\n");
  }

  @Test
  void controlCharactersAndCredentialsNeverReachTheTerminal() throws IOException {
    Path file =
        Files.writeString(
            temp.resolve("r.txt"),
            "pkg==${PYHERMETIC_INDEX_TOKEN}\nfoo==1 ; os_name == \"\u001b[2J\" and \u0007\n");
    String[] args = {"check", "--env", "PYHERMETIC_INDEX_TOKEN=planted-s3cr3t", file.toString()};
    assertThat(run(args)).isEqualTo(1);
    assertThat(out.toString())
        .doesNotContain("planted-s3cr3t", "\u001b", "\u0007")
        .contains("'pkg==${PYHERMETIC_INDEX_TOKEN}'");
  }
}
