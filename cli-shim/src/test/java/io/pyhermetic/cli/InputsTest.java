package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command reports an input it cannot read (missing, a directory, binary data) and a missing
 * directory argument alike: exit code 2 and one clear line.
 */
class InputsTest {

  @TempDir Path temp;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(temp.resolve("ok.txt"), "foo==1\n", StandardCharsets.UTF_8);
    // the start of a wheel: a zip header with NUL bytes
    Files.write(
        temp.resolve("bin.whl"),
        new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, (byte) 0xb4, 0x5a, 0, 0, 'x'});
    Files.createDirectories(temp.resolve("dir"));
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** {@code args} with {@code @name} made a path in the temporary directory. */
  private String[] resolved(String... args) {
    return Arrays.stream(args)
        .map(a -> a.startsWith("@") ? temp.resolve(a.substring(1)).toString() : a)
        .toArray(String[]::new);
  }

  private static final String BINARY = ": not a text file (it holds binary data)";
  private static final String MISSING = ": no such file";
  private static final String DIRECTORY = ": a directory, not a file";

  static Stream<Arguments> unreadableInputs() {
    return Stream.of(
        Arguments.of("check @bin.whl", "cannot read @bin.whl" + BINARY),
        Arguments.of("check @nope.txt", "cannot read @nope.txt" + MISSING),
        Arguments.of("check @dir", "cannot read @dir" + DIRECTORY),
        Arguments.of("diff @ok.txt @bin.whl", "cannot read @bin.whl" + BINARY),
        Arguments.of("diff @ok.txt @nope.txt", "cannot read @nope.txt" + MISSING),
        Arguments.of("merge @bin.whl @ok.txt -o @m.txt", "cannot read @bin.whl" + BINARY),
        Arguments.of("merge @ok.txt @dir -o @m.txt", "cannot read @dir" + DIRECTORY),
        Arguments.of("split @bin.whl --target x86_64 -o @split", "cannot read @bin.whl" + BINARY),
        Arguments.of(
            "split @nope.txt --target x86_64 -o @split", "cannot read @nope.txt" + MISSING),
        Arguments.of(
            "build-deps @bin.whl -o @b.txt --find-links @dir", "cannot read @bin.whl" + BINARY),
        Arguments.of(
            "build-deps @ok.txt -o @b.txt --find-links @dir -c @bin.whl",
            "cannot read @bin.whl" + BINARY),
        Arguments.of(
            "build-deps @ok.txt -o @b.txt --find-links @nodir",
            "--find-links @nodir: no such directory"),
        Arguments.of(
            "build-deps @ok.txt -o @b.txt --find-links @ok.txt",
            "--find-links @ok.txt: not a directory"),
        Arguments.of("hermeto-config --validate @bin.whl", "cannot read @bin.whl" + BINARY),
        Arguments.of("hermeto-config --validate @nope.json", "cannot read @nope.json" + MISSING),
        Arguments.of(
            "hermeto-config --arch x86_64 --source @nodir", "--source @nodir: no such directory"),
        Arguments.of("generate-env @nodir", "OUTPUT_DIR @nodir: no such directory"),
        Arguments.of("generate-env @ok.txt", "OUTPUT_DIR @ok.txt: not a directory"),
        Arguments.of("prefetch @bin.whl -o @out", "cannot read @bin.whl" + BINARY),
        Arguments.of("prefetch @nope.json -o @out", "cannot read @nope.json" + MISSING),
        Arguments.of("prefetch @dir -o @out", "cannot read @dir" + DIRECTORY),
        Arguments.of(
            "prefetch {\"type\":\"pip\"} -o @out --source @nodir",
            "--source @nodir: no such directory"));
  }

  @ParameterizedTest
  @MethodSource("unreadableInputs")
  void anInputThatCannotBeReadIsAUsageError(String command, String message) {
    assertThat(run(resolved(command.split(" ")))).as(err.toString()).isEqualTo(2);
    String expected = String.join(" ", resolved(message.split(" ")));
    String name = command.substring(0, command.indexOf(' '));
    assertThat(err.toString()).isEqualTo("pyhermetic " + name + ": " + expected + "\n");
    assertThat(temp.resolve("m.txt")).doesNotExist();
    assertThat(temp.resolve("out")).doesNotExist();
  }
}
