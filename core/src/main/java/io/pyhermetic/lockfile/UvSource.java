package io.pyhermetic.lockfile;

import java.util.Objects;
import java.util.Set;

/**
 * Where a {@code uv.lock} package comes from: {@code source = { registry = "…" }} and its kin. The
 * kind is one of {@code registry}, {@code git}, {@code url}, {@code path}, {@code directory},
 * {@code editable}, {@code virtual}; the value is the URL or path as written. Immutable.
 *
 * @param kind the kind of source, such as {@code registry} or {@code git}
 * @param value the URL or path as written
 */
public record UvSource(String kind, String value) {
  /** The kinds uv writes. */
  public static final Set<String> KINDS =
      Set.of("registry", "git", "url", "path", "directory", "editable", "virtual");

  /**
   * Checks that neither part is null and that the kind is a known one.
   *
   * @param kind the kind of source, such as {@code registry} or {@code git}
   * @param value the URL or path as written
   */
  public UvSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown source kind " + kind);
    }
  }

  /**
   * Whether the package is a local project (a workspace member or a path dependency).
   *
   * @return {@code true} for a workspace member or a path dependency
   */
  public boolean isLocal() {
    return kind.equals("editable") || kind.equals("virtual") || kind.equals("directory");
  }
}
