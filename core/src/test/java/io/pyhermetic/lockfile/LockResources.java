package io.pyhermetic.lockfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The lock files of the testdata module. */
final class LockResources {
  private LockResources() {}

  static String text(String name) {
    String resource = "/io/pyhermetic/testdata/lockfile/" + name;
    try (InputStream in = LockResources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
