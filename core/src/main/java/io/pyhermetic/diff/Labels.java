package io.pyhermetic.diff;

import java.nio.file.Path;
import java.util.Optional;
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
   *
   * @param file the file
   * @return the label
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

  /**
   * The target architecture a file is named after, in pip's spelling: {@code x86_64}, {@code
   * aarch64}, {@code ppc64le} or {@code s390x}, with podman's {@code amd64} and {@code arm64} read
   * as {@code x86_64} and {@code aarch64} ({@code requirements-arm64.txt} → {@code aarch64}); empty
   * when the name carries none ({@code requirements.txt}).
   *
   * @param file the file
   * @return the architecture, or empty when the name gives none
   */
  public static Optional<String> architectureOf(Path file) {
    return switch (fromFileName(file)) {
      case "x86_64", "amd64" -> Optional.of("x86_64");
      case "aarch64", "arm64" -> Optional.of("aarch64");
      case "ppc64le" -> Optional.of("ppc64le");
      case "s390x" -> Optional.of("s390x");
      default -> Optional.empty();
    };
  }
}
