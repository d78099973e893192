package io.pyhermetic.lock;

import java.util.List;
import java.util.Objects;

/**
 * Why no set of versions satisfies everything on a target.
 *
 * @param message the dead end the search ended in
 * @param chains the requirements involved, each as the chain from an input to it ({@code app
 *     (pyproject.toml) → a==1.0 → b>=2})
 * @param derivation why, in uv's shape ("Because a==1.0 depends on b>=2 and c==1.0 depends on
 *     b&lt;2, a==1.0 and c==1.0 are incompatible.", then "And because …" up to the inputs), one
 *     sentence a line; empty when the search gave up rather than proved there is no solution
 */
public record Conflict(String message, List<String> chains, List<String> derivation) {
  /**
   * Checks that the message is not null and copies the lists.
   *
   * @param message the dead end the search ended in
   * @param chains the requirements involved, each as the chain from an input to it
   * @param derivation why, in uv's shape, one sentence a line
   */
  public Conflict {
    Objects.requireNonNull(message, "message");
    chains = List.copyOf(chains);
    derivation = List.copyOf(derivation);
  }

  /**
   * A conflict without a derivation.
   *
   * @param message the dead end the search ended in
   * @param chains the requirements involved, each as the chain from an input to it
   */
  public Conflict(String message, List<String> chains) {
    this(message, chains, List.of());
  }

  /**
   * The explanation as pip and uv users read it: the dead end, the derivation, then the conflicting
   * chains.
   *
   * @return the explanation
   */
  public String explain() {
    StringBuilder out = new StringBuilder(message);
    for (String line : derivation) {
      out.append('\n').append(line);
    }
    if (!chains.isEmpty()) {
      out.append("\nThe conflict is caused by:");
      for (String chain : chains) {
        out.append("\n    ").append(chain);
      }
    }
    return out.toString();
  }
}
