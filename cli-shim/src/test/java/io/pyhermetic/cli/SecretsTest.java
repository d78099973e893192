package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.FixtureServer;
import io.pyhermetic.testdata.OfflineSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A unique secret planted in each place a credential comes from ({@code user:password@} in the
 * index URL, {@code $PYHERMETIC_INDEX_TOKEN}, a netrc file) while plan, audit, build-deps and
 * prefetch run with {@code --verbose} and {@code --timings} against an HTTP index: no byte they
 * write (stdout, stderr, output files, the cache's file names and contents) holds it. Each run is a
 * child JVM, since the credentials come from the environment.
 */
class SecretsTest {
  @TempDir Path temp;

  private final List<String> written = new ArrayList<>();
  private final List<Integer> codes = new ArrayList<>();

  private void pyhermetic(Map<String, String> env, String... args) throws Exception {
    Map<String, String> changes = new java.util.HashMap<>();
    System.getenv().keySet().stream()
        .filter(k -> k.startsWith("PIP_") || k.startsWith("UV_"))
        .forEach(k -> changes.put(k, null));
    changes.put("PYHERMETIC_INDEX_TOKEN", null);
    changes.put("NETRC", null);
    changes.put("XDG_CACHE_HOME", null);
    changes.put("HOME", temp.resolve("home").toString());
    changes.putAll(env);
    ChildRun run = ChildRun.of(temp, changes, args);
    codes.add(run.code());
    written.add(run.out());
    written.add(run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"url", "token", "netrc"})
  void noPlantedSecretReachesAnyByteWritten(String source) throws Exception {
    String secret = "planted-" + source + "-7f3a9c";
    Path project = Files.createDirectories(temp.resolve("project"));
    OfflineSample.write(project);
    Files.createDirectories(temp.resolve("home"));
    Files.writeString(project.resolve("requirements-extra.txt"), "no-such-project==1.0\n");
    Path netrc = temp.resolve("netrc-file");
    Map<String, String> env = Map.of();
    try (FixtureServer server = FixtureServer.start(project.resolve("index"), 0)) {
      String index = server.simpleUrl();
      switch (source) {
        case "url" -> index = index.replace("://", "://user:" + secret + "@");
        case "token" -> env = Map.of("PYHERMETIC_INDEX_TOKEN", secret);
        default -> {
          Files.writeString(netrc, "machine 127.0.0.1 login user password " + secret + "\n");
          env = Map.of("NETRC", netrc.toString());
        }
      }
      Path cache = temp.resolve("cache");
      Path out = project.resolve("out");
      String[] common = {"--simple-index", index, "--cache-dir", cache.toString(), "--verbose"};
      pyhermetic(
          env,
          concat(
              new String[] {
                "plan",
                project.resolve("requirements-x86_64.txt").toString(),
                project.resolve("requirements-aarch64.txt").toString(),
                "--source",
                project.toString(),
                "-o",
                out.toString(),
                "--skip-missing-sdist",
                "--timings"
              },
              common));
      pyhermetic(
          env,
          concat(
              new String[] {
                "audit",
                project.resolve("requirements-x86_64.txt").toString(),
                project.resolve("requirements-extra.txt").toString(),
                "--target",
                "x86_64",
                "--format",
                "json",
                "--timings"
              },
              common));
      pyhermetic(
          env,
          concat(
              new String[] {
                "build-deps",
                project.resolve("requirements-x86_64.txt").toString(),
                "-o",
                temp.resolve("requirements-build.txt").toString(),
                "--report",
                temp.resolve("report.json").toString(),
                "--skip-missing-sdist"
              },
              common));
      pyhermetic(
          env,
          concat(
              new String[] {
                "prefetch",
                out.resolve("hermeto-x86_64.json").toString(),
                "--source",
                project.toString(),
                "-o",
                temp.resolve("prefetched").toString()
              },
              common));
      assertThat(server.requests()).as("the commands asked the index").isPositive();
    }
    assertThat(codes).as(String.join("\n", written)).containsExactly(0, 1, 0, 0);
    assertThat(String.join("\n", written)).contains("critical path");
    List<String> forms =
        List.of(
            secret,
            base64("user:" + secret),
            base64("__token__:" + secret),
            base64(":" + secret).substring(4));
    for (String text : written) {
      for (String form : forms) {
        assertThat(text).doesNotContain(form);
      }
    }
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path file : files.filter(f -> !f.equals(netrc)).toList()) {
        assertThat(file.toString()).doesNotContain(secret);
        if (Files.isRegularFile(file)) {
          String bytes = Files.readString(file, StandardCharsets.ISO_8859_1);
          for (String form : forms) {
            assertThat(bytes).as(file.toString()).doesNotContain(form);
          }
        }
      }
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
