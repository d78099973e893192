package io.pyhermetic.builddeps.internal;

import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.builddeps.DeclaredRequirement;
import io.pyhermetic.builddeps.PackageOutcome;
import io.pyhermetic.builddeps.ResolvedPin;
import io.pyhermetic.buildsystem.BuildRequirements;
import io.pyhermetic.buildsystem.BuildSystemException;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.resolution.internal.Candidates;
import io.pyhermetic.resolution.internal.LookAhead;
import io.pyhermetic.resolution.internal.Solver;
import io.pyhermetic.resolution.internal.Unresolvable;
import io.pyhermetic.sdist.SdistContents;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * The build environment of one package, as pip's build isolation makes it: the build requirements
 * its sdist declares (plus the configured extra requirements of its backends) resolved separately
 * for each distinct target interpreter, under the user's constraints, and merged.
 */
public final class BuildEnvironment {
  private final CachingIndex index;
  private final BuildDepsOptions options;
  private final Map<ProjectName, Version> preferred;
  // one per distinct interpreter: targets that differ only in architecture resolve alike here
  private final Map<MarkerEnvironment, Target> interpreters = new LinkedHashMap<>();
  private final SdistSource sdists;
  private final Set<Release> inputs;
  private final LookAhead lookAhead;

  /**
   * A resolver of build environments.
   *
   * @param index where versions and metadata come from
   * @param options the targets, constraints, extra requirements and resolution budget
   * @param preferred the versions to try first (the input pins)
   * @param sdists where the sdists of packages found in environments are fetched ahead, as they
   *     will be built too (not with {@code --binary-for}, where most will not)
   * @param inputs the input releases, whose sdists are fetched with their pinned hashes instead
   */
  public BuildEnvironment(
      CachingIndex index,
      BuildDepsOptions options,
      Map<ProjectName, Version> preferred,
      SdistSource sdists,
      Set<Release> inputs) {
    this.index = Objects.requireNonNull(index, "index");
    this.options = Objects.requireNonNull(options, "options");
    this.preferred = Map.copyOf(preferred);
    this.sdists = Objects.requireNonNull(sdists, "sdists");
    this.inputs = Set.copyOf(inputs);
    for (Target t : options.targets()) {
      interpreters.putIfAbsent(t.markerEnvironment(), t);
    }
    this.lookAhead =
        new LookAhead(
            index,
            this::likelyPick,
            this::activeSomewhere,
            IntUnaryOperator.identity(),
            this::picked);
  }

  /**
   * Starts fetching what the build environment of an sdist will need (the listings and likely
   * metadata of its build requirements and of their dependencies) without waiting for its
   * resolution, which may still be queued behind other packages' work. A declaration that cannot be
   * read is left for {@link #resolve} to report.
   *
   * @param contents what the sdist holds
   * @param priority the request priority of the build requirements' look-ups
   */
  public void fetchAhead(SdistContents contents, int priority) {
    try {
      lookAhead.walkAll(roots(contents.buildRequirements(), new ArrayList<>()), priority);
    } catch (BuildSystemException e) {
      // resolve() reports it
    }
  }

  /**
   * A package picked ahead will most likely be built as well: its sdist is fetched and read, and
   * its own build environment fetched ahead in turn, one level further down.
   */
  private void picked(ProjectName name, Version version, int priority) {
    Release release = new Release(name, version);
    if (options.isBinaryFor() || inputs.contains(release)) {
      return;
    }
    // found by an environment's look-ups at priority p, it lies one depth further down the build
    // graph: its sdist and environment go where its inspection would put them (PackageInspector)
    sdists
        .fetchAhead(release, priority + 2)
        .thenAccept(contents -> contents.ifPresent(c -> fetchAhead(c, priority + 3)))
        .exceptionally(error -> null); // the inspection meets it
  }

  /**
   * The requirements an environment is resolved from: the declared build requirements, then the
   * configured extra requirements of each backend named among them; each described in {@code
   * described}.
   */
  private List<Requirement> roots(BuildRequirements declared, List<DeclaredRequirement> described) {
    List<Requirement> roots = new ArrayList<>();
    for (int i = 0; i < declared.requirements().size(); i++) {
      Requirement r = declared.requirements().get(i);
      roots.add(r);
      described.add(new DeclaredRequirement(r.toString(), declared.origin(i).label()));
    }
    Set<ProjectName> named = new LinkedHashSet<>();
    declared.requirements().forEach(r -> named.add(r.projectName()));
    for (ProjectName backend : named) {
      for (Requirement extra : options.extraRequirements().getOrDefault(backend, List.of())) {
        roots.add(extra);
        described.add(
            new DeclaredRequirement(extra.toString(), "extra for " + backend.canonical()));
      }
    }
    return roots;
  }

