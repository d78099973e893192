package io.pyhermetic.version;

import io.pyhermetic.testdata.Gen;

/** Random valid version strings in many spellings, for property tests. */
final class VersionSamples {
  private VersionSamples() {}

  static String random(Gen gen) {
    StringBuilder v = new StringBuilder();
    if (gen.chance(0.1)) {
      v.append(gen.pick("v", "V"));
    }
    if (gen.chance(0.1)) {
      v.append(gen.nextInt(3)).append('!');
    }
    int parts = 1 + gen.nextInt(4);
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        v.append('.');
      }
      v.append(
          gen.chance(0.05)
              ? "0" + gen.nextInt(10)
              : String.valueOf(gen.nextInt(gen.chance(0.1) ? 100000 : 12)));
    }
    String sep = gen.pick("", ".", "-", "_");
    if (gen.chance(0.3)) {
      v.append(sep).append(gen.pick("a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "RC"));
      if (gen.chance(0.8)) {
        v.append(gen.nextInt(5));
      }
    }
    if (gen.chance(0.2)) {
      v.append(gen.pick(".post", "-post", "post", ".rev", ".r", "-")).append(gen.nextInt(4));
    }
    if (gen.chance(0.2)) {
      v.append(gen.pick(".dev", "dev", "-dev", "_dev"))
          .append(gen.chance(0.7) ? String.valueOf(gen.nextInt(4)) : "");
    }
    if (gen.chance(0.15)) {
      v.append('+')
          .append(gen.pick("abc", "1", "ubuntu", "A"))
          .append(gen.chance(0.5) ? gen.pick(".1", "-2", "_x", ".01") : "");
    }
    return v.toString();
  }
}
