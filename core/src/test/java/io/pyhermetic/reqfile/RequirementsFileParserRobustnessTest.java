package io.pyhermetic.reqfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pyhermetic.testdata.Gen;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the bytes, {@link RequirementsFileParser} either returns a model or throws {@link
 * RequirementsFileException} with a location inside the input; it never loops and stays linear on
 * inputs built to trip backtracking or repeated scans.
 */
class RequirementsFileParserRobustnessTest {

  private static final int CASES = 120_000;
  private static final RequirementsFileParser PARSER =
      new RequirementsFileParser().withEnvironment(Map.of("TOKEN", "x"));

  private static final List<String> TOKENS =
      List.of(
          "foo",
          "==",
          "1.0",
          " ",
          "\t",
          "\\",
          "\n",
          "\r\n",
          "#",
          " #",
          ";",
          "; ",
          "[",
          "]",
          ",",
          "(",
          ")",
          "@",
          "https://e.com/p-1.0-py3-none-any.whl",
          "git+https://e.com/r.git#egg=r",
          "--hash=sha256:aa",
          "--hash",
          "sha256:bb",
          "-e",
          "-r",
          "-c",
          "--index-url",
          "-i",
          "--no-binary",
          ":all:",
          "--only-binary=:none:",
          "--pre",
          "--use-feature",
          "--config-settings",
          "k=v",
          "'",
          "\"",
          "${TOKEN}",
          "${NOPE}",
          "python_version",
          "<",
          "'3.8'",
          "and",
          "or",
          "extra",
          "not",
          "in",
          "./dir",
          "x.zip",
          "file:../x.tar.gz",
          "\u00a0",
          "\u2028",
          "\f",
          "\u0000",
          "é",
          "\ud83d\ude00",
          "-",
          "--",
          "=",
          "~=",
          "===",
          "*",
          ".*",
          "+local");