  /** Whether {@code r} applies for some target interpreter (its marker, with no extra). */
  private boolean activeSomewhere(Requirement r) {
    return interpreters.keySet().stream().anyMatch(i -> Marker.appliesIn(r.marker(), i));
  }

  /** The input pin when the specifier allows it, else the newest final release it allows. */
  private Optional<Version> likelyPick(
      ProjectName name, SpecifierSet specifier, List<Version> versions) {
    List<Version> matching =
        Candidates.newestFirst(
            versions, specifier, false, Optional.ofNullable(preferred.get(name)));
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(0));
  }

  /**
   * Resolves the build environment of {@code release} from its sdist.
   *
   * @param release the package
   * @param sdist the sdist that was read
   * @param contents what the sdist holds
   * @return the resolved outcome with its environment, or the failure
   */
  public Inspection resolve(Release release, ReleaseFile sdist, SdistContents contents) {
    BuildRequirements declared;
    try {
      declared = contents.buildRequirements();
    } catch (BuildSystemException e) {
      return Inspection.failed(
          release,
          Problem.error(BuildDepsCode.BAD_BUILD_DECLARATION, release.toString(), e.getMessage()));
    }
    Optional<Problem> unusable = unusableDeclaration(release, declared);
    if (unusable.isPresent()) {
      return Inspection.failed(release, unusable.get());
    }
    List<DeclaredRequirement> described = new ArrayList<>();
    List<Requirement> roots = roots(declared, described);
    Map<Release, SortedSet<String>> environment = new TreeMap<>(Inspection.RELEASE_ORDER);
    for (Map.Entry<MarkerEnvironment, Target> interpreter : interpreters.entrySet()) {
      List<Requirement> constraints = new ArrayList<>();
      for (Requirement c : options.constraints()) {
        if (c.marker().isEmpty() || c.marker().get().evaluate(interpreter.getKey())) {
          constraints.add(c.withMarker(Optional.empty()));
        }
      }
      EnvironmentResolver resolver =
          new EnvironmentResolver(
              index, interpreter.getKey(), preferred, constraints, options.maxResolutionRounds());
      Solver.Outcome resolved;
      try {
        resolved = resolver.resolve(release.toString(), release.name().canonical(), roots);
      } catch (Unresolvable e) {
        Target t = interpreter.getValue();
        return Inspection.failed(
            release,
            Problem.error(
                    BuildDepsCode.RESOLUTION_CONFLICT,
                    release.toString(),
                    "cannot resolve the build environment for "
                        + t.arch()
                        + " with Python "
                        + t.pythonVersion()
                        + ": "
                        + e.getMessage())
                .withChain(e.chain()));
      }
      resolved
          .pins()
          .forEach(
              (name, version) ->
                  environment
                      .computeIfAbsent(new Release(name, version), k -> new TreeSet<>())
                      .addAll(resolved.requiredBy().get(name)));
    }
    List<ResolvedPin> pins = new ArrayList<>();
    environment.forEach((r, by) -> pins.add(new ResolvedPin(r.name(), r.version(), by)));
    PackageOutcome outcome =
        new PackageOutcome(
            release.name(),
            release.version(),
            PackageOutcome.Status.RESOLVED,
            Optional.of(sdist.filename()),
            declared.backend(),
            described,
            pins,
            new TreeSet<>(),
            Optional.empty());
    return new Inspection(outcome, environment);
  }

  /**
   * Why the build requirements an sdist declares are not resolved at all: more of them than {@link
   * BuildDepsResolver#MAX_BUILD_REQUIREMENTS} (a hostile sdist must not cost minutes and
   * gigabytes), or the package itself among them. Every such finding is named, in one problem.
   */
  private static Optional<Problem> unusableDeclaration(
      Release release, BuildRequirements declared) {
    int max = BuildDepsResolver.MAX_BUILD_REQUIREMENTS;
    List<String> findings = new ArrayList<>();
    int count = declared.requirements().size();
    if (count > max) {
      findings.add(
          "its sdist declares "
              + count
              + " build requirements, more than the "
              + max
              + " read; none of them is resolved");
    }
    List<String> self = new ArrayList<>();
    for (int i = 0; i < count && self.size() < 10; i++) {
      Requirement r = declared.requirements().get(i);
      if (r.projectName().equals(release.name())) {
        self.add("'" + r + "' (" + declared.origin(i).label() + ")");
      }
    }
    if (!self.isEmpty()) {
      findings.add(
          "it lists itself among its own build requirements ("
              + String.join(", ", self)
              + "), a cycle: it cannot be built from its sdist without a built copy of itself");
    }
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    BuildDepsCode kind =
        count > max ? BuildDepsCode.BAD_BUILD_DECLARATION : BuildDepsCode.BUILD_CYCLE;
    return Optional.of(Problem.error(kind, release.toString(), String.join("; ", findings)));
  }
}
