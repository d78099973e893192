package io.pyhermetic.container;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a plan copies before its commands run (such as the env file into the build context that
 * {@code podman farm build} sends to its nodes). The caller copies it itself; {@link
 * #toShellString()} is the same step as a shell line, for {@code --dry-run}.
 *
 * @param from the file to copy
 * @param to where the copy goes
 */
public record FileCopy(Path from, Path to) {
  /**
   * Checks that neither path is null.
   *
   * @param from the file to copy
   * @param to where the copy goes
   */
  public FileCopy {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * {@code cp FROM TO}, each path single-quoted when it needs it.
   *
   * @return the shell line
   */
  public String toShellString() {
    return "cp " + Command.quote(from.toString()) + " " + Command.quote(to.toString());
  }
}
