package io.pyhermetic.lockfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.lockfile.internal.UvLockReader;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.ProjectName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-target selection of a {@code uv.lock}: a walk of the dependency graph from the workspace
 * members, following only edges whose markers hold for the target. The members themselves are the
 * project being built and are not listed.
 */
final class UvSelector {
  /** uv installs the {@code dev} group unless told otherwise. */
  static final Set<String> DEFAULT_GROUPS = Set.of("dev");

  private UvSelector() {}

  private record Visit(int index, String extra) {}

  static LockSelection select(UvLockFile file, SelectionRequest request) {
    UvLock lock = file.lock();
    MarkerEnvironment env = request.target().markerEnvironment();
    List<Diagnostic> problems = new ArrayList<>();
    Location head = new Location(file.source(), 1, 1);
    Optional<LockSelection> excluded =
        LockSelection.pythonExcluded(file.source(), request.target(), lock.requiresPython());
    if (excluded.isPresent()) {
      return excluded.get();
    }
    List<UvPackage> packages = lock.packages();
    List<Integer> roots = roots(lock);
    if (roots.isEmpty()) {
      problems.add(
          LockSelection.problem(
              head, "no workspace member: no package has an editable or virtual source"));
      return new LockSelection(file.source(), request.target(), List.of(), problems);
    }
    Set<String> extras = canonical(request.extras());
    Set<String> groups = canonical(request.dependencyGroups().orElse(DEFAULT_GROUPS));
    Deque<Visit> queue = new ArrayDeque<>();
    Set<Visit> seen = new HashSet<>();
    for (int root : roots) {
      queue.add(new Visit(root, ""));
      for (String extra : extras) {
        queue.add(new Visit(root, extra));
      }
      for (String group : groups) {
        queue.add(new Visit(root, "group:" + group));
      }
    }
    Set<Integer> reached = new java.util.TreeSet<>();
    while (!queue.isEmpty()) {
      Visit visit = queue.poll();
      if (!seen.add(visit)) {
        continue;
      }
      UvPackage p = packages.get(visit.index());
      reached.add(visit.index());
      List<UvDependency> edges;
      if (visit.extra().isEmpty()) {
        edges = p.dependencies();
      } else if (visit.extra().startsWith("group:")) {
        edges = p.devDependencies().getOrDefault(visit.extra().substring(6), List.of());
      } else {
        edges = p.optionalDependencies().getOrDefault(visit.extra(), List.of());
      }
      for (UvDependency d : edges) {
        if (!LockSelection.applies(
            d.marker(),
            m -> m.evaluate(env),
            new Location(file.source(), file.line(visit.index()), 1),
            p.name() + " → " + d.name() + ": ",
            problems)) {
          continue;
        }
        for (int j = 0; j < packages.size(); j++) {
          if (UvLockReader.matches(d, packages.get(j))) {
            queue.add(new Visit(j, ""));
            for (String extra : d.extras()) {
              queue.add(new Visit(j, extra));
            }
          }
        }
      }
    }
    Map<String, Integer> byName = new LinkedHashMap<>();
    List<LockSelection.Selected> selected = new ArrayList<>();
    Set<Integer> rootSet = new HashSet<>(roots);
    for (int i : reached) {
      UvPackage p = packages.get(i);
      Location at = new Location(file.source(), file.line(i), 1);
      Integer earlier = byName.putIfAbsent(p.name(), i);
      if (earlier != null) {
        problems.add(
            LockSelection.problem(
                at,
                "package["
                    + i
                    + "]: "
                    + p.name()
                    + " is reached twice for "
                    + request.target()
                    + ", here and at package["
                    + earlier
                    + "]"));
        continue;
      }
      if (rootSet.contains(i) || p.source().kind().equals("virtual")) {
        continue;
      }
      LockedPackage locked = p.toLocked();
      Optional<PackageSource> install = PylockSelector.install(locked, request.target());
      if (install.isEmpty()) {
        problems.add(
            LockSelection.problem(
                at,
                "package["
                    + i
                    + "]: no wheel of "
                    + p.name()
                    + " runs on "
                    + request.target()
                    + " and there is no sdist to fall back on"));
        continue;
      }
      selected.add(new LockSelection.Selected(locked, i, file.line(i), install.get()));
    }
    return new LockSelection(file.source(), request.target(), selected, problems);
  }

  /** The members named by the manifest, else the project at {@code .}, else every local project. */
  static List<Integer> roots(UvLock lock) {
    List<UvPackage> packages = lock.packages();
    List<Integer> roots = new ArrayList<>();
    Set<String> members = new HashSet<>(lock.members());
    for (int i = 0; i < packages.size(); i++) {
      UvPackage p = packages.get(i);
      boolean project = p.source().kind().equals("editable") || p.source().kind().equals("virtual");
      if (members.isEmpty()
          ? project && p.source().value().equals(".")
          : members.contains(p.name()) && p.source().isLocal()) {
        roots.add(i);
      }
    }
    if (roots.isEmpty() && members.isEmpty()) {
      for (int i = 0; i < packages.size(); i++) {
        String kind = packages.get(i).source().kind();
        if (kind.equals("editable") || kind.equals("virtual")) {
          roots.add(i);
        }
      }
    }
    return roots;
  }

  private static Set<String> canonical(Set<String> names) {
    Set<String> out = new java.util.TreeSet<>();
    names.forEach(n -> out.add(ProjectName.canonicalize(n)));
    return out;
  }
}
