package io.pyhermetic.diff;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Labels for per-architecture files, taken from their names. */
public final class Labels {
  private static final Pattern ARCH =
      Pattern.compile("[-_.](x86_64|aarch64|arm64|amd64|ppc64le|s390x)(?=[-_.]|$)");

  private Labels() {}

  /**
   * The architecture a file name mentions ({@code requirements-x86_64.txt} → {@code x86_64}; also
   * {@code aarch64}, {@code arm64}, {@code amd64}, {@code ppc64le}, {@code s390x}), else the file
   * name without its extension.
   */
  public static String fromFileName(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    Matcher m = ARCH.matcher(stem);
    String label = null;
    while (m.find()) {
      label = m.group(1);
    }
    return label != null ? label : stem;
  }
}
