package io.pyhermetic.resolution.internal;

import io.pyhermetic.requirement.ProjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A dead end: what is said, the chains involved, the projects whose other choices might avoid it,
 * its derivation, and the projects whose other versions were tried and failed too.
 */
record Failure(
    String message,
    List<String> chain,
    Set<ProjectName> involved,
    List<String> derivation,
    Set<String> retried) {
  Failure(String message, List<String> chain, Set<ProjectName> involved, List<String> derivation) {
    this(message, chain, involved, derivation, Set.of());
  }

  List<String> explained() {
    if (retried.isEmpty() || derivation.isEmpty()) {
      return derivation;
    }
    List<String> out = new ArrayList<>(derivation);
    out.add(
        "The other versions of "
            + Derivation.join(new ArrayList<>(retried))
            + " that fit were tried too and lead to conflicts as well.");
    return out;
  }

  Unresolvable unresolvable() {
    return new Unresolvable(message, chain, explained());
  }

  /** One report of several dead ends, each with its message, chains and derivation. */
  static Unresolvable combined(List<Failure> failures) {
    if (failures.size() == 1) {
      return failures.get(0).unresolvable();
    }
    List<String> messages = new ArrayList<>();
    List<String> chains = new ArrayList<>();
    List<String> derivation = new ArrayList<>();
    for (Failure f : failures) {
      messages.add(f.message());
      chains.addAll(f.chain());
      derivation.addAll(f.explained());
    }
    return new Unresolvable(
        failures.size() + " requirements cannot be met: " + String.join("; ", messages),
        chains,
        derivation);
  }
}
