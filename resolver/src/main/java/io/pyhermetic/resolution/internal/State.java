package io.pyhermetic.resolution.internal;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search's state at one decision: pins, requirements per project, extras done. The lists and
 * sets it holds are never changed, only replaced, so that a copy for the next decision copies the
 * maps alone (copying every list made each decision cost as much as the whole state).
 */
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

  /** Adds {@code edge} to the requirements on {@code name}. */
  void addEdge(ProjectName name, Solver.Edge edge) {
    List<Solver.Edge> known = criteria.getOrDefault(name, List.of());
    List<Solver.Edge> grown = new ArrayList<>(known.size() + 1);
    grown.addAll(known);
    grown.add(edge);
    criteria.put(name, Collections.unmodifiableList(grown));
  }

  /** Records that the dependencies of {@code extras} of {@code name} were added. */
  void addExtras(ProjectName name, Set<String> extras) {
    Set<String> grown = new HashSet<>(extrasDone.getOrDefault(name, Set.of()));
    grown.addAll(extras);
    extrasDone.put(name, Collections.unmodifiableSet(grown));
  }

  State copy() {
    return new State(
        new LinkedHashMap<>(pins),
        new LinkedHashMap<>(criteria),
        new HashMap<>(extrasDone),
        new HashSet<>(unresolved));
  }
}
