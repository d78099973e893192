package io.pyhermetic.testdata;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Deterministic random input for property tests. The seed is fixed unless {@code -Dprop.seed=N} is
 * given; failures should quote {@link #seed()} so they can be replayed.
 */
public final class Gen {
  public static final long DEFAULT_SEED = 0x5EED_2026L;

  private final long seed;
  private final Random random;

  private Gen(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** A generator seeded from {@code prop.seed} or the default, mixed with a per-test salt. */
  public static Gen seeded(String salt) {
    long base = Long.getLong("prop.seed", DEFAULT_SEED);
    return new Gen(base ^ salt.hashCode());
  }

  public long seed() {
    return seed;
  }

  public Random random() {
    return random;
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  public <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  public String pick(String... items) {
    return items[random.nextInt(items.length)];
  }

  /** A random string over {@code alphabet} of length 0..maxLength. */
  public String string(String alphabet, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /**
   * {@code text} with 1-3 random edits: a character deleted, duplicated, replaced by one from
   * {@code alphabet}, or inserted.
   */
  public String mutate(String text, String alphabet) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      int kind = random.nextInt(4);
      if (kind < 3) {
        editAt(out, at, kind, () -> c);
      } else {
        out.insert(at, c);
      }
    }
    return out.toString();
  }

  /**
   * Edits the character at {@code at}, when there is one: {@code kind} 0 deletes it, 1 duplicates
   * it, 2 replaces it by {@code replacement} (asked only then).
   */
  static void editAt(StringBuilder out, int at, int kind, Supplier<Character> replacement) {
    if (at >= out.length()) {
      return;
    }
    switch (kind) {
      case 0 -> out.deleteCharAt(at);
      case 1 -> out.insert(at, out.charAt(at));
      case 2 -> out.setCharAt(at, replacement.get());
      default -> throw new IllegalArgumentException("no edit " + kind);
    }
  }
}
