package io.pyhermetic.bench;

import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inputs of {@link SpecifierMarkerBenchmark} and of {@code
 * baseline/packaging_specifiers_markers.py}, generated from a fixed seed so that both sides see the
 * same cases in every run.
 *
 * <p>Specifier cases are built around the corpus' pinned versions (both architectures, 213
 * releases) in the shapes dependency metadata uses: lower bounds, bounded ranges in either order,
 * compatible releases, prefix matches, exclusions, exact and arbitrary equality, and the empty set;
 * the candidates are the pin itself and its neighbours (next micro/minor/major, pre-, post-, dev-
 * and local releases, an epoch). Markers combine the clauses found in {@code Requires-Dist} with
 * {@code and}, {@code or}, parentheses and {@code extra}.
 *
 * <p>{@code main DIR} writes {@code specifiers.tsv} (set, version, pre-release flag), {@code
 * markers.txt} and {@code environment.json}, and prints how many cases are true with a digest of
 * every outcome, which the Python side must reproduce.
 */
public final class SpecifierMarkerInputs {
  /** One {@code SpecifierSet(specifiers).contains(version, prereleases)} call. */
  public record SpecCase(String specifiers, String version, Boolean prereleases) {}

  private static final long SEED = 2026;
  private static final int CASES_PER_PIN = 24;
  private static final int MARKERS = 5000;

  private static final String[] CLAUSES = {
    "python_version < \"3.11\"",
    "python_version >= \"3.8\"",
    "python_version < \"3.13\"",
    "python_version == \"3.12\"",
    "python_version <= \"3.10\"",
    "python_version > \"3.7\"",
    "python_version ~= \"3.12\"",
    "python_full_version >= \"3.9.0\"",
    "python_full_version < \"3.12.4\"",
    "python_full_version != \"3.12.0\"",
    "sys_platform == \"win32\"",
    "sys_platform == \"linux\"",
    "sys_platform != \"darwin\"",
    "sys_platform == \"darwin\"",
    "platform_system == \"Windows\"",
    "platform_system != \"Emscripten\"",
    "platform_system == \"Linux\"",
    "platform_machine == \"x86_64\"",
    "platform_machine == \"aarch64\"",
    "platform_machine != \"arm64\"",
    "'aarch64' in platform_machine",
    "'linux' in sys_platform",
    "sys_platform not in 'win32 cygwin'",
    "implementation_name == \"cpython\"",
    "platform_python_implementation == 'CPython'",
    "platform_python_implementation != \"PyPy\"",
    "os_name == \"nt\"",
    "os_name != \"nt\"",
    "python_version<'3.10'",
    "\"3.9\" <= python_version",
  };
  private static final String[] EXTRAS = {"dev", "test", "all", "docs", "cuda", "http2"};

  private SpecifierMarkerInputs() {}

  /** The environment markers are evaluated against: CPython 3.12 on Linux x86_64. */
  public static MarkerEnvironment environment() {
    return MarkerEnvironment.forTarget("x86_64", "3.12");
  }

  /** The specifier cases, in a fixed order. */
  public static List<SpecCase> specifierCases() {
    Random random = new Random(SEED);
    List<SpecCase> cases = new ArrayList<>();
    for (Version pin : corpusPins()) {
      List<String> sets = setsAround(pin);
      List<String> candidates = candidatesAround(pin);
      for (int i = 0; i < CASES_PER_PIN; i++) {
        String set = sets.get(random.nextInt(sets.size()));
        String candidate = candidates.get(random.nextInt(candidates.size()));
        int p = random.nextInt(10);
        Boolean prereleases = p == 0 ? Boolean.TRUE : p == 1 ? Boolean.FALSE : null;
        cases.add(new SpecCase(set, candidate, prereleases));
      }
    }
    return cases;
  }

  /** The marker texts, in a fixed order. */
  public static List<String> markers() {
    Random random = new Random(SEED + 1);
    List<String> markers = new ArrayList<>(MARKERS);
    for (int i = 0; i < MARKERS; i++) {
      int shape = random.nextInt(10);
      String marker;
      if (shape < 4) {
        marker = clause(random);
      } else if (shape < 6) {
        marker = clause(random) + " and " + clause(random);
      } else if (shape < 7) {
        marker = clause(random) + " or " + clause(random);
      } else if (shape < 8) {
        marker = "(" + clause(random) + " or " + clause(random) + ") and " + clause(random);
      } else if (shape < 9) {
        // the form wheel metadata gives an optional dependency with its own marker
        marker = "(" + clause(random) + ") and extra == \"" + extra(random) + "\"";
      } else {
        marker = "extra == '" + extra(random) + "'";
      }
      markers.add(marker);
    }
    return markers;
  }

  private static String clause(Random random) {
    return CLAUSES[random.nextInt(CLAUSES.length)];
  }

  private static String extra(Random random) {
    return EXTRAS[random.nextInt(EXTRAS.length)];
  }

