package io.pyhermetic.bench;

import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** In-process parse of the real 4,082-line uv output (213 pins, 3,334 hashes). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RequirementsFileBenchmark {
  byte[] corpus;
  RequirementsFileParser parser;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in =
        RequirementsFileBenchmark.class.getResourceAsStream("/requirements-x86_64.txt")) {
      corpus = in.readAllBytes();
    }
    parser = new RequirementsFileParser();
  }

  @Benchmark
  public RequirementsFile parseCorpus() {
    return parser.parse(corpus, "requirements-x86_64.txt");
  }
}
