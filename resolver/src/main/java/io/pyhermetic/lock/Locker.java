package io.pyhermetic.lock;

import io.pyhermetic.error.Problem;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.lock.internal.TargetProvider;
import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.resolution.internal.Candidates;
import io.pyhermetic.resolution.internal.Solver;
import io.pyhermetic.resolution.internal.Unresolvable;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a {@link LockRequest} for each of its targets, concurrently, against one index: no
 * build, no emulation, only the index's listings and core metadata. Markers are evaluated in each
 * target's environment; a release whose dependencies cannot be known without a build is reported,
 * never guessed. Thread-safe; the index is shared by the targets, so what one target looked up
 * costs the others nothing.
 */
public final class Locker {
  private static final Logger LOG = LoggerFactory.getLogger(Locker.class);

  private final CachingIndex index;

  /**
   * Locks against {@code index} (wrapped in a {@link CachingIndex} unless it is one).
   *
   * @param index the index
   */
  public Locker(PackageIndex index) {
    Objects.requireNonNull(index, "index");
    this.index = index instanceof CachingIndex caching ? caching : new CachingIndex(index);
  }

  /**
   * Locks every target of the request.
   *
   * @param request the request
   * @return the lock of every target
   * @throws IllegalArgumentException when an extra or a group asked for is declared by no input
   * @throws io.pyhermetic.index.IndexException when the index fails (other than a project or
   *     release it does not have, which is a conflict)
   */
  public LockResult lock(LockRequest request) {
    Objects.requireNonNull(request, "request");
    requireDeclared(request);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, request.targets().size()));
    try {
      List<CompletableFuture<TargetLock>> futures = new ArrayList<>();
      for (Target target : request.targets()) {
        futures.add(CompletableFuture.supplyAsync(() -> lock(request, target), pool));
      }
      List<TargetLock> locks = new ArrayList<>();
      for (CompletableFuture<TargetLock> f : futures) {
        locks.add(Futures.join(f));
      }
      return new LockResult(locks);
    } finally {
      pool.shutdownNow();
    }
  }

  private TargetLock lock(LockRequest request, Target target) {
    TargetProvider provider = new TargetProvider(index, target, request);
    List<Problem> problems = new ArrayList<>();
    List<Solver.Root> roots = new ArrayList<>();
    List<String> inputVia = new ArrayList<>();
    Version python = Version.parse(target.markerEnvironment().get("python_full_version"));
    List<Requirement> constraints = new ArrayList<>();
    for (LockInput input : request.inputs()) {
      inputVia.add(input.via());
      for (String entry : input.unsupported()) {
        problems.add(
            Problem.error(
                LockCode.UNSUPPORTED,
                input.path(),
                "cannot lock from an index (editable, URL or path requirement): " + entry));
      }
      input
          .declared()
          .requiresPython()
          .filter(text -> !Candidates.admitsPython(Optional.of(text), python))
          .ifPresent(
              text ->
                  problems.add(
                      Problem.error(
                          LockCode.REQUIRES_PYTHON,
                          input.path(),
                          "requires-python "
                              + text
                              + " excludes the target's Python "
                              + target.pythonVersion())));
      for (Requirement r : provider.overridden(rootRequirements(input, request))) {
        roots.add(new Solver.Root(r, input.via(), input.via()));
      }
      for (Requirement c : input.constraints()) {
        if (active(c, target)) {
          constraints.add(c);
        }
      }
    }
    for (Requirement c : request.constraints()) {
      if (active(c, target)) {
        constraints.add(c);
      }
    }
    Solver solver =
        new Solver(
            provider,
            target.markerEnvironment(),
            constraints,
            request.maxRounds(),
            "the requirements are too complex to resolve");
    Solver.Outcome outcome;
    try {
      outcome = solver.resolve(roots);
    } catch (Unresolvable e) {
      LOG.debug("{}: no solution after {} rounds", target, solver.rounds());
      return new TargetLock(
          target,
          List.of(),
          problems,
          Optional.of(new Conflict(e.getMessage(), e.chain(), e.derivation())),
          solver.rounds());
    }
    List<LockedPackage> packages = new ArrayList<>();
    for (Map.Entry<ProjectName, Version> pin : outcome.pins().entrySet()) {
      ProjectName name = pin.getKey();
      Version version = pin.getValue();
      Release release = new Release(name, version);
      ReleaseMetadata.Source source =
          provider
              .metadataRead(release)
              .map(ReleaseMetadata::source)
              .orElse(ReleaseMetadata.Source.UNSPECIFIED);
      provider
          .metadataRead(release)
          .flatMap(ReleaseMetadata::requiresDistUnknown)
          .ifPresent(
              why ->
                  problems.add(
                      Problem.error(
                          LockCode.DEPENDENCIES_UNKNOWN,
                          release.toString(),
                          "its dependencies cannot be known without a build: " + why)));
      for (String text : provider.unparsable(release)) {
        problems.add(
            Problem.error(
                LockCode.DEPENDENCIES_UNKNOWN,
                release.toString(),
                "its metadata has a Requires-Dist that does not parse: " + text));
      }
      List<String> hashes = new ArrayList<>();
      List<ReleaseFile> hashedFiles = new ArrayList<>();
      for (ReleaseFile file : provider.pinnedFiles(name, version)) {
        file.sha256().ifPresent(h -> hashedFiles.add(file));
        if (file.sha256().isEmpty()) {
          problems.add(
              Problem.error(
                  LockCode.NO_HASH,
                  release.toString(),
                  "the index gives no sha256 for " + file.filename()));
        } else if (!hashes.contains("sha256:" + file.sha256().get())) {
          hashes.add("sha256:" + file.sha256().get());
        }
      }
      hashes.sort(null);
      packages.add(
          new LockedPackage(
              name,
              version,
              hashes,
              via(outcome.requiredBy().get(name), inputVia),
              source,
              hashedFiles));
    }
    packages.sort(java.util.Comparator.comparing(p -> p.name().canonical()));
    return new TargetLock(target, packages, problems, Optional.empty(), solver.rounds());
  }

  /** An extra or group that no input declares is a mistake in the request, as uv treats it. */
  private static void requireDeclared(LockRequest request) {
    for (String extra : request.extras()) {
      if (request.inputs().stream()
          .noneMatch(i -> i.declared().optionalDependencies().containsKey(extra))) {
        throw new IllegalArgumentException("no input declares the extra " + extra);
      }
    }
    for (String group : request.groups()) {
      if (request.inputs().stream().noneMatch(i -> i.declared().groups().containsKey(group))) {
        throw new IllegalArgumentException("no input declares the dependency group " + group);
      }
    }
  }

  /** The input's requirements with the requested extras and groups. */
  private static List<Requirement> rootRequirements(LockInput input, LockRequest request) {
    List<Requirement> out = new ArrayList<>(input.declared().dependencies());
    input
        .declared()
        .optionalDependencies()
        .forEach(
            (extra, requirements) -> {
              if (request.allExtras() || request.extras().contains(extra)) {
                out.addAll(requirements);
              }
            });
    input
        .declared()
        .groups()
        .forEach(
            (group, requirements) -> {
              if (request.groups().contains(group)) {
                out.addAll(requirements);
              }
            });
    return out;
  }

  /** uv's order: the inputs first, in input order, then packages by name. */
  private static List<String> via(SortedSet<String> requiredBy, List<String> inputVia) {
    List<String> out = new ArrayList<>();
    for (String input : inputVia) {
      if (requiredBy.contains(input) && !out.contains(input)) {
        out.add(input);
      }
    }
    for (String parent : requiredBy) {
      if (!inputVia.contains(parent)) {
        out.add(parent);
      }
    }
    return out;
  }

  private static boolean active(Requirement r, Target target) {
    return Marker.appliesIn(r.marker(), target.markerEnvironment());
  }
}
