package io.pyhermetic.resolution.internal;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The search's state at one decision: pins, requirements per project, extras done. */
final class State {
  final LinkedHashMap<ProjectName, Version> pins;
  final LinkedHashMap<ProjectName, List<Solver.Edge>> criteria;
  final Map<ProjectName, Set<String>> extrasDone;
  // projects no choice can satisfy, set aside so that the search finds the others too
  final Set<ProjectName> unresolved;

  State() {
    this(new LinkedHashMap<>(), new LinkedHashMap<>(), new HashMap<>(), new HashSet<>());
  }

  private State(
      LinkedHashMap<ProjectName, Version> pins,
      LinkedHashMap<ProjectName, List<Solver.Edge>> criteria,
      Map<ProjectName, Set<String>> extrasDone,
      Set<ProjectName> unresolved) {
    this.pins = pins;
    this.criteria = criteria;
    this.extrasDone = extrasDone;
    this.unresolved = unresolved;
  }

  State copy() {
    LinkedHashMap<ProjectName, List<Solver.Edge>> c = new LinkedHashMap<>();
    criteria.forEach((k, v) -> c.put(k, new ArrayList<>(v)));
    Map<ProjectName, Set<String>> e = new HashMap<>();
    extrasDone.forEach((k, v) -> e.put(k, new HashSet<>(v)));
    return new State(new LinkedHashMap<>(pins), c, e, new HashSet<>(unresolved));
  }
}
