package io.pyhermetic.builddeps.internal;

import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.MarkerEvaluationException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Specifier;
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
 * Resolves one build environment for one interpreter: the newest non-yanked versions that satisfy
 * every requirement, every user constraint and the interpreter's Python version, trying the input
 * pins first. Depth-first with backtracking, shaped like resolvelib; a dead end jumps back to the
 * newest decision that contributed to it (conflict-directed backjumping), so unrelated choices are
 * not retried. Cyclic dependencies terminate because a project is decided once per environment. Not
 * thread-safe: one instance per resolution.
 */
public final class EnvironmentResolver {
  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentResolver.class);
  private static final String ARROW = " \u2192 ";

  /**
   * A resolved environment.
   *
   * @param pins every project and its version, in the order decided
   * @param requiredBy per project, the canonical names of what requires it (the root's name for the
   *     root requirements)
   */
  public record Outcome(
      Map<ProjectName, Version> pins, Map<ProjectName, SortedSet<String>> requiredBy) {
    public Outcome {
      pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
      requiredBy = Collections.unmodifiableMap(new LinkedHashMap<>(requiredBy));
    }
  }

  /** No environment exists; names the requirement chains involved. */
  public static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> chain;

    Unresolvable(String message, List<String> chain) {
      super(message);
      this.chain = List.copyOf(chain);
    }

    public List<String> chain() {
      return chain;
    }
  }

  private record Edge(
      Requirement requirement, String via, Optional<ProjectName> parent, List<String> path) {
    String chain() {
      return String.join(ARROW, path) + ARROW + requirement;
    }
  }

  private record Failure(String message, List<String> chain, Set<ProjectName> involved) {}

  private static final class State {
    final LinkedHashMap<ProjectName, Version> pins;
    final LinkedHashMap<ProjectName, List<Edge>> criteria;
    final Map<ProjectName, Set<String>> extrasDone;

    State() {
      this(new LinkedHashMap<>(), new LinkedHashMap<>(), new HashMap<>());
    }

    private State(
        LinkedHashMap<ProjectName, Version> pins,
        LinkedHashMap<ProjectName, List<Edge>> criteria,
        Map<ProjectName, Set<String>> extrasDone) {
      this.pins = pins;
      this.criteria = criteria;
      this.extrasDone = extrasDone;
    }

    State copy() {
      LinkedHashMap<ProjectName, List<Edge>> c = new LinkedHashMap<>();
      criteria.forEach((k, v) -> c.put(k, new ArrayList<>(v)));
      Map<ProjectName, Set<String>> e = new HashMap<>();
      extrasDone.forEach((k, v) -> e.put(k, new HashSet<>(v)));
      return new State(new LinkedHashMap<>(pins), c, e);
    }
  }

  private final CachingIndex index;
  private final MarkerEnvironment environment;
  private final Version python;
  private final Map<ProjectName, Version> preferred;
  private final Map<ProjectName, List<Requirement>> constraints;
  private final int maxRounds;
  private int rounds;

  /**
   * @param environment the interpreter's marker values
   * @param preferred versions to try first (the input pins)
   * @param constraints user constraints, already filtered to those active here
   * @param maxRounds how many candidate versions may be tried in all
   */
  public EnvironmentResolver(
      CachingIndex index,
      MarkerEnvironment environment,
      Map<ProjectName, Version> preferred,
      List<Requirement> constraints,
      int maxRounds) {
    this.index = Objects.requireNonNull(index, "index");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.python = Version.parse(environment.get("python_full_version"));
    this.preferred = Map.copyOf(preferred);
    Map<ProjectName, List<Requirement>> byName = new HashMap<>();
    for (Requirement c : constraints) {
      byName.computeIfAbsent(c.projectName(), k -> new ArrayList<>()).add(c);
    }
    this.constraints = byName;
    this.maxRounds = maxRounds;
  }

  /**
   * Resolves {@code requirements} (the active ones; markers are evaluated here) as the build
   * environment of {@code root}.
   *
   * @param root the package being built, {@code name==version}, which starts every chain
   * @param via the canonical name recorded as what requires the root requirements
   * @throws Unresolvable when no environment exists or the search is too long
   * @throws IndexException when the index fails
   */
  public Outcome resolve(String root, String via, List<Requirement> requirements) {
    State state = new State();
    for (Requirement r : requirements) {
      if (active(r, "")) {
        Failure f = addEdge(state, new Edge(r, via, Optional.empty(), List.of(root)));
        if (f != null) {
          throw new Unresolvable(f.message(), f.chain());
        }
      }
    }
    Object result = solve(state);
    if (result instanceof Failure) {
      Failure f = (Failure) result;
      throw new Unresolvable(f.message(), f.chain());
    }
    State done = (State) result;
    Map<ProjectName, SortedSet<String>> requiredBy = new LinkedHashMap<>();
    for (ProjectName name : done.pins.keySet()) {
      SortedSet<String> parents = new TreeSet<>();
      for (Edge e : done.criteria.get(name)) {
        parents.add(e.via());
      }
      requiredBy.put(name, parents);
    }
    return new Outcome(done.pins, requiredBy);
  }

  private Object solve(State state) {
    ProjectName name = null;
    for (ProjectName n : state.criteria.keySet()) {
      if (!state.pins.containsKey(n)) {
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
    for (Edge e : edges) {
      specifier = specifier.and(e.requirement().specifier());
    }
    for (Requirement c : constraints.getOrDefault(name, List.of())) {
      specifier = specifier.and(c.specifier());
    }
    List<String> rejected = new ArrayList<>();
    Failure first = null;
    Set<ProjectName> causes = new HashSet<>(involved);
    for (Version v : candidates(name, specifier, rejected)) {
      Optional<String> unusable = unusable(name, v, edges);
      if (unusable.isPresent()) {
        rejected.add(v + " (" + unusable.get() + ")");
        continue;
      }
      if (++rounds > maxRounds) {
        throw new Unresolvable(
            "gave up after trying "
                + maxRounds
                + " versions; the build environment is too complex to resolve",
            chains(edges));
      }
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
      return new Failure(first.message(), first.chain(), causes);
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
    return new Failure(message.toString(), chains(edges), involved);
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

  /** Matching versions, newest first, with the preferred version (if it matches) first. */
  private List<Version> candidates(
      ProjectName name, SpecifierSet specifier, List<String> rejected) {
    List<Version> all;
    try {
      all = index.versions(name);
    } catch (IndexException e) {
      if (e.isNotFound()) {
        rejected.add("the index has no project " + name.canonical());
        return List.of();
      }
      throw e;
    }
    List<Version> matching = new ArrayList<>(specifier.filter(all));
    Collections.reverse(matching);
    Version pin = preferred.get(name);
    if (pin != null && matching.remove(pin)) {
      matching.add(0, pin);
    }
    if (!matching.isEmpty()) {
      index.filesAsync(name, matching.get(0));
      index.metadataAsync(name, matching.get(0));
    }
    return matching;
  }

  /** Why a version cannot be used here (yanked, wrong Python, no files), if it cannot. */
  private Optional<String> unusable(ProjectName name, Version version, List<Edge> edges) {
    List<ReleaseFile> files = index.files(name, version);
    if (files.isEmpty()) {
      return Optional.of("has no files");
    }
    if (files.stream().allMatch(ReleaseFile::yanked) && !pinnedExactly(version, edges, name)) {
      return Optional.of("yanked");
    }
    List<ReleaseFile> live = files.stream().filter(f -> !f.yanked()).toList();
    List<ReleaseFile> considered = live.isEmpty() ? files : live;
    boolean anyForPython =
        considered.stream()
            .anyMatch(
                f ->
                    f.requiresPython().isEmpty()
                        || SpecifierSet.tryParse(f.requiresPython().get())
                            .map(s -> s.contains(python, true))
                            .orElse(true));
    if (!anyForPython) {
      return Optional.of(
          "requires Python " + considered.get(0).requiresPython().orElse("") + ", not " + python);
    }
    ReleaseMetadata metadata = index.metadata(name, version);
    if (metadata.requiresPython().isPresent()
        && !SpecifierSet.tryParse(metadata.requiresPython().get())
            .map(s -> s.contains(python, true))
            .orElse(true)) {
      return Optional.of("requires Python " + metadata.requiresPython().get() + ", not " + python);
    }
    return Optional.empty();
  }

  /** PEP 592: a yanked release is chosen only when a requirement names it with {@code ==}. */
  private boolean pinnedExactly(Version version, List<Edge> edges, ProjectName name) {
    List<Requirement> all = new ArrayList<>();
    edges.forEach(e -> all.add(e.requirement()));
    all.addAll(constraints.getOrDefault(name, List.of()));
    for (Requirement r : all) {
      for (Specifier s : r.specifier().specifiers()) {
        if ((s.operator() == Specifier.Operator.EQUAL && !s.isWildcard()
                || s.operator() == Specifier.Operator.ARBITRARY)
            && s.contains(version, true)) {
          return true;
        }
      }
    }
    return false;
  }

  private Failure addDependencies(
      State state, ProjectName name, Version version, Set<String> extras, List<String> path) {
    Set<String> done = state.extrasDone.computeIfAbsent(name, k -> new HashSet<>());
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
    done.addAll(wanted);
    ReleaseMetadata metadata = index.metadata(name, version);
    List<String> childPath = new ArrayList<>(path);
    childPath.add(name.canonical() + "==" + version);
    for (String text : metadata.requiresDist()) {
      Optional<Requirement> parsed = Requirement.tryParse(text);
      if (parsed.isEmpty()) {
        LOG.warn("{}=={}: ignoring unparsable Requires-Dist {}", name, version, text);
        continue;
      }
      Requirement dep = parsed.get();
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
          new HashSet<>(edge.parent().stream().toList()));
    }
    boolean fresh = !state.criteria.containsKey(name);
    state.criteria.computeIfAbsent(name, k -> new ArrayList<>()).add(edge);
    if (fresh) {
      index.versionsAsync(name); // start the look-up while the search goes on
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
          involved);
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
