package io.pyhermetic.bench;

import io.pyhermetic.testdata.BuildGraphFixture;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-process {@code pyhermetic plan} of the corpus-shaped pins against a local index with
 * injected latency, cold (no response cache): wall time and peak resident memory of the process, as
 * {@code /usr/bin/time} reports them. Prints a Markdown table of medians.
 *
 * <p>Arguments: {@code CLI_JAR [latency-ms] [runs]} (default 50 and 3).
 */
public final class PlanProcessBenchmark {

  public static void main(String[] args) throws IOException, InterruptedException {
    Path cliJar = Path.of(args[0]);
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 50;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
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
        double[] seconds = new double[runs];
        double[] rssMib = new double[runs];
        int exit = 0;
        for (int i = 0; i < runs; i++) {
          Path log = root.resolve("time-" + i + ".txt");
          List<String> command =
              new ArrayList<>(
                  List.of(
                      "/usr/bin/time",
                      "-f",
                      "%e %M",
                      "-o",
                      log.toString(),
                      "java",
                      "-jar",
                      cliJar.toString(),
                      "plan",
                      project.resolve("requirements-x86_64.txt").toString(),
                      "--simple-index",
                      server.simpleUrl(),
                      "--skip-missing-sdist",
                      "--no-cache",
                      "--source",
                      project.toString(),
                      "-o",
                      project.resolve("plan").toString(),
                      "--quiet"));
          Process process =
              new ProcessBuilder(command)
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          exit = process.waitFor();
          if (exit > 1) {
            throw new IllegalStateException("plan exited with " + exit);
          }
          String[] measured = Files.readString(log).strip().split("\\s+");
          seconds[i] = Double.parseDouble(measured[measured.length - 2]);
          rssMib[i] = Long.parseLong(measured[measured.length - 1]) / 1024.0;
        }
        System.out.printf(
            "`pyhermetic plan` of %d pins (the corpus' build graph, x86_64), cold (--no-cache),"
                + " %d ms latency per request, whole process (java -jar, default heap), median of"
                + " %d runs; exit code %d.%n%n",
            pins, latency, runs, exit);
        System.out.println("| measure | median |");
        System.out.println("|---|---|");
        System.out.printf(
            "| wall time, process start to exit | %.2f s |%n", Measure.median(seconds));
        System.out.printf("| peak resident memory (RSS) | %.0f MiB |%n", Measure.median(rssMib));
      }
    } finally {
      Measure.deleteTree(root);
    }
  }
}
