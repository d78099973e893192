package io.pyhermetic.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Seeded property and mutation fuzzing of a parser: inputs generated from seeds (the corpora and
 * vector files here) by edits, splices, repetition (deep nesting), long lines, byte order marks,
 * other encodings, NUL bytes and invalid UTF-8. The property: every input gives a result or an
 * exception of the documented type that passes the target's check (a location inside the input);
 * never another exception or error (a stack overflow from nesting included), never more than {@code
 * fuzz.budget.ms} of CPU time on one input (nor ten times that in wall-clock time, for a parse that
 * waits instead of working). CPU time, because a run on a shared, loaded machine stalls for seconds
 * at a time without any fault of the parser.
 *
 * <p>{@code -Dfuzz.count=N} sets the inputs per parser (a test gives the short default), {@code
 * -Dfuzz.seed=N} the seed; a failure names both and the input, so it can be replayed.
 */
public final class Fuzz {
  /** The default seed, mixed with each target's name. */
  public static final long DEFAULT_SEED = 0x5EED_F022L;

  /** A parser under test; returns normally or throws. */
  @FunctionalInterface
  public interface Parser {
    void parse(byte[] input) throws Exception;
  }

  /** The counts of one run, and the unexpected outcomes (each with its seed and input). */
  public record Report(
      String target,
      long seed,
      long inputs,
      long accepted,
      long rejected,
      List<String> unexpected) {
    @Override
    public String toString() {
      return String.format(
          "fuzz %s: %d inputs, %d accepted, %d rejected, %d unexpected (seed %d)",
          target, inputs, accepted, rejected, unexpected.size(), seed);
    }
  }

  private static final List<String> TOKENS =
      List.of(
          "\u0000",
          "\uFEFF",
          "\u001b[31m",
          "\u0007",
          "\r",
          "\r\n",
          "\n",
          "\t",
          " ",
          "\\",
          "\\\n",
          "#",
          ";",
          "'",
          "\"",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "<",
          ">",
          "=",
          "==",
          "===",
          "~=",
          "!=",
          ",",
          "@",
          "*",
          ".*",
          "+",
          "-",
          "--",
          ":",
          "/",
          "../",
          "${TOKEN}",
          "${NOPE}",
          "-r ",
          "-c ",
          "-e ",
          "--hash=sha256:",
          "and ",
          " or ",
          "not in",
          "extra",
          "é",
          "\ud83d\ude00",
          "\u2028",
          "\u00a0",
          "9999999999999999999999",
          "0",
          "1.0",
          "&amp;",
          "&#0;",
          "&#x110000;",
          "<a href=\"",
          "</a>",
          "\"\"\"",
          "'''",
          "[build-system]",
          "requires = [",
          "null",
          "true",
          "[]",
          "{}");

  private static final List<String> OPENERS =
      List.of("(", "[", "{", "[[", "-r ", "\"", "'", "\\\n", "<a>", "{\"a\":", "not ");

  private static final byte[][] BOMS = {
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {(byte) 0xFF, (byte) 0xFE},
    {(byte) 0xFE, (byte) 0xFF},
    {(byte) 0xFF, (byte) 0xFE, 0, 0},
    {0, 0, (byte) 0xFE, (byte) 0xFF}
  };

  private final String target;
  private final List<String> seeds;
  private final Class<? extends Throwable> documented;
  private final Predicate<Throwable> located;
  private final long seed;
  private final Random random;

  private Fuzz(
      String target,
      List<String> seeds,
      Class<? extends Throwable> documented,
      Predicate<Throwable> located) {
    this.target = target;
    this.seeds = seeds.isEmpty() ? List.of("") : List.copyOf(seeds);
    this.documented = documented;
    this.located = located;
    this.seed = Long.getLong("fuzz.seed", DEFAULT_SEED) ^ target.hashCode();
    this.random = new Random(seed);
  }