  /** The distinct pinned versions of the corpus' two per-architecture files. */
  static List<Version> corpusPins() {
    RequirementsFileParser parser = new RequirementsFileParser();
    Set<String> seen = new LinkedHashSet<>();
    List<Version> pins = new ArrayList<>();
    for (String file : List.of("requirements-x86_64.txt", "requirements-aarch64.txt")) {
      for (Entry entry : parser.parse(CorpusIndex.read(file), file).allEntries()) {
        if (entry.name().isEmpty() || entry.pinnedVersion().isEmpty()) {
          continue;
        }
        Version version = entry.pinnedVersion().get();
        if (seen.add(entry.name().get().canonical() + "==" + version)) {
          pins.add(version);
        }
      }
    }
    return pins;
  }

  private static List<String> setsAround(Version pin) {
    long a = part(pin, 0);
    long b = part(pin, 1);
    long c = part(pin, 2);
    String v = pin.toString();
    String lower = a + "." + Math.max(b - 1, 0);
    String upper = String.valueOf(a + 1);
    String nextMinor = a + "." + (b + 1);
    List<String> sets =
        List.of(
            ">=" + lower,
            ">=" + a + "." + b + "." + c,
            ">=" + lower + ",<" + upper,
            "<" + upper + ",>=" + lower,
            ">=" + lower + ", <" + nextMinor,
            "~=" + a + "." + b,
            "~=" + a + "." + b + "." + c,
            "==" + a + "." + b + ".*",
            "==" + a + ".*",
            "==" + v,
            "!=" + v,
            ">=" + lower + ",!=" + v + ",<" + upper,
            "<" + upper,
            ">" + lower,
            "<=" + v,
            "",
            ">=" + lower + ".dev0",
            ">=" + a + "." + b + "rc1,<" + upper,
            "===" + v,
            ">=" + lower + ",!=" + a + "." + b + ".*");
    return sets.stream().filter(SpecifierSet::isValid).collect(Collectors.toList());
  }

  private static List<String> candidatesAround(Version pin) {
    long a = part(pin, 0);
    long b = part(pin, 1);
    long c = part(pin, 2);
    String v = pin.toString();
    List<String> candidates =
        List.of(
            v,
            v,
            a + "." + b + "." + (c + 1),
            a + "." + (b + 1) + ".0",
            (a + 1) + ".0.0",
            a + "." + b,
            a + "." + Math.max(b - 1, 0) + ".5",
            a + "." + b + "." + (c + 1) + "rc1",
            a + "." + (b + 1) + ".0a2",
            a + "." + (b + 1) + ".0.dev0",
            v + ".post1",
            v + "+cpu",
            "1!" + v);
    return candidates.stream().filter(Version::isValid).collect(Collectors.toList());
  }

  private static long part(Version version, int index) {
    List<BigInteger> release = version.release();
    return index < release.size() ? release.get(index).longValueExact() : 0;
  }

  /** One character per specifier case: 1 where it holds. */
  static String containsOutcomes(List<SpecCase> cases) {
    StringBuilder out = new StringBuilder(cases.size());
    for (SpecCase c : cases) {
      boolean holds =
          SpecifierSet.parse(c.specifiers()).contains(Version.parse(c.version()), c.prereleases());
      out.append(holds ? '1' : '0');
    }
    return out.toString();
  }

  /** One character per marker: 1 where it holds in {@link #environment}. */
  static String markerOutcomes(List<String> markers) {
    MarkerEnvironment env = environment();
    StringBuilder out = new StringBuilder(markers.size());
    for (String m : markers) {
      out.append(Marker.parse(m).evaluate(env) ? '1' : '0');
    }
    return out.toString();
  }

  /** Count of true outcomes and a digest of all of them, so both sides can be compared per case. */
  static String summary(String outcomes) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(outcomes.getBytes(StandardCharsets.US_ASCII));
      return outcomes.chars().filter(ch -> ch == '1').count()
          + " "
          + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SpecifierMarkerInputs DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    List<SpecCase> cases = specifierCases();
    List<String> lines = new ArrayList<>(cases.size());
    for (SpecCase c : cases) {
      String flag = c.prereleases() == null ? "" : c.prereleases().toString();
      lines.add(c.specifiers() + "\t" + c.version() + "\t" + flag);
    }
    Files.write(dir.resolve("specifiers.tsv"), lines, StandardCharsets.UTF_8);
    List<String> markers = markers();
    Files.write(dir.resolve("markers.txt"), markers, StandardCharsets.UTF_8);
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> e : environment().asMap().entrySet()) {
      json.append(json.length() > 1 ? ", " : "")
          .append('"')
          .append(e.getKey())
          .append("\": \"")
          .append(e.getValue())
          .append('"');
    }
    Files.writeString(dir.resolve("environment.json"), json.append("}\n"), StandardCharsets.UTF_8);
    System.out.printf(
        "specifiers %d %s%nmarkers %d %s%n",
        cases.size(),
        summary(containsOutcomes(cases)),
        markers.size(),
        summary(markerOutcomes(markers)));
  }
}
