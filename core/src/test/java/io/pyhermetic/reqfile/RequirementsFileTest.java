package io.pyhermetic.reqfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Vectors;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementsFileTest {

  @TempDir Path temp;

  private static final RequirementsFileParser PARSER =
      new RequirementsFileParser().withEnvironment(Map.of("TOKEN", "secret"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garak-2025-12/requirements-x86_64.txt",
        "garak-2025-12/requirements-aarch64.txt",
        "garak-2025-12/requirements-build.txt",
        "oracle-samples/pip-compile-hashes.txt"
      })
  void roundTripsTheCorpusByteForByte(String name) {
    byte[] original = CorpusFiles.bytes(name);
    RequirementsFile file = PARSER.parse(CorpusFiles.path(name));
    assertThat(file.toBytes()).isEqualTo(original);
    // an edit that reparses keeps every byte too
    RequirementsFile same = file.withEntryText(file.entries().get(0), file.entries().get(0).text());
    assertThat(same.toBytes()).isEqualTo(original);
  }

  @Test
  void roundTripsEveryOracleSampleThatPipAccepts() throws IOException {
    int checked = 0;
    for (Vectors.Case c : Vectors.loadResource("/io/pyhermetic/testdata/reqfile/req-cases.jsonl")) {
      JsonNode input = c.node().get("case");
      byte[] bytes =
          input.has("content_b64")
              ? Base64.getDecoder().decode(input.get("content_b64").asText())
              : input.path("content").asText("").getBytes(StandardCharsets.UTF_8);
      Path dir = Files.createDirectories(temp.resolve("rt" + checked));
      Path file = dir.resolve("requirements.txt");
      Files.write(file, bytes);
      RequirementsFile parsed;
      try {
        parsed = PARSER.withWorkingDirectory(dir).parse(file);
      } catch (RequirementsFileException e) {
        continue; // includes and paths the case needs are not written here
      }
      assertThat(parsed.toBytes()).as(input.get("id").asText()).isEqualTo(bytes);
      if (!parsed.entries().isEmpty()) {
        Entry first = parsed.entries().get(0);
        assertThat(parsed.withEntryText(first, first.text()).toBytes())
            .as("edited " + input.get("id").asText())
            .isEqualTo(bytes);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void editsKeepUntouchedTextAsIs() {
    String text =
        "# header\r\n"
            + "alpha==1.0 \\\r\n"
            + "    --hash=sha256:aa\r\n"
            + "    # via gamma\r\n"
            + "beta==2.0  # keep this comment\r\n"
            + "gamma[x]==3.0 ; python_version >= \"3.9\"\r\n";
    RequirementsFile file = PARSER.parse(text, "requirements.txt");
    Entry alpha = file.entries().get(0);
    assertThat(alpha.via()).containsExactly("gamma");
    assertThat(alpha.annotationText()).isEqualTo("    # via gamma\r\n");

    RequirementsFile withoutAlpha = file.without(alpha);
    assertThat(withoutAlpha.text())
        .isEqualTo(
            "# header\r\nbeta==2.0  # keep this comment\r\ngamma[x]==3.0 ; python_version >= \"3.9\"\r\n");

    Entry gamma = file.entries().get(2);
    RequirementsFile repinned =
        file.withPin(gamma, Version.parse("3.1"), Map.of("sha256", List.of("bb", "cc")));
    assertThat(repinned.text())
        .isEqualTo(
            "# header\r\nalpha==1.0 \\\r\n    --hash=sha256:aa\r\n    # via gamma\r\n"
                + "beta==2.0  # keep this comment\r\n"
                + "gamma[x]==3.1 ; python_version >= \"3.9\" \\\r\n    --hash=sha256:bb \\\r\n"
                + "    --hash=sha256:cc\r\n");
    Entry repinnedGamma = repinned.entries(ProjectName.of("gamma")).get(0);
    assertThat(repinnedGamma.pinnedVersion()).contains(Version.parse("3.1"));
    assertThat(repinnedGamma.hashes()).containsEntry("sha256", List.of("bb", "cc"));
    assertThat(repinnedGamma.marker()).map(Object::toString).contains("python_version >= \"3.9\"");
  }

  @Test
  void writerReproducesTheCorpusBuildFile() {
    String name = "garak-2025-12/requirements-build.txt";
    RequirementsFile file = PARSER.parse(CorpusFiles.path(name));
    String written =
        RequirementsWriter.pipCompileStyle()
            .withHeader(
                RequirementsWriter.pipCompileHeader(
                    "3.12",
                    "pybuild-deps compile --generate-hashes --output-file=requirements-build.txt requirements-x86_64.txt"))
            .write(RequirementsWriter.itemsOf(file.entries()));
    assertThat(written).isEqualTo(new String(CorpusFiles.bytes(name), StandardCharsets.UTF_8));
  }

  @Test
  void writerOrdersAndAnnotates() {
    RequirementsFile file =
        PARSER.parse(
            "zeta==9.0\nalpha==10.0 --hash=sha256:ff --hash=sha256:00\n    # via\n    #   b\n    #   a\nalpha==9.0\nsetuptools==80.0\n",
            "in.txt");
    List<RequirementsWriter.Item> items = RequirementsWriter.itemsOf(file.entries());
    assertThat(RequirementsWriter.pipCompileStyle().write(items))
        .isEqualTo(
            "alpha==10.0 \\\n    --hash=sha256:00 \\\n    --hash=sha256:ff\n    # via\n    #   a\n    #   b\n"
                + "alpha==9.0\nzeta==9.0\n\n"
                + "# The following packages are considered to be unsafe in a requirements file:\n"
                + "setuptools==80.0\n");
    assertThat(
            RequirementsWriter.pipCompileStyle()
                .withOrder(RequirementsWriter.Order.NAME_THEN_VERSION)
                .withAnnotations(false)
                .write(items))
        .startsWith("alpha==9.0\nalpha==10.0 \\\n");
    assertThat(RequirementsWriter.pipCompileStyle().write(List.of())).isEqualTo("\n");
  }

  @Test
  void writesAtomically() throws IOException {
    Path target = temp.resolve("out/requirements-build.txt");
    AtomicFiles.write(target, "a==1\n".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "b==2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("b==2\n");
    assertThat(Files.list(target.getParent())).hasSize(1);
  }

  @Test
  void followsIncludesAndReportsCycles() throws IOException {
    Files.writeString(temp.resolve("a.txt"), "-r sub/b.txt\nalpha==1\n");
    Files.createDirectories(temp.resolve("sub"));
    Files.writeString(temp.resolve("sub/b.txt"), "beta==2\n-c ../c.txt\n");
    Files.writeString(temp.resolve("c.txt"), "gamma==3\n");
    RequirementsFile a = PARSER.parse(temp.resolve("a.txt"));
    assertThat(a.allEntries())
        .extracting(Entry::requirementText)
        .containsExactly("beta==2", "gamma==3", "alpha==1");
    assertThat(a.allEntries().get(1).isConstraint()).isTrue();
    assertThat(a.entries()).hasSize(1);

    Files.writeString(temp.resolve("c.txt"), "-r a.txt\n");
    assertThatThrownBy(() -> PARSER.parse(temp.resolve("a.txt")))
        .isInstanceOfSatisfying(
            RequirementsFileException.class,
            e -> {
              assertThat(e.reason())
                  .startsWith("include cycle: ")
                  .contains("a.txt -> ")
                  .contains("b.txt -> ")
                  .contains("c.txt -> ");
              assertThat(e.location().source()).endsWith("c.txt");
              assertThat(e.location().line()).isEqualTo(1);
            });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'foo=1.0'                              | 1 | 4  | Invalid requirement: 'foo=1.0': Expected semicolon",
        "'ok==1\\nfoo=1.0'                      | 2 | 4  | Hint: = is not a valid operator. Did you mean == ?",
        "'ok==1 \\\\\\n    --hash=md5:abc'     | 2 | 5  | Allowed hash algorithms for --hash are sha256, sha384, sha512.",
        "'--bogus'                              | 1 | 1  | no such option: --bogus",
        "'foo --hash'                           | 1 | 5  | --hash option requires 1 argument",
        "'--req x.txt'                          | 1 | 1  | ambiguous option: --req (--require-hashes, --requirement?)",
        "'-e git+https://x/y.git'               | 1 | 1  | Could not detect requirement name",
        "'-r missing.txt'                       | 1 | 1  | Could not open requirements file: [Errno 2] No such file or directory",
        "'foo; os_name =< \"x\"'                | 1 | 14 | Invalid requirement: 'foo': Expected marker operator",
        "'--use-feature=nope'                   | 1 | 1  | option --use-feature: invalid choice: 'nope'",
        "'https://example.com/notawheel.whl'    | 1 | 1  | notawheel.whl is not a valid wheel filename.",
        "'--trusted-host https://h/x'           | 1 | 1  | --trusted-host takes a host or host:port, not a URL",
        "'a==1\\nb==2 \\\\\\n  c==3 d'          | 3 | 3  | Invalid requirement: 'b==2   c==3 d'",
      })
  void reportsErrorsWithLineColumnAndPipsWording(
      String content, int line, int column, String message) {
    String text = content.replace("\\n", "\n").replace("\\\\", "\\");
    assertThatThrownBy(
            () ->
                PARSER
                    .withWorkingDirectory(temp)
                    .parse(text, temp.resolve("requirements.txt").toString()))
        .isInstanceOfSatisfying(
            RequirementsFileException.class,
            e -> {
              assertThat(e.reason()).as(e.getMessage()).contains(message);
              assertThat(e.location().line()).as(e.getMessage()).isEqualTo(line);
              assertThat(e.location().column()).as(e.getMessage()).isEqualTo(column);
            });
  }

  @Test
  void decodesBomsCodingLinesAndRejectsBadBytesWithALocation() throws IOException {
    Path utf16 = temp.resolve("utf16.txt");
    byte[] body = "foo==1\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);
    Files.write(utf16, withBom);
    RequirementsFile parsed = PARSER.parse(utf16);
    assertThat(parsed.entries()).extracting(Entry::requirementText).containsExactly("foo==1");
    assertThat(parsed.toBytes()).isEqualTo(withBom);
    assertThat(parsed.withEntryText(parsed.entries().get(0), "bar==2\n").toBytes())
        .startsWith((byte) 0xFF, (byte) 0xFE, (byte) 'b', (byte) 0);

    Path latin1 = temp.resolve("latin1.txt");
    Files.write(
        latin1,
        "# -*- coding: latin-1 -*-\nfoo # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(PARSER.parse(latin1).entries()).hasSize(1);

    Path bad = temp.resolve("bad.txt");
    Files.write(bad, new byte[] {'o', 'k', '\n', 'f', 'o', 'o', ' ', '#', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> PARSER.parse(bad))
        .isInstanceOfSatisfying(
            RequirementsFileException.class,
            e -> {
              assertThat(e.location().line()).isEqualTo(2);
              assertThat(e.location().column()).isEqualTo(6);
              assertThat(e.reason()).contains("cannot decode the file as UTF-8: invalid byte 0xe9");
            });
  }

  @Test
  void expandsVariablesFromTheGivenEnvironmentOnly() {
    RequirementsFile file =
        PARSER.parse("--index-url https://${TOKEN}@example.com/simple\nfoo==1\n", "r.txt");
    assertThat(file.options().indexUrls()).containsExactly("https://secret@example.com/simple");
    assertThat(file.warnings()).isEmpty();
    // an unset variable stays as written, as in pip, and is then not a valid version
    assertThatThrownBy(() -> PARSER.parse("foo==${VERSION}\n", "r.txt"))
        .isInstanceOf(RequirementsFileException.class)
        .hasMessageContaining("'foo==${VERSION}'");
  }
}
