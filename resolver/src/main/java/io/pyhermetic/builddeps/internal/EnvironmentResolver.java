package io.pyhermetic.builddeps.internal;

import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.resolution.internal.Candidates;
import io.pyhermetic.resolution.internal.Solver;
import io.pyhermetic.resolution.internal.Unresolvable;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves one build environment for one interpreter: the newest non-yanked versions that satisfy
 * every requirement, every user constraint and the interpreter's Python version, trying the input
 * pins first. The search is the shared {@link Solver}; this class supplies the index's versions,
 * files and metadata. Not thread-safe: one instance per resolution.
 */
public final class EnvironmentResolver implements Solver.Provider {
  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentResolver.class);

  private final CachingIndex index;
  private final MarkerEnvironment environment;
  private final Version python;
  private final Map<ProjectName, Version> preferred;
  private final List<Requirement> constraints;
  private final int maxRounds;

  /**
   * A resolver for one interpreter.
   *
   * @param index where versions, files and metadata come from
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
    this.constraints = List.copyOf(constraints);
    this.maxRounds = maxRounds;
  }

  /**
   * Resolves {@code requirements} (the active ones; markers are evaluated here) as the build
   * environment of {@code root}.
   *
   * @param root the package being built, {@code name==version}, which starts every chain
   * @param via the canonical name recorded as what requires the root requirements
   * @param requirements the declared build requirements
   * @return the pins and what requires each
   * @throws Unresolvable when no environment exists or the search is too long
   * @throws IndexException when the index fails
   */
  public Solver.Outcome resolve(String root, String via, List<Requirement> requirements) {
    List<Solver.Root> roots = new ArrayList<>();
    for (Requirement r : requirements) {
      roots.add(new Solver.Root(r, via, root));
    }
    Solver solver =
        new Solver(
            this,
            environment,
            constraints,
            maxRounds,
            "the build environment is too complex to resolve");
    return solver.resolve(roots);
  }

  /** Matching versions, newest first, with the preferred version (if it matches) first. */
  @Override
  public List<Version> candidates(
      ProjectName name,
      SpecifierSet specifier,
      List<Requirement> requirements,
      List<String> rejected) {
    List<Version> all = Candidates.known(name, () -> index.versions(name), rejected);
    List<Version> matching =
        Candidates.newestFirst(all, specifier, false, Optional.ofNullable(preferred.get(name)));
    if (!matching.isEmpty()) {
      index.filesAsync(name, matching.get(0));
      index.metadataAsync(name, matching.get(0));
    }
    return matching;
  }

  /** Why a version cannot be used here (yanked, wrong Python, no files), if it cannot. */
  @Override
  public Optional<String> unusable(
      ProjectName name, Version version, List<Requirement> requirements) {
    List<ReleaseFile> files = index.files(name, version);
    if (files.isEmpty()) {
      return Optional.of("has no files");
    }
    if (files.stream().allMatch(ReleaseFile::yanked)
        && !Candidates.pinsExactly(version, requirements)) {
      return Optional.of("yanked");
    }
    List<ReleaseFile> live = files.stream().filter(f -> !f.yanked()).toList();
    List<ReleaseFile> considered = live.isEmpty() ? files : live;
    boolean anyForPython =
        considered.stream().anyMatch(f -> Candidates.admitsPython(f.requiresPython(), python));
    if (!anyForPython) {
      return Optional.of(
          "requires Python " + considered.get(0).requiresPython().orElse("") + ", not " + python);
    }
    ReleaseMetadata metadata = index.metadata(name, version);
    if (!Candidates.admitsPython(metadata.requiresPython(), python)) {
      return Optional.of("requires Python " + metadata.requiresPython().get() + ", not " + python);
    }
    return Optional.empty();
  }

  @Override
  public List<Requirement> dependencies(ProjectName name, Version version) {
    ReleaseMetadata metadata = index.metadata(name, version);
    List<Requirement> out = new ArrayList<>();
    for (String text : metadata.requiresDist()) {
      Optional<Requirement> parsed = Requirement.tryParse(text);
      if (parsed.isEmpty()) {
        LOG.warn("{}=={}: ignoring unparsable Requires-Dist {}", name, version, text);
        continue;
      }
      out.add(parsed.get());
    }
    return out;
  }

  @Override
  public void discovered(ProjectName name, int depth) {
    index.versionsAsync(name); // start the look-up while the search goes on
  }
}
