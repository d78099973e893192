package io.pyhermetic.bench;

import io.pyhermetic.testdata.BuildGraphFixture;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-process {@code pyhermetic plan} or {@code pyhermetic build-deps} of the corpus-shaped pins
 * against a local index with injected latency, cold (no response cache): wall time and peak
 * resident memory of the process, as {@code /usr/bin/time} reports them. Prints a Markdown table of
 * medians.
 *
 * <p>Arguments: {@code CLI_JAR plan|build-deps [latency-ms] [runs] [JVM option...]} (default 50 and
 * 3, no options). The options go before {@code -jar}, so that the flags {@code ./pyhermetic} passes
 * (such as {@code -XX:TieredStopAtLevel=1}) can be measured against plain {@code java -jar}. With
 * {@code -Dbench.timings=FILE} the last run also prints its request timeline ({@code --timings})
 * into FILE.
 */
public final class ProcessBenchmark {
  private static final Pattern TIMELINE_SUMMARY =
      Pattern.compile(
          "requests: (\\d+) \\(\\d+ from the cache\\), wall time (\\S+), critical path (\\d+)"
              + " round trips");

  public static void main(String[] args) throws IOException, InterruptedException {
    Path cliJar = Path.of(args[0]);
    String subcommand = args[1];
    if (!subcommand.equals("plan") && !subcommand.equals("build-deps")) {
      throw new IllegalArgumentException("plan or build-deps, not " + subcommand);
    }
    long latency = args.length > 2 ? Long.parseLong(args[2]) : 50;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    List<String> jvmOptions = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
    Path root = Files.createTempDirectory("pyhermetic-plan-bench");
    try {
      Path index = Files.createDirectory(root.resolve("index"));
      Path project = Files.createDirectory(root.resolve("project"));
      BuildGraphFixture fixture = BuildGraphFixture.garak(index);
      Files.writeString(
          project.resolve("requirements-x86_64.txt"),
          fixture.requirements(),
          StandardCharsets.UTF_8);
      Files.writeString(
          project.resolve("pyproject.toml"),
          "[project]\nname = \"bench\"\nversion = \"0\"\n",
          StandardCharsets.UTF_8);
      int pins = (int) fixture.requirements().lines().filter(l -> l.contains("==")).count();
      try (FixtureServer server = FixtureServer.start(index, latency)) {
        Path timeline = root.resolve("timeline.txt");
        double[] seconds = new double[runs];
        double[] rssMib = new double[runs];
        int exit = 0;
        for (int i = 0; i < runs; i++) {
          Path log = root.resolve("time-" + i + ".txt");
          Path out = project.resolve(subcommand.equals("plan") ? "plan" : "requirements-build.txt");
          List<String> command =
              new ArrayList<>(
                  List.of("/usr/bin/time", "-f", "%e %M", "-o", log.toString(), "java"));
          command.addAll(jvmOptions);
          command.addAll(
              List.of(
                  "-jar",
                  cliJar.toString(),
                  subcommand,
                  project.resolve("requirements-x86_64.txt").toString(),
                  "--simple-index",
                  server.simpleUrl(),
                  "--skip-missing-sdist",
                  "--no-cache",
                  "-o",
                  out.toString(),
                  "--quiet"));
          if (subcommand.equals("plan")) {
            command.addAll(List.of("--source", project.toString()));
          }
          // the last run also prints its request timeline (--timings), read for the table below
          boolean lastRun = i == runs - 1;
          if (lastRun) {
            command.add("--timings");
          }
          Process process =
              new ProcessBuilder(command)
                  .redirectErrorStream(true)
                  .redirectOutput(
                      lastRun
                          ? ProcessBuilder.Redirect.to(timeline.toFile())
                          : ProcessBuilder.Redirect.DISCARD)
                  .start();
          exit = process.waitFor();
          if (exit > 1) {
            throw new IllegalStateException(subcommand + " exited with " + exit);
          }
          String[] measured = Files.readString(log).strip().split("\\s+");
          seconds[i] = Double.parseDouble(measured[measured.length - 2]);
          rssMib[i] = Long.parseLong(measured[measured.length - 1]) / 1024.0;
        }
        System.out.printf(
            "`pyhermetic %s` of %d pins (the corpus' build graph, x86_64), cold (--no-cache),"
                + " %d ms latency per request, whole process (java %s-jar, default heap), median"
                + " of %d runs; exit code %d.%n%n",
            subcommand,
            pins,
            latency,
            jvmOptions.isEmpty() ? "" : String.join(" ", jvmOptions) + " ",
            runs,
            exit);
        System.out.println("| measure | median |");
        System.out.println("|---|---|");
        System.out.printf(
            "| wall time, process start to exit | %.2f s |%n", Measure.median(seconds));
        System.out.printf("| peak resident memory (RSS) | %.0f MiB |%n", Measure.median(rssMib));
        String timings = Files.readString(timeline, StandardCharsets.UTF_8);
        Matcher summary = TIMELINE_SUMMARY.matcher(timings);
        if (summary.find()) {
          System.out.printf(
              "| requests (last run) | %s, over %s from the first to the last |%n",
              summary.group(1), summary.group(2));
          System.out.printf(
              "| critical path (last run) | %s round trips, %.2f s at %d ms |%n",
              summary.group(3), Integer.parseInt(summary.group(3)) * latency / 1000.0, latency);
        }
        String keep = System.getProperty("bench.timings"); // -Dbench.timings=FILE keeps it
        if (keep != null) {
          Files.writeString(Path.of(keep), timings, StandardCharsets.UTF_8);
        }
      }
    } finally {
      Measure.deleteTree(root);
    }
  }
}
