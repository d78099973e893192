package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.OfflineSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan.md's next steps, run as printed: each fetch step writes Hermeto's output offline from the
 * sample's index, and the build step runs podman (a fake that records its arguments) once per
 * architecture with those files mounted.
 */
class PlanNextStepsTest {
  private static final Pattern STEP = Pattern.compile("^\\d+\\. .*?: `(pyhermetic [^`]+)`$");

  @TempDir Path temp;
  private Path sample;
  private Path log;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void setUp() throws IOException {
    sample = temp.resolve("sample");
    OfflineSample.write(sample);
    Path bin = Files.createDirectories(temp.resolve("bin"));
    log = temp.resolve("podman.log");
    Path podman = bin.resolve("podman");
    Files.writeString(
        podman,
        "#!/bin/sh\nif [ \"$1\" = manifest ] && [ \"$2\" = exists ]; then exit 1; fi\n"
            + "echo \"$@\" >> '"
            + log
            + "'\n");
    Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
    System.setProperty("pyhermetic.path", bin.toString());
  }

  @AfterEach
  void tearDown() {
    System.clearProperty("pyhermetic.path");
  }

  private int run(List<String> args) {
    out = new StringWriter();
    err = new StringWriter();
    return Pyhermetic.run(
        args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void theSamplesNextStepsRunAsPrinted() throws IOException {
    int planned =
        run(
            List.of(
                "plan",
                sample.resolve("requirements-x86_64.txt").toString(),
                sample.resolve("requirements-aarch64.txt").toString(),
                "--find-links",
                sample.resolve("index").toString(),
                "--skip-missing-sdist",
                "--source",
                sample.toString(),
                "-o",
                sample.resolve("plan").toString(),
                "--no-cache"));
    assertThat(planned).as(err.toString()).isZero();

    List<List<String>> steps = new ArrayList<>();
    for (String line : Files.readAllLines(sample.resolve("plan/plan.md"), StandardCharsets.UTF_8)) {
      Matcher m = STEP.matcher(line);
      if (m.matches()) {
        // the paths here have no characters a shell would quote
        steps.add(Arrays.asList(m.group(1).split(" ")));
      }
    }
    assertThat(steps).hasSize(3);
    // the command line prints the same steps
    for (List<String> step : steps) {
      assertThat(out.toString()).contains(String.join(" ", step));
    }

    for (List<String> step : steps) {
      List<String> args = step.subList(1, step.size());
      assertThat(run(args)).as(String.join(" ", step) + "\n" + err).isZero();
    }

    for (String arch : List.of("x86_64", "aarch64")) {
      Path fetched = sample.resolve("hermeto-output-" + arch);
      assertThat(fetched.resolve(".build-config.json")).isRegularFile();
      assertThat(fetched.resolve("bom.json")).isRegularFile();
      assertThat(fetched.resolve("deps/pip/nativepkg-2.0.tar.gz")).isRegularFile();
    }
    assertThat(sample.resolve("hermeto-output-x86_64/deps/pip"))
        .isDirectoryContaining(p -> p.getFileName().toString().startsWith("nvlib-"));
    assertThat(sample.resolve("hermeto-output-aarch64/deps/pip"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("nvlib-"));

    List<String> calls = Files.readAllLines(log);
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0)).isEqualTo("manifest create hermetic-build");
    for (String arch : List.of("x86_64", "aarch64")) {
      assertThat(calls)
          .anyMatch(
              c ->
                  c.startsWith("build -f Containerfile.hermeto")
                      && c.contains("TARGETARCH=" + arch)
                      && c.contains(
                          sample.resolve("hermeto-output-" + arch) + ":/tmp/hermeto-output")
                      && c.contains("--network none")
                      && c.endsWith(" " + sample));
    }
  }
}
