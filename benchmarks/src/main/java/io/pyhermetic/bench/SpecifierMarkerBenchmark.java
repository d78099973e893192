package io.pyhermetic.bench;

import io.pyhermetic.bench.SpecifierMarkerInputs.SpecCase;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.List;
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

/**
 * Specifier {@code contains} and marker evaluation over the whole of {@link SpecifierMarkerInputs}
 * per operation (about 5,000 cases each), from parsed objects and from text; {@code
 * run-specifier-marker.sh} times packaging on the same inputs in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class SpecifierMarkerBenchmark {
  List<SpecCase> cases;
  SpecifierSet[] sets;
  Version[] versions;
  Boolean[] prereleases;
  List<String> markerTexts;
  Marker[] markers;
  MarkerEnvironment environment;

  @Setup
  public void setUp() {
    cases = SpecifierMarkerInputs.specifierCases();
    int n = cases.size();
    sets = new SpecifierSet[n];
    versions = new Version[n];
    prereleases = new Boolean[n];
    for (int i = 0; i < n; i++) {
      sets[i] = SpecifierSet.parse(cases.get(i).specifiers());
      versions[i] = Version.parse(cases.get(i).version());
      prereleases[i] = cases.get(i).prereleases();
    }
    markerTexts = SpecifierMarkerInputs.markers();
    markers = markerTexts.stream().map(Marker::parse).toArray(Marker[]::new);
    environment = SpecifierMarkerInputs.environment();
  }

  @Benchmark
  public int specifierContains() {
    int n = 0;
    for (int i = 0; i < sets.length; i++) {
      if (sets[i].contains(versions[i], prereleases[i])) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public int specifierParseContains() {
    int n = 0;
    for (SpecCase c : cases) {
      if (SpecifierSet.parse(c.specifiers())
          .contains(Version.parse(c.version()), c.prereleases())) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public int markerEvaluate() {
    int n = 0;
    for (Marker m : markers) {
      if (m.evaluate(environment)) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public int markerParseEvaluate() {
    int n = 0;
    for (String m : markerTexts) {
      if (Marker.parse(m).evaluate(environment)) {
        n++;
      }
    }
    return n;
  }
}
