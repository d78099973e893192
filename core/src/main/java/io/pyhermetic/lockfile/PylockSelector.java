package io.pyhermetic.lockfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.MarkerEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The installer algorithm of PEP 751 as packaging 26's {@code Pylock.select} implements it: the
 * lock's Python requirement and environments must hold; a package applies when its marker holds
 * (with {@code extras} and {@code dependency_groups} as sets); an applying package must meet its
 * Python requirement and be the only one of its name; each installs its vcs, directory or archive,
 * else its best-ranked compatible wheel (the first listed among equals), else its sdist.
 */
final class PylockSelector {
  private PylockSelector() {}

  static LockSelection select(PylockFile file, SelectionRequest request) {
    Pylock lock = file.lock();
    Target target = request.target();
    MarkerEnvironment env = target.markerEnvironment();
    String fullVersion = env.get("python_full_version");
    Set<String> groups = request.dependencyGroups().orElse(Set.copyOf(lock.defaultGroups()));
    List<Diagnostic> problems = new ArrayList<>();
    Location head = new Location(file.source(), 1, 1);
    List<LockSelection.Selected> none = List.of();
    Optional<LockSelection> excluded =
        LockSelection.pythonExcluded(file.source(), target, lock.requiresPython());
    if (excluded.isPresent()) {
      return excluded.get();
    }
    if (!lock.environments().isEmpty()) {
      boolean any = false;
      try {
        for (Marker m : lock.environments()) {
          if (m.evaluateAsRequirement(env)) {
            any = true;
            break;
          }
        }
      } catch (MarkerEvaluationException e) {
        problems.add(LockSelection.problem(head, "environments: " + e.getMessage()));
        return new LockSelection(file.source(), target, none, problems);
      }
      if (!any) {
        problems.add(
            LockSelection.problem(head, target + " is not one of the lock's environments"));
        return new LockSelection(file.source(), target, none, problems);
      }
    }
    Map<String, Integer> chosen = new LinkedHashMap<>();
    List<LockedPackage> packages = lock.packages();
    for (int i = 0; i < packages.size(); i++) {
      LockedPackage p = packages.get(i);
      Location at = new Location(file.source(), file.line(i), 1);
      if (!LockSelection.applies(
          p.marker(),
          m -> m.evaluateInLockFile(env, request.extras(), groups),
          at,
          "packages[" + i + "].marker: ",
          problems)) {
        continue;
      }
      if (p.requiresPython().isPresent() && !p.requiresPython().get().contains(fullVersion, null)) {
        problems.add(
            LockSelection.problem(
                at,
                "packages["
                    + i
                    + "]: Python "
                    + fullVersion
                    + " does not satisfy "
                    + p.name()
                    + "'s requires-python "
                    + p.requiresPython().get()));
        continue;
      }
      Integer earlier = chosen.putIfAbsent(p.name(), i);
      if (earlier != null) {
        problems.add(
            LockSelection.problem(
                at,
                "packages["
                    + i
                    + "]: "
                    + p.name()
                    + " is selected twice for "
                    + target
                    + ", here and at packages["
                    + earlier
                    + "]"));
      }
    }
    List<LockSelection.Selected> selected = new ArrayList<>();
    for (int i : chosen.values()) {
      LockedPackage p = packages.get(i);
      Optional<PackageSource> install = install(p, target);
      if (install.isPresent()) {
        selected.add(new LockSelection.Selected(p, i, file.line(i), install.get()));
      } else {
        problems.add(
            LockSelection.problem(
                new Location(file.source(), file.line(i), 1),
                "packages["
                    + i
                    + "]: no wheel of "
                    + p.name()
                    + " runs on "
                    + target
                    + " and there is no sdist to fall back on"));
      }
    }
    return new LockSelection(file.source(), target, selected, problems);
  }

  /** What {@code p} installs on {@code target}, empty when nothing fits. */
  static Optional<PackageSource> install(LockedPackage p, Target target) {
    if (p.vcs().isPresent()) {
      return Optional.of(p.vcs().get());
    }
    if (p.directory().isPresent()) {
      return Optional.of(p.directory().get());
    }
    if (p.archive().isPresent()) {
      return Optional.of(p.archive().get());
    }
    Optional<PackageFile> best = bestWheel(p.wheels(), target);
    if (best.isPresent()) {
      return Optional.of(best.get());
    }
    return p.sdist().map(s -> s);
  }

  /** The wheel with the best tag rank; the first listed among equals (a stable sort). */
  static Optional<PackageFile> bestWheel(List<PackageFile> wheels, Target target) {
    PackageFile best = null;
    int bestRank = Integer.MAX_VALUE;
    for (PackageFile wheel : wheels) {
      Optional<DistributionFilename> name = DistributionFilename.tryParse(wheel.filename());
      if (name.isEmpty() || !name.get().isWheel()) {
        continue;
      }
      OptionalInt rank = target.rank(name.get());
      if (rank.isPresent() && rank.getAsInt() < bestRank) {
        best = wheel;
        bestRank = rank.getAsInt();
      }
    }
    return Optional.ofNullable(best);
  }
}
