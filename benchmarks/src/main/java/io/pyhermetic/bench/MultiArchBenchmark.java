package io.pyhermetic.bench;

import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.diff.RequirementsMerge;
import io.pyhermetic.diff.RequirementsSplit;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.reqfile.RequirementsWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diff, merge and split of two generated per-architecture files of {@code count} pinned, hashed
 * entries (after parsing). Two sizes show whether the cost grows linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class MultiArchBenchmark {

  @Param({"10000", "20000"})
  int count;

  Map<String, RequirementsFile> files;
  RequirementsFile universal;

  @Setup
  public void setUp() {
    RequirementsFileParser parser = new RequirementsFileParser().withEnvironment(Map.of());
    files = new LinkedHashMap<>();
    files.put("x86_64", parser.parse(generate(count, 1, true), "requirements-x86_64.txt"));
    files.put("aarch64", parser.parse(generate(count, 1, false), "requirements-aarch64.txt"));
    universal =
        parser.parse(
            RequirementsMerge.mergeForTargets(files, true)
                .text(RequirementsWriter.pipCompileStyle()),
            "universal.txt");
  }

  /**
   * A uv-style file: every 20th project only on x86_64, every 50th at another version on aarch64.
   */
  static String generate(int count, long seed, boolean x86) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      boolean x86Only = i % 20 == 0;
      int minor = random.nextInt(30);
      if (x86Only && !x86) {
        continue;
      }
      String version = "1." + minor + "." + (!x86 && i % 50 == 7 ? 1 : 0);
      out.append("package-").append(i).append("==").append(version).append(" \\\n");
      for (int h = 0; h < 3; h++) {
        out.append("    --hash=sha256:")
            .append(String.format("%064x", random.nextLong() & Long.MAX_VALUE));
        out.append(h < 2 ? " \\\n" : "\n");
      }
      out.append("    # via package-").append(random.nextInt(count)).append('\n');
    }
    return out.toString();
  }

  @Benchmark
  public RequirementsDiff diff() {
    return RequirementsDiff.compare(files);
  }

  @Benchmark
  public RequirementsMerge.Result merge() {
    return RequirementsMerge.mergeForTargets(files, true);
  }

  @Benchmark
  public RequirementsSplit.Result split() {
    return RequirementsSplit.split(universal, List.of("x86_64", "aarch64"), "3.12", false);
  }
}
