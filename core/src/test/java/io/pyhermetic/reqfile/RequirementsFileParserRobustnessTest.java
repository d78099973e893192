package io.pyhermetic.reqfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pyhermetic.testdata.Gen;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
