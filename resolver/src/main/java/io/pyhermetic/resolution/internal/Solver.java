package io.pyhermetic.resolution.internal;

import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.MarkerEvaluationException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds one version per project such that every active requirement and every constraint holds,
 * preferring what the {@link Provider} lists first (newest, or a preferred pin). Depth-first with
 * backtracking, shaped like resolvelib; a dead end jumps back to the newest decision that
 * contributed to it (conflict-directed backjumping), so unrelated choices are not retried and the
 * first solution in depth-first order is found whenever one exists. Cyclic dependencies terminate
 * because a project is decided once. Not thread-safe: one instance per resolution.
 */
public final class Solver {
  private static final Logger LOG = LoggerFactory.getLogger(Solver.class);
  private static final String ARROW = " \u2192 ";

  /** Where the solver gets candidates and dependencies from. */
  public interface Provider {
    /**
     * The versions of {@code name} that match {@code specifier}, in the order to try them; what is
     * excluded outright (an unknown project, say) is described in {@code rejected}.
     *
     * @param name the project
     * @param specifier the specifiers
     * @param requirements every requirement on the project, constraints included
     * @param rejected where what is excluded outright is described
     * @return the candidates
     */
    List<Version> candidates(
        ProjectName name,
        SpecifierSet specifier,
        List<Requirement> requirements,
        List<String> rejected);

    /**
     * Why {@code version} cannot be used (yanked, wrong Python, no file), if it cannot.
     *
     * @param name the project
     * @param version the version
     * @param requirements every requirement on the project
     * @return the reason, or empty when it can be used
     */
    Optional<String> unusable(ProjectName name, Version version, List<Requirement> requirements);

    /**
     * The release's requirements with their markers (the solver evaluates them).
     *
     * @param name the project
     * @param version the version
     * @return the requirements
     */
    List<Requirement> dependencies(ProjectName name, Version version);

    /**
     * A project became needed, {@code depth} requirements below the roots.
     *
     * @param name the project
     * @param depth how many requirements below the roots
     */
    default void discovered(ProjectName name, int depth) {}
  }

