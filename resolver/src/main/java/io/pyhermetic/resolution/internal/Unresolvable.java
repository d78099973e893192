package io.pyhermetic.resolution.internal;

import java.util.List;

/** No solution exists (or the search gave up); names the requirement chains involved. */
public final class Unresolvable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> chain;
  private final transient List<String> derivation;

  Unresolvable(String message, List<String> chain) {
    this(message, chain, List.of());
  }

  Unresolvable(String message, List<String> chain, List<String> derivation) {
    super(message);
    this.chain = List.copyOf(chain);
    this.derivation = List.copyOf(derivation);
  }

  /**
   * Each requirement involved, as the chain from a root to it.
   *
   * @return the chain
   */
  public List<String> chain() {
    return chain;
  }

  /**
   * Why, in the shape uv explains it ("Because a==1.0 depends on b>=2 and c==1.0 depends on b&lt;2,
   * a==1.0 and c==1.0 are incompatible.", then "And because …" up to the requirements), one
   * sentence a line; empty when the search gave up rather than proved there is no solution.
   *
   * @return the derivation's lines
   */
  public List<String> derivation() {
    return derivation;
  }
}
