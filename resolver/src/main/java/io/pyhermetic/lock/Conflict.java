package io.pyhermetic.lock;

import java.util.List;
import java.util.Objects;

/**
 * Why no set of versions satisfies everything on a target.
 *
 * @param message the dead end the search ended in
 * @param chains the requirements involved, each as the chain from an input to it ({@code app
 *     (pyproject.toml) → a==1.0 → b>=2})
 */
public record Conflict(String message, List<String> chains) {
  /**
   * Checks that the message is not null and copies the chains.
   *
   * @param message the dead end the search ended in
   * @param chains the requirements involved, each as the chain from an input to it ({@code app
   *     (pyproject.toml) → a==1.0 → b>=2})
   */
  public Conflict {
    Objects.requireNonNull(message, "message");
    chains = List.copyOf(chains);
  }

  /**
   * The explanation as pip and uv users read it: the dead end, then the conflicting chains.
   *
   * @return the explanation
   */
  public String explain() {
    StringBuilder out = new StringBuilder(message);
    if (!chains.isEmpty()) {
      out.append("\nThe conflict is caused by:");
      for (String chain : chains) {
        out.append("\n    ").append(chain);
      }
    }
    return out.toString();
  }
}