  /**
   * Runs {@code parser} on {@code fuzz.count} (else {@code defaultCount}) inputs made from {@code
   * seeds}.
   *
   * @param documented the one exception type the parser documents for bad input
   * @param located what such an exception must satisfy (its location is inside the input)
   */
  /**
   * Whether a long run should fuzz {@code target}: all targets unless {@code -Dfuzz.only} names
   * some (comma-separated, as the reports name them).
   */
  public static boolean selected(String target) {
    String only = System.getProperty("fuzz.only", "");
    return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(target);
  }

  public static Report run(
      String target,
      List<String> seeds,
      long defaultCount,
      Class<? extends Throwable> documented,
      Predicate<Throwable> located,
      Parser parser) {
    return new Fuzz(target, seeds, documented, located)
        .run(Long.getLong("fuzz.count", defaultCount), parser);
  }

  private Report run(long count, Parser parser) {
    long budgetMillis = Long.getLong("fuzz.budget.ms", 10_000);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTime = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    List<String> unexpected = new ArrayList<>();
    AtomicLong started = new AtomicLong();
    AtomicLong startedCpu = new AtomicLong();
    AtomicLong current = new AtomicLong(-1);
    byte[][] input = new byte[1][];
    long[] counts = new long[2];
    Thread worker =
        new Thread(
            () -> {
              for (long i = 0; i < count && unexpected.isEmpty(); i++) {
                byte[] bytes = next();
                synchronized (input) {
                  input[0] = bytes;
                }
                started.set(System.nanoTime());
                startedCpu.set(cpuTime ? threads.getCurrentThreadCpuTime() : 0);
                current.set(i);
                if (i > 0 && i % 100_000 == 0) {
                  // a long run tells how far it got (System.out: this is a test's console)
                  System.out.printf("fuzz %s: %d inputs so far%n", target, i);
                }
                try {
                  parser.parse(bytes);
                  counts[0]++;
                } catch (Throwable e) {
                  if (documented.isInstance(e) && located.test(e)) {
                    counts[1]++;
                  } else {
                    synchronized (unexpected) {
                      unexpected.add(describe(i, bytes, e.toString()));
                    }
                  }
                }
              }
              current.set(-2);
            },
            "fuzz-" + target);
    worker.setDaemon(true);
    worker.start();
    while (current.get() != -2) {
      try {
        worker.join(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long at = current.get();
      long wall = System.nanoTime() - started.get();
      long cpu = cpuTime ? threads.getThreadCpuTime(worker.getId()) - startedCpu.get() : wall;
      long budget = budgetMillis * 1_000_000;
      if (at >= 0 && (cpu > budget || wall > 10 * budget)) {
        byte[] stuck;
        synchronized (input) {
          stuck = input[0];
        }
        String what =
            cpu > budget
                ? "more than " + budgetMillis + " ms of CPU time"
                : "no answer within " + 10 * budgetMillis + " ms";
        synchronized (unexpected) {
          unexpected.add(describe(at, stuck, what));
        }
        break; // the worker is a daemon: a hung parse does not keep the JVM alive
      }
    }
    synchronized (unexpected) {
      return new Report(
          target,
          seed,
          counts[0] + counts[1] + unexpected.size(),
          counts[0],
          counts[1],
          List.copyOf(unexpected));
    }
  }

  private String describe(long index, byte[] bytes, String what) {
    return String.format(
        "%s input #%d (seed %d; replay with -Dfuzz.seed=%d): %s%n  input: %s",
        target, index, seed, Long.getLong("fuzz.seed", DEFAULT_SEED), what, printable(bytes));
  }

  /** The input with every byte outside printable ASCII escaped, cut after 2,000 bytes. */
  public static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 2000); i++) {
      int c = bytes[i] & 0xff;
      out.append(
          c >= 0x20 && c < 0x7f && c != '\\'
              ? String.valueOf((char) c)
              : String.format("\\x%02x", c));
    }
    if (bytes.length > 2000) {
      out.append("... (").append(bytes.length).append(" bytes)");
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ generation

  private byte[] next() {
    String base = seeds.get(random.nextInt(seeds.size()));
    int strategy = random.nextInt(100);
    String text;
    if (strategy < 45) {
      text = mutate(base, 1 + random.nextInt(6));
    } else if (strategy < 55) {
      String other = seeds.get(random.nextInt(seeds.size()));
      text =
          base.substring(0, random.nextInt(base.length() + 1))
              + other.substring(random.nextInt(other.length() + 1));
    } else if (strategy < 65) {
      StringBuilder out = new StringBuilder();
      int n = random.nextInt(30);
      for (int i = 0; i < n; i++) {
        out.append(TOKENS.get(random.nextInt(TOKENS.size())));
      }
      text = out.toString();
    } else if (strategy < 68) {
      // deep nesting, as deep as a hostile file makes it
      String opener = OPENERS.get(random.nextInt(OPENERS.size()));
      int depth = 1 << (4 + random.nextInt(10));
      text = opener.repeat(depth) + mutate(base, 1);
    } else if (strategy < 70) {
      // a very long line
      int at = random.nextInt(base.length() + 1);
      text = base.substring(0, at) + "x".repeat(1 << (8 + random.nextInt(8))) + base.substring(at);
    } else if (strategy < 75) {
      text = base.repeat(2 + random.nextInt(6));
    } else {
      return bytes(mutate(base, random.nextInt(3)));
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Byte-level hostility: another encoding, a byte order mark, NUL bytes, invalid UTF-8. */
  private byte[] bytes(String text) {
    byte[] bytes;
    switch (random.nextInt(5)) {
      case 0:
        bytes =
            text.getBytes(
                random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        break;
      case 1:
        bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        break;
      default:
        bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    if (random.nextInt(3) == 0) {
      byte[] bom = BOMS[random.nextInt(BOMS.length)];
      byte[] with = new byte[bom.length + bytes.length];
      System.arraycopy(bom, 0, with, 0, bom.length);
      System.arraycopy(bytes, 0, with, bom.length, bytes.length);
      bytes = with;
    }
    int edits = random.nextInt(4);
    for (int e = 0; e < edits && bytes.length > 0; e++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(4)) {
        case 0 -> bytes[at] = 0;
        case 1 -> bytes[at] = (byte) 0xFF;
        case 2 -> bytes[at] = (byte) 0xC3; // a lead byte, usually without its continuation
        default -> bytes[at] = (byte) (0x80 + random.nextInt(64));
      }
    }
    return bytes;
  }

  private String mutate(String text, int edits) {
    StringBuilder out = new StringBuilder(text);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(out.length() + 1);
      int kind = random.nextInt(6);
      switch (kind) {
        case 0, 1, 2:
          Gen.editAt(out, at, kind, () -> (char) (0x20 + random.nextInt(0x5f)));
          break;
        case 3:
          out.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
          break;
        case 4:
          int end = Math.min(out.length(), at + 1 + random.nextInt(16));
          String chunk = out.substring(at, end);
          out.insert(at, chunk.repeat(1 + random.nextInt(8)));
          break;
        default:
          if (at < out.length()) {
            out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(8)));
          }
      }
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ seeds

  /** The values of {@code field} of each case's {@code cmd} in a vector file of this module. */
  public static List<String> vectorSeeds(String vectorFile, String field) {
    Set<String> seeds = new LinkedHashSet<>();
    for (Vectors.Case c : Vectors.load(vectorFile)) {
      collect(c.cmd(), field, seeds);
    }
    return new ArrayList<>(seeds);
  }

  /** As {@link #vectorSeeds} for a resource path (platform/ and reqfile/ vectors). */
  public static List<String> resourceSeeds(String resource, String field) {
    Set<String> seeds = new LinkedHashSet<>();
    for (Vectors.Case c : Vectors.loadResource(resource)) {
      collect(c.node(), field, seeds);
    }
    return new ArrayList<>(seeds);
  }

  private static void collect(JsonNode node, String field, Set<String> into) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        if (f.getKey().equals(field) && f.getValue().isTextual()) {
          into.add(f.getValue().asText());
        } else {
          collect(f.getValue(), field, into);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, field, into));
    }
  }

  /** A corpus file of this module ({@code garak-2025-12/pyproject.toml}) as text. */
  public static String corpus(String name) {
    try (java.io.InputStream in =
        Fuzz.class.getResourceAsStream("/io/pyhermetic/testdata/corpus/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