  /**
   * A requirement of the roots.
   *
   * @param requirement the requirement (its marker evaluated here)
   * @param via what is recorded as requiring it
   * @param label how chains in explanations start
   */
  public record Root(Requirement requirement, String via, String label) {
    /**
     * Checks that no component is null.
     *
     * @param requirement the requirement (its marker evaluated here)
     * @param via what is recorded as requiring it
     * @param label how chains in explanations start
     */
    public Root {
      Objects.requireNonNull(requirement, "requirement");
      Objects.requireNonNull(via, "via");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * A solution.
   *
   * @param pins every project and its version, in the order decided
   * @param requiredBy per project, what requires it: canonical names and roots' {@code via}
   * @param extras per project, the extras asked of it (canonical)
   */
  public record Outcome(
      Map<ProjectName, Version> pins,
      Map<ProjectName, SortedSet<String>> requiredBy,
      Map<ProjectName, SortedSet<String>> extras) {
    /**
     * Copies the maps, so the outcome stays immutable.
     *
     * @param pins every project and its version, in the order decided
     * @param requiredBy per project, what requires it: canonical names and roots' {@code via}
     * @param extras per project, the extras asked of it (canonical)
     */
    public Outcome {
      pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
      requiredBy = Collections.unmodifiableMap(new LinkedHashMap<>(requiredBy));
      extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
  }

  record Edge(
      Requirement requirement, String via, Optional<ProjectName> parent, List<String> path) {
    String chain() {
      return String.join(ARROW, path) + ARROW + requirement;
    }
  }

  /** The most requirements that cannot be met by any choice reported from one search. */
  static final int MAX_UNRESOLVED = 100;

  private final Provider provider;
  private final MarkerEnvironment environment;
  private final Map<ProjectName, List<Requirement>> constraints;
  private final int maxRounds;
  private final String tooComplex;
  private int rounds;
  // requirements that no choice can satisfy, by project, in the order found
  private final Map<ProjectName, Failure> unresolved = new LinkedHashMap<>();

  /**
   * @param provider where candidates and dependencies come from
   * @param environment the marker values requirements are evaluated with
   * @param constraints constraints, already filtered to those active here
   * @param maxRounds how many candidate versions may be tried in all
   * @param tooComplex what is said when the search gives up ("the build environment", say)
   */
  public Solver(
      Provider provider,
      MarkerEnvironment environment,
      List<Requirement> constraints,
      int maxRounds,
      String tooComplex) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.environment = Objects.requireNonNull(environment, "environment");
    Map<ProjectName, List<Requirement>> byName = new HashMap<>();
    for (Requirement c : constraints) {
      byName.computeIfAbsent(c.projectName(), k -> new ArrayList<>()).add(c);
    }
    this.constraints = byName;
    this.maxRounds = maxRounds;
    this.tooComplex = Objects.requireNonNull(tooComplex, "tooComplex");
  }

  /**
   * How many candidate versions the last {@link #resolve} tried.
   *
   * @return the number of rounds
   */
  public int rounds() {
    return rounds;
  }

  /**
   * Resolves the roots' requirements (the active ones: markers are evaluated here). Requirements
   * that no choice can satisfy (an unknown project, a version that does not exist) are all
   * reported, up to {@value #MAX_UNRESOLVED}, not only the first met.
   *
   * @param roots the roots
   * @return the pins and why each is needed
   * @throws Unresolvable when no solution exists or the search is too long
   */
  public Outcome resolve(List<Root> roots) {
    unresolved.clear();
    State state = new State();
    for (Root root : roots) {
      if (active(root.requirement(), "")) {
        Failure f =
            addEdge(
                state,
                new Edge(root.requirement(), root.via(), Optional.empty(), List.of(root.label())));
        if (f != null) {
          throw f.unresolvable();
        }
      }
    }
    Object result = solve(state);
    if (!unresolved.isEmpty()) {
      List<Failure> all = new ArrayList<>(unresolved.values());
      if (result instanceof Failure f && !all.contains(f)) {
        all.add(f);
      }
      throw Failure.combined(all);
    }
    if (result instanceof Failure f) {
      throw f.unresolvable();
    }
    State done = (State) result;
    Map<ProjectName, SortedSet<String>> requiredBy = new LinkedHashMap<>();
    Map<ProjectName, SortedSet<String>> extras = new LinkedHashMap<>();
    for (ProjectName name : done.pins.keySet()) {
      SortedSet<String> parents = new TreeSet<>();
      for (Edge e : done.criteria.get(name)) {
        parents.add(e.via());
      }
      requiredBy.put(name, parents);
      SortedSet<String> asked = new TreeSet<>(done.extrasDone.getOrDefault(name, Set.of()));
      asked.remove("");
      extras.put(name, asked);
    }
    return new Outcome(done.pins, requiredBy, extras);
  }

  private Object solve(State state) {
    ProjectName name = null;
    for (ProjectName n : state.criteria.keySet()) {
      if (!state.pins.containsKey(n) && !state.unresolved.contains(n)) {
        name = n;
        break;
      }
    }
    if (name == null) {
      return state;
    }
    List<Edge> edges = state.criteria.get(name);
    Set<ProjectName> involved = ancestors(state, name);
    involved.add(name);
    SpecifierSet specifier = SpecifierSet.empty();
    List<Requirement> requirements = new ArrayList<>();
    for (Edge e : edges) {
      specifier = specifier.and(e.requirement().specifier());
      requirements.add(e.requirement());
    }
    for (Requirement c : constraints.getOrDefault(name, List.of())) {
      specifier = specifier.and(c.specifier());
      requirements.add(c);
    }
    List<String> rejected = new ArrayList<>();
    Failure first = null;
    int tried = 0;
    Set<ProjectName> causes = new HashSet<>(involved);
    for (Version v : provider.candidates(name, specifier, requirements, rejected)) {
      Optional<String> unusable = provider.unusable(name, v, requirements);
      if (unusable.isPresent()) {
        rejected.add(v + " (" + unusable.get() + ")");
        continue;
      }
      if (++rounds > maxRounds) {
        throw new Unresolvable(
            "gave up after trying " + maxRounds + " versions; " + tooComplex, chains(edges));
      }
      tried++;
      State next = state.copy();
      next.pins.put(name, v);
      Failure failure = addDependencies(next, name, v, extrasOf(edges), pathOf(next, name));
      Object result = failure != null ? failure : solve(next);
      if (result instanceof State) {
        return result;
      }
      failure = (Failure) result;
      if (!failure.involved().contains(name)) {
        return failure; // another version of this project cannot help
      }
      causes.addAll(failure.involved());
      if (first == null) {
        first = failure;
      }
    }
    if (first != null) {
      Set<String> retried = new LinkedHashSet<>(first.retried());
      if (tried > 1) {
        retried.add(name.canonical());
      }
      return new Failure(first.message(), first.chain(), causes, first.derivation(), retried);
    }
    StringBuilder message =
        new StringBuilder("no version of ")
            .append(name.canonical())
            .append(" satisfies ")
            .append(describe(edges, name));
    if (!rejected.isEmpty()) {
      message.append("; excluded: ");
      message.append(String.join(", ", rejected.subList(0, Math.min(5, rejected.size()))));
      if (rejected.size() > 5) {
        message.append(", and ").append(rejected.size() - 5).append(" more");
      }
    }
    List<Derivation.Demand> demands = demands(edges);
    for (Requirement c : constraints.getOrDefault(name, List.of())) {
      demands.add(new Derivation.Demand(c.toString(), List.of("constraint")));
    }
    Failure none =
        new Failure(message.toString(), chains(edges), involved, Derivation.explain(true, demands));
    if (involved.size() == 1 && unresolved.size() < MAX_UNRESOLVED) {
      // nothing decided led here: no other choice helps, so set it aside and look for the rest
      unresolved.putIfAbsent(name, none);
      State next = state.copy();
      next.unresolved.add(name);
      Object rest = solve(next);
      return rest instanceof Failure ? rest : none;
    }
    return none;
  }

  private static List<Derivation.Demand> demands(List<Edge> edges) {
    List<Derivation.Demand> out = new ArrayList<>();
    for (Edge e : edges) {
      out.add(new Derivation.Demand(e.requirement().toString(), e.path()));
    }
    return out;
  }

  private String describe(List<Edge> edges, ProjectName name) {
    List<String> parts = new ArrayList<>();
    for (Edge e : edges) {
      parts.add(e.requirement().toString() + " (" + e.chain() + ")");
    }
    for (Requirement c : constraints.getOrDefault(name, List.of())) {
      parts.add(c + " (user constraint)");
    }
    return String.join(", ", parts);
  }

  private List<String> chains(List<Edge> edges) {
    List<String> out = new ArrayList<>();
    for (Edge e : edges) {
      out.add(e.chain());
    }
    if (!edges.isEmpty()) {
      for (Requirement c :
          constraints.getOrDefault(edges.get(0).requirement().projectName(), List.of())) {
        out.add("constraint" + ARROW + c);
      }
    }
    return out;
  }

  private Failure addDependencies(
      State state, ProjectName name, Version version, Set<String> extras, List<String> path) {
    Set<String> done = state.extrasDone.getOrDefault(name, Set.of());
    boolean base = !done.contains("");
    Set<String> wanted = new LinkedHashSet<>();
    if (base) {
      wanted.add("");
    }
    for (String extra : extras) {
      if (!done.contains(extra)) {
        wanted.add(extra);
      }
    }
    if (wanted.isEmpty()) {
      return null;
    }
    state.addExtras(name, wanted);
    List<String> childPath = new ArrayList<>(path);
    childPath.add(name.canonical() + "==" + version);
    for (Requirement dep : provider.dependencies(name, version)) {
      boolean needed = false;
      for (String extra : wanted) {
        needed |= active(dep, extra);
      }
      if (!needed) {
        continue;
      }
      Failure f =
          addEdge(
              state,
              new Edge(
                  dep.withMarker(Optional.empty()),
                  name.canonical(),
                  Optional.of(name),
                  childPath));
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private Failure addEdge(State state, Edge edge) {
    Requirement r = edge.requirement();
    ProjectName name = r.projectName();
    if (r.url().isPresent()) {
      return new Failure(
          "direct URL requirement " + r + " cannot be resolved from an index",
          List.of(edge.chain()),
          new HashSet<>(edge.parent().stream().toList()),
          List.of());
    }
    boolean fresh = !state.criteria.containsKey(name);
    state.addEdge(name, edge);
    if (fresh) {
      provider.discovered(name, edge.path().size()); // start look-ups while the search goes on
    }
    Version pinned = state.pins.get(name);
    if (pinned == null) {
      return null;
    }
    if (!r.specifier().contains(pinned, true)) {
      Set<ProjectName> involved = ancestors(state, name);
      involved.add(name);
      edge.parent().ifPresent(involved::add);
      edge.parent().ifPresent(p -> involved.addAll(ancestors(state, p)));
      List<String> chain = new ArrayList<>();
      for (Edge e : state.criteria.get(name)) {
        chain.add(e.chain());
      }
      return new Failure(
          name.canonical()
              + " "
              + pinned
              + " is already chosen, but "
              + edge.chain()
              + " excludes it",
          chain,
          involved,
          Derivation.explain(false, demands(state.criteria.get(name))));
    }
    Set<String> extras = new HashSet<>();
    r.extras().forEach(e -> extras.add(ProjectName.canonicalize(e)));
    if (!state.extrasDone.getOrDefault(name, Set.of()).containsAll(extras)) {
      return addDependencies(state, name, pinned, extras, pathOf(state, name));
    }
    return null;
  }

  private boolean active(Requirement r, String extra) {
    if (r.marker().isEmpty()) {
      return extra.isEmpty();
    }
    Marker marker = r.marker().get();
    try {
      return marker.evaluate(environment.with("extra", extra).asMap());
    } catch (MarkerEvaluationException e) {
      LOG.warn("treating marker '{}' as false: {}", marker, e.getMessage());
      return false;
    }
  }

  private static Set<String> extrasOf(List<Edge> edges) {
    Set<String> out = new TreeSet<>();
    for (Edge e : edges) {
      e.requirement().extras().forEach(x -> out.add(ProjectName.canonicalize(x)));
    }
    return out;
  }

  /** The path to a project: the path of the first requirement on it. */
  private static List<String> pathOf(State state, ProjectName name) {
    return state.criteria.get(name).get(0).path();
  }

  /** Every decided project whose choice put a requirement on {@code name}, transitively. */
  private static Set<ProjectName> ancestors(State state, ProjectName name) {
    Set<ProjectName> out = new HashSet<>();
    Deque<ProjectName> todo = new ArrayDeque<>();
    todo.add(name);
    while (!todo.isEmpty()) {
      for (Edge e : state.criteria.getOrDefault(todo.pop(), List.of())) {
        if (e.parent().isPresent() && out.add(e.parent().get())) {
          todo.add(e.parent().get());
        }
      }
    }
    return out;
  }
}
