package io.pyhermetic.cli;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.FixtureServer;
import io.pyhermetic.testdata.OfflineSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that writes leaves the previous output intact when its process is killed with
 * SIGKILL at any moment: a child JVM runs the command against the offline sample and is killed
 * after a random delay, {@code kill.count} times per command (a few in the build; {@code
 * -Dkill.count=200} for a long run, {@code -Dkill.seed=N} to replay), and each time the output is
 * the previous one, byte for byte. Leftovers of the killed runs are hidden siblings (a staging
 * directory, a file's temporary sibling) that the next complete run deletes.
 */
class KillDuringWriteTest {
  private static final int KILLS = Integer.getInteger("kill.count", 3);

  @TempDir Path project;

  @BeforeEach
  void sample() {
    OfflineSample.write(project);
  }

  private List<String> args(String command) {
    Path x86 = project.resolve("requirements-x86_64.txt");
    Path arm = project.resolve("requirements-aarch64.txt");
    String index = project.resolve("index").toString();
    return switch (command) {
      case "plan" ->
          List.of(
              "plan",
              x86.toString(),
              arm.toString(),
              "--find-links",
              index,
              "--source",
              project.toString(),
              "--no-cache",
              "-o",
              project.resolve("out").toString());
      case "prefetch" ->
          List.of(
              "prefetch",
              "[{\"type\": \"pip\", \"requirements_files\": [\"requirements-x86_64.txt\"],"
                  + " \"binary\": {\"packages\": \":all:\", \"arch\": \"x86_64\", \"py_version\":"
                  + " 312}}]",
              "--source",
              project.toString(),
              "--find-links",
              index,
              "--download-cache",
              project.resolve("cache").toString(),
              "--force",
              "-o",
              project.resolve("out").toString());
      case "merge" ->
          List.of(
              "merge",
              "--mark-targets",
              x86.toString(),
              arm.toString(),
              "-o",
              project.resolve("out/universal.txt").toString());
      case "split" ->
          List.of(
              "split",
              project.resolve("universal.txt").toString(),
              "--target",
              "x86_64",
              "--target",
              "aarch64",
              "-o",
              project.resolve("out").toString());
      case "build-deps" ->
          List.of(
              "build-deps",
              x86.toString(),
              arm.toString(),
              "--find-links",
              index,
              "--skip-missing-sdist",
              "--no-cache",
              "-o",
              project.resolve("out/requirements-build.txt").toString());
      case "lock" ->
          List.of(
              "lock",
              project.resolve("requirements.in").toString(),
              "--target",
              "x86_64",
              "--target",
              "aarch64",
              "--find-links",
              index,
              "--no-cache",
              "-o",
              project.resolve("out").toString());
      default -> throw new IllegalArgumentException(command);
    };
  }

  private static int runHere(List<String> args) {
    return Pyhermetic.run(
        args.toArray(String[]::new),
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true));
  }

  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Pyhermetic.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  /** Every regular file under {@code project/out} with its content. */
  private Map<String, String> output() throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path out = project.resolve("out");
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(Files::isRegularFile)
          .filter(f -> !isTemporary(f))
          .forEach(
              f -> {
                try {
                  byte[] bytes = Files.readAllBytes(f);
                  String name = out.relativize(f).toString();
                  if (name.equals("bom.json")) {
                    // the SBOM differs from run to run (its annotation's timestamp): it must be
                    // whole
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
                    files.put(name, "a complete JSON document");
                    return;
                  }
                  byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
                  files.put(name, java.util.HexFormat.of().formatHex(digest));
                } catch (java.security.NoSuchAlgorithmException e) {
                  throw new IllegalStateException(e);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return files;
  }

  // a file's temporary sibling (.NAME*.tmp) that a killed writer could not remove: not output
  private static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  /**
   * What a writer killed before its rename leaves, named after a process that no longer exists: a
   * staging directory beside {@code out} (plan, prefetch), a temporary sibling of each output file
   * (the others).
   */
  private void plantLeftoversOfAGoneProcess(String command) throws IOException {
    String gone = "999999999-1700000000000-1";
    if (command.equals("plan") || command.equals("prefetch")) {
      Path staging = project.resolve(".out." + command + "-" + gone);
      Files.createDirectories(staging);
      Files.writeString(staging.resolve("half-written"), "x");
      return;
    }
    for (String file : output().keySet()) {
      Path target = project.resolve("out").resolve(file);
      Files.writeString(
          target.resolveSibling("." + target.getFileName() + "." + gone + ".tmp"), "half");
    }
  }

  /** Hidden siblings of the output directory, and temporary siblings of files inside it. */
  private List<String> leftovers() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> list = Files.list(project)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".out"))
          .forEach(found::add);
    }
    try (Stream<Path> walk = Files.walk(project.resolve("out"))) {
      walk.filter(KillDuringWriteTest::isTemporary)
          .map(f -> project.relativize(f).toString())
          .forEach(found::add);
    }
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plan", "prefetch", "merge", "split", "build-deps", "lock"})
  void aKilledRunLeavesThePreviousOutputIntact(String command) throws Exception {
    if (command.equals("lock")) {
      Files.writeString(
          project.resolve("requirements.in"), "abipkg\nnvlib ; platform_machine == \"x86_64\"\n");
    }
    if (command.equals("split")) {
      assertThat(runHere(args("merge"))).isZero();
      Files.move(project.resolve("out/universal.txt"), project.resolve("universal.txt"));
    }
    List<String> args = args(command);
    // the sample plans with findings (exit code 1): the same code every time
    int code = runHere(args);
    assertThat(code).as("the first, complete run").isIn(0, 1);
    Map<String, String> previous = output();
    assertThat(previous).isNotEmpty();

    // how long a whole child run takes: the kills fall anywhere within it
    long begin = System.nanoTime();
    Process whole = start(args);
    assertThat(whole.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(whole.exitValue()).as("a whole run in a child JVM").isEqualTo(code);
    long wholeMillis = (System.nanoTime() - begin) / 1_000_000;
    assertThat(output()).isEqualTo(previous);

    long seed = Long.getLong("kill.seed", 0x6B1L) ^ command.hashCode();
    Random random = new Random(seed);
    for (int i = 0; i < KILLS; i++) {
      long delay = (long) (random.nextDouble() * wholeMillis);
      Process child = start(args);
      if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
        child.destroyForcibly(); // SIGKILL
        child.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(output())
          .as("%s killed after %d ms (seed %d, kill %d)", command, delay, seed, i)
          .isEqualTo(previous);
    }

    // whatever these kills happened to hit, leftovers as a kill at the worst moment leaves them
    plantLeftoversOfAGoneProcess(command);

    // the next run finishes the job and deletes what the killed ones left behind
    assertThat(runHere(args)).isEqualTo(code);
    assertThat(output()).isEqualTo(previous);
    assertThat(leftovers()).as("left by killed %s runs", command).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"prefetch"})
  void twoRunsSharingACacheDirectoryBothSucceed(String command) throws Exception {
    List<String> first = new ArrayList<>(args(command));
    List<String> second = new ArrayList<>(first);
    second.set(second.size() - 1, project.resolve("out2").toString());
    // a killed third run sharing the cache must not spoil it for the others
    Process killed = start(first);
    Process a = start(first);
    Process b = start(second);
    killed.waitFor(1500, TimeUnit.MILLISECONDS);
    killed.destroyForcibly();
    assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isZero();
    Map<String, String> one = output();
    Files.move(project.resolve("out"), project.resolve("out1"));
    Files.move(project.resolve("out2"), project.resolve("out"));
    assertThat(output()).isEqualTo(one);
  }

  @Test
  void twoRunsSharingAResponseCacheLeaveItWholeBesideAKilledThird() throws Exception {
    try (FixtureServer index = FixtureServer.start(project.resolve("index"), 0)) {
      List<String> args =
          List.of(
              "audit",
              project.resolve("requirements-x86_64.txt").toString(),
              project.resolve("requirements-aarch64.txt").toString(),
              "--no-hermeto",
              "--simple-index",
              index.simpleUrl(),
              "--cache-dir",
              project.resolve("responses").toString());
      Process killed = start(args);
      Process a = start(args);
      Process b = start(args);
      killed.waitFor(new Random(Long.getLong("kill.seed", 0x6B1L)).nextInt(1500), MILLISECONDS);
      killed.destroyForcibly();
      assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(a.exitValue()).isIn(0, 1);
      assertThat(b.exitValue()).isEqualTo(a.exitValue());

      // every answer is in the cache, whole: a run that may not ask the index gives the same
      List<String> offline = new ArrayList<>(args);
      offline.add("--offline");
      StringWriter err = new StringWriter();
      int code =
          Pyhermetic.run(
              offline.toArray(String[]::new),
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(err, true));
      assertThat(code).as(err.toString()).isEqualTo(a.exitValue());
    }
  }
}