  @Test
  void onlyRequirementsFileExceptionsEscape() {
    Gen gen = Gen.seeded("reqfile-fuzz");
    List<String> corpusLines = new ArrayList<>();
    for (String name :
        List.of(
            "garak-2025-12/requirements-x86_64.txt",
            "garak-2025-12/requirements-build.txt",
            "oracle-samples/pip-compile-hashes.txt")) {
      new String(CorpusFiles.bytes(name), StandardCharsets.UTF_8)
          .lines()
          .limit(400)
          .forEach(corpusLines::add);
    }
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] input;
      int kind = i % 3;
      if (kind == 0) {
        input = randomBytes(gen);
      } else if (kind == 1) {
        input = randomTokens(gen).getBytes(StandardCharsets.UTF_8);
      } else {
        StringBuilder text = new StringBuilder();
        int lines = 1 + gen.nextInt(4);
        for (int k = 0; k < lines; k++) {
          String line = gen.pick(corpusLines);
          text.append(gen.chance(0.8) ? gen.mutate(line, "=<>~!;#\\ \t[]@-:.,'\"$") : line)
              .append('\n');
        }
        input = text.toString().getBytes(StandardCharsets.UTF_8);
      }
      try {
        RequirementsFile parsed = PARSER.parse(input, "fuzz.txt");
        parsed.allEntries().forEach(e -> e.toString());
        parsed.options();
        parsed.toBytes();
        accepted++;
      } catch (RequirementsFileException e) {
        rejected++;
        assertThat(e.location().line()).isPositive();
        assertThat(e.location().column()).isPositive();
      } catch (RuntimeException | StackOverflowError e) {
        fail("parser threw %s on %s (seed %d)", e, printable(input), gen.seed(), e);
      }
    }
    assertThat(accepted).isGreaterThan(CASES / 10);
    assertThat(rejected).isGreaterThan(CASES / 10);
  }

  @Test
  void pathologicalInputsStayLinear() {
    List<String> inputs =
        List.of(
            "\\\n".repeat(200_000),
            "#".repeat(1_000_000),
            "a #".repeat(300_000),
            "foo ".repeat(250_000) + "\n",
            "foo --hash=sha256:aa".repeat(50_000) + "\n",
            "x" + "[".repeat(500_000) + "]\n",
            "./p" + "[a".repeat(300_000) + "]\n",
            "foo; " + "(".repeat(100_000) + "\n",
            "foo; " + "os_name == 'a' and ".repeat(50_000) + "os_name == 'a'\n",
            "${TOKEN}".repeat(200_000) + "\n",
            "foo==1 \\\n    --hash=sha256:aa \\\n".repeat(100_000),
            "-r" + "\\".repeat(200_000) + "\n",
            "'".repeat(300_000) + "\n",
            "foo==1.0" + ".0".repeat(300_000) + "\n");
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (String input : inputs) {
            try {
              PARSER.parse(input, "big.txt");
            } catch (RequirementsFileException expected) {
              // rejecting is fine; hanging or overflowing the stack is not
            }
          }
        });
  }

  @TempDir Path temp;

  static Stream<Arguments> unreadableIncludes() {
    return Stream.of(
        Arguments.of("/dev/zero", "is not a readable file"),
        Arguments.of("/dev/urandom", "is not a readable file"),
        Arguments.of("fifo", "is not a readable file"),
        Arguments.of("binary.bin", "is not a text file (it holds binary data)"),
        Arguments.of("huge.txt", "is too large (the limit for a requirements file is 128 MiB)"),
        Arguments.of("dir", "[Errno 21] Is a directory"),
        Arguments.of("missing.txt", "[Errno 2] No such file or directory"));
  }

  /** An included file gets the checks of the file given: never opened if it could block. */
  @ParameterizedTest(name = "-r {0}")
  @MethodSource("unreadableIncludes")
  void anUnreadableIncludeIsALocatedError(String target, String why) throws Exception {
    Files.write(temp.resolve("binary.bin"), new byte[] {'a', 0, 'b'});
    try (RandomAccessFile huge = new RandomAccessFile(temp.resolve("huge.txt").toFile(), "rw")) {
      huge.setLength(TextFiles.MAX_BYTES + 1); // sparse: costs no disk
    }
    Files.createDirectories(temp.resolve("dir"));
    if (target.equals("fifo")) {
      assumeTrue(
          new ProcessBuilder("mkfifo", temp.resolve("fifo").toString()).start().waitFor() == 0);
    }
    assumeTrue(!target.startsWith("/dev/") || Files.exists(Path.of(target)));
    Path top = Files.writeString(temp.resolve("top.txt"), "foo==1\n  -r " + target + "\n");
    assertThatThrownBy(
            () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PARSER.parse(top)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith(top + ":2:3: Could not open requirements file: ")
        .hasMessageContaining(why);
  }

  @Test
  void includesNestDeeplyWithoutTheStackAndStopAtTheDocumentedDepth() throws Exception {
    // the chain goes on past the limit: only the files up to it are ever opened
    int files = 2 * RequirementsFileParser.MAX_INCLUDE_DEPTH;
    for (int i = 0; i < files; i++) {
      Files.writeString(temp.resolve("r" + i + ".txt"), "p" + i + "==1\n-r r" + (i + 1) + ".txt\n");
    }
    Files.writeString(temp.resolve("r" + files + ".txt"), "last==1\n");
    int limit = RequirementsFileParser.MAX_INCLUDE_DEPTH;
    Path deepest = temp.resolve("r" + (limit - 1) + ".txt");
    assertThatThrownBy(() -> PARSER.parse(temp.resolve("r0.txt")))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith(deepest + ":2:1: Could not open requirements file:")
        .hasMessageContaining("includes nested deeper than " + limit + " files");
    // a chain just within the limit is read whole
    Files.writeString(temp.resolve("r" + (limit - 1) + ".txt"), "last==1\n");
    assertThat(PARSER.parse(temp.resolve("r0.txt")).allEntries()).hasSize(limit);
  }

  @Test
  void includesRepeatedAtEveryLevelStopAtTheFileCount() throws Exception {
    for (int i = 0; i < 40; i++) {
      Files.writeString(
          temp.resolve("d" + i + ".txt"), ("-r d" + (i + 1) + ".txt\n").repeat(2) + "a==1\n");
    }
    Files.writeString(temp.resolve("d40.txt"), "b==1\n");
    assertThatThrownBy(() -> PARSER.parse(temp.resolve("d0.txt")))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining(
            "more than " + RequirementsFileParser.MAX_INCLUDED_FILES + " files included in all");
  }

  static Stream<Arguments> secretsInMessages() {
    return Stream.of(
        Arguments.of("pkg==${PYHERMETIC_INDEX_TOKEN}\n", "${PYHERMETIC_INDEX_TOKEN}"),
        Arguments.of("pkg ${MY_PASSWORD}\n", "${MY_PASSWORD}"),
        Arguments.of("foo; os_name == '${API_KEY}' and\n", "${API_KEY}"),
        Arguments.of("--trusted-host=${AUTH_SECRET}/x\n", "${AUTH_SECRET}"),
        Arguments.of("-r env.txt\n", "PYHERMETIC_INDEX_TOKEN=***"),
        Arguments.of("-r environ.bin\n", "not a text file"));
  }

  /** Neither an expanded credential nor a credential line of an included file is ever shown. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("secretsInMessages")
  void credentialsNeverReachAMessage(String content, String shownInstead) throws Exception {
    String secret = "planted-s3cr3t-42";
    Map<String, String> env =
        Map.of(
            "PYHERMETIC_INDEX_TOKEN", secret,
            "MY_PASSWORD", secret,
            "API_KEY", secret,
            "AUTH_SECRET", secret);
    Files.writeString(
        temp.resolve("env.txt"), "PYHERMETIC_INDEX_TOKEN=" + secret + "\nHOME=/root\n");
    Files.write(
        temp.resolve("environ.bin"),
        ("HOME=/root\0PYHERMETIC_INDEX_TOKEN=" + secret + "\0").getBytes(StandardCharsets.UTF_8));
    Path file = Files.writeString(temp.resolve("req.txt"), content);
    assertThatThrownBy(() -> new RequirementsFileParser().withEnvironment(env).parse(file))
        .isInstanceOf(RequirementsFileException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains(shownInstead));
  }

  @Test
  void aCredentialInAWarningIsNotShown() {
    RequirementsFile parsed =
        new RequirementsFileParser()
            .withEnvironment(Map.of("INDEX_TOKEN", "planted-s3cr3t"))
            .parse("foo==1 --pre extra${INDEX_TOKEN}\n", "r.txt");
    assertThat(parsed.warnings()).isNotEmpty();
    assertThat(parsed.warnings().toString())
        .doesNotContain("planted-s3cr3t")
        .contains("${INDEX_TOKEN}");
  }

  @Test
  void controlCharactersAreEscapedInContextLinesAndTheCaretFollows() {
    String line = "foo==1 ; python_version > \"3\u001b[31m\" and \u0007";
    assertThatThrownBy(() -> PARSER.parse(line + "\n", "r.txt"))
        .isInstanceOf(RequirementsFileException.class)
        .satisfies(
            e -> {
              String message = e.getMessage();
              assertThat(message).doesNotContain("\u001b", "\u0007").contains("3\\x1b[31m");
              String[] lines = message.split("\n");
              String context = lines[lines.length - 2];
              String caret = lines[lines.length - 1];
              // the caret points at the escaped BEL, the character packaging points at
              assertThat(context.substring(caret.length() - 1)).startsWith("\\x07");
            });
  }

  /** Found by fuzzing: a find-links value that is no path on this system is kept as written. */
  @Test
  void aFindLinksValueThatIsNoPathIsKeptAsWritten() {
    byte[] input = "\uFEFF--find \u0000/wheels\n".getBytes(StandardCharsets.UTF_8);
    RequirementsFile parsed = PARSER.parse(input, "r.txt");
    assertThat(parsed.options().findLinks()).containsExactly("\u0000/wheels");
  }

  @Test
  void aVeryLongLineIsNotEchoedInFull() {
    String line = "x".repeat(100_000) + " y\n";
    assertThatThrownBy(() -> PARSER.parse(line, "r.txt"))
        .isInstanceOf(RequirementsFileException.class)
        .satisfies(
            e -> assertThat(e.getMessage()).hasSizeLessThan(3_000).contains("more characters)"));
  }

  private static byte[] randomBytes(Gen gen) {
    byte[] bytes = new byte[gen.nextInt(80)];
    gen.random().nextBytes(bytes);
    if (gen.chance(0.2) && bytes.length > 2) {
      bytes[0] = (byte) 0xFF;
      bytes[1] = (byte) 0xFE;
    }
    return bytes;
  }

  private static String randomTokens(Gen gen) {
    StringBuilder out = new StringBuilder();
    int count = gen.nextInt(25);
    for (int i = 0; i < count; i++) {
      out.append(gen.pick(TOKENS));
    }
    return out.toString();
  }

  private static String printable(byte[] input) {
    StringBuilder out = new StringBuilder();
    for (byte b : input) {
      int c = b & 0xff;
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return out.toString();
  }
}
