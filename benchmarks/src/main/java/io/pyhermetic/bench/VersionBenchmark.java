package io.pyhermetic.bench;

import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/** In-process cost of parsing and sorting versions (steady state, after JIT warm-up). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// A pre-touched fixed heap keeps page faults of a growing heap out of the measurement.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class VersionBenchmark {

  @Param({"200000"})
  int count;

  List<String> texts;
  List<Version> parsed;

  @Setup
  public void setUp() {
    Random random = new Random(2026);
    texts = new ArrayList<>(count);
    String[] pre = {"", "", "", "", "a1", "b2", "rc1", "-alpha.3", ".post1", ".dev4", "+cpu"};
    for (int i = 0; i < count; i++) {
      texts.add(
          random.nextInt(2030)
              + "."
              + random.nextInt(30)
              + (random.nextBoolean() ? "." + random.nextInt(30) : "")
              + pre[random.nextInt(pre.length)]);
    }
    parsed = new ArrayList<>(count);
    texts.forEach(t -> parsed.add(Version.parse(t)));
  }

  @Benchmark
  public List<Version> parseAndSort() {
    return VersionParseSort.parseAndSort(texts);
  }

  @Benchmark
  public List<Version> parseOnly() {
    List<Version> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(Version.parse(t));
    }
    return out;
  }

  @Benchmark
  public List<Version> sortOnly() {
    List<Version> copy = new ArrayList<>(parsed);
    Version.sort(copy);
    return copy;
  }

  @Benchmark
  public List<Version> sortWithCollectionsSort() {
    List<Version> copy = new ArrayList<>(parsed);
    Collections.sort(copy);
    return copy;
  }
}
