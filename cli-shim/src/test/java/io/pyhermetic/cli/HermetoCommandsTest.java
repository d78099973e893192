package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HermetoCommandsTest {

  @TempDir Path source;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(source.resolve("requirements-x86_64.txt"), "foo==1\n");
    Files.writeString(source.resolve("requirements-build.txt"), "bar==2\n");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void printsTheSeedConfig() {
    assertThat(
            run(
                "hermeto-config",
                "--arch",
                "x86_64",
                "--requirements",
                "requirements-x86_64.txt",
                "--build-requirements",
                "requirements-build.txt",
                "--source",
                source.toString()))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "{\"type\": \"pip\", \"path\": \".\", \"requirements_files\": [\"requirements-x86_64.txt\"],"
                + " \"requirements_build_files\": [\"requirements-build.txt\"], \"binary\": {\"packages\":"
                + " \":all:\", \"arch\": \"x86_64\", \"py_version\": 312}}\n");
  }

  @Test
  void reportsMissingFilesAndValidatesHandWrittenConfigs() throws IOException {
    assertThat(
            run(
                "hermeto-config",
                "--arch",
                "arm64",
                "--requirements",
                "requirements-aarch64.txt",
                "--source",
                source.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .startsWith(
            "1 validation error for user input\npackages -> 0 -> pip -> requirements_files\n  Required files not found: ");
    Path config = source.resolve("hermeto.json");
    Files.writeString(
        config,
        "{\"type\": \"pip\", \"binary\": {\"py_version\": \"3.12\", \"arch\": [\"x86_64\"]}}");
    assertThat(
            run("hermeto-config", "--validate", config.toString(), "--source", source.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("2 validation errors for user input\n");
    Files.writeString(
        config, "{\"type\": \"pip\", \"requirements_files\": [\"requirements-x86_64.txt\"]}");
    assertThat(
            run("hermeto-config", "--validate", config.toString(), "--source", source.toString()))
        .isZero();
    assertThat(run("hermeto-config", "--arch", "sparc")).isEqualTo(2);
  }

  static Stream<Arguments> pythonVersions() {
    return Stream.of(
        Arguments.of(List.of(), 0, "\"py_version\": 312}"),
        Arguments.of(List.of("--python", "3.11"), 0, "\"py_version\": 311}"),
        Arguments.of(List.of("--py-version", "39"), 0, "\"py_version\": 39}"),
        Arguments.of(List.of("--python", "3.9", "--py-version", "39"), 0, "\"py_version\": 39}"),
        Arguments.of(List.of("--python", "3.13", "--py-version", "313"), 0, "\"py_version\": 313}"),
        Arguments.of(
            List.of("--python", "3.12", "--py-version", "311"),
            2,
            "--python 3.12 and --py-version 311 name different versions: give one of them"),
        Arguments.of(List.of("--python", "2.7"), 2, "--python 2.7: only CPython 3.8 and later"),
        Arguments.of(List.of("--python", "three"), 2, "--python three: Python version must look"),
        Arguments.of(List.of("--py-version", "4"), 2, "--py-version 4: expected major and minor"));
  }

  @ParameterizedTest
  @MethodSource("pythonVersions")
  void takesThePythonAsEveryCommandDoesOrAsHermetoWritesIt(
      List<String> options, int code, String expected) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "hermeto-config",
                "--arch",
                "x86_64",
                "--requirements",
                "requirements-x86_64.txt",
                "--source",
                source.toString()));
    args.addAll(options);
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isEqualTo(code);
    assertThat(code == 0 ? out.toString() : err.toString()).contains(expected);
  }

  @Test
  void generatesTheEnvFile() throws IOException {
    // a fetch output without .build-config.json gets the variables of a pip fetch
    Files.createDirectories(source.resolve("out"));
    assertThat(
            run(
                "generate-env",
                source.resolve("out").toString(),
                "--for-output-dir",
                "/tmp/hermeto-output"))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "export PIP_FIND_LINKS=/tmp/hermeto-output/deps/pip\nexport PIP_NO_INDEX=true\n");
    Path file = source.resolve("hermeto.json");
    assertThat(
            run(
                "generate-env",
                source.toString(),
                "--for-output-dir",
                "/tmp/o",
                "-o",
                file.toString()))
        .isZero();
    assertThat(Files.readString(file))
        .startsWith("[{\"name\": \"PIP_FIND_LINKS\", \"value\": \"/tmp/o/deps/pip\"}");
    assertThat(run("generate-env", source.toString(), "-o", source.resolve("env.txt").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("Cannot determine envfile format, unsupported suffix: env.txt");
  }
}
