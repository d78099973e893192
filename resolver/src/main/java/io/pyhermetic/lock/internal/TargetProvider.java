package io.pyhermetic.lock.internal;

import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.lock.LockRequest;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.resolution.internal.Candidates;
import io.pyhermetic.resolution.internal.LookAhead;
import io.pyhermetic.resolution.internal.Solver;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The candidates of one target: a release is one only if it has a file installable there (a wheel
 * whose tags the target accepts, or an sdist, as the binary rules allow), for the target's Python,
 * not yanked unless pinned with {@code ==}, uploaded before {@code --exclude-newer}; newest first,
 * with an existing lock's version first. Dependencies come from the index's metadata, overrides
 * applied. Look-ups the search waits for run at the highest priority; a speculative walk ahead of
 * the search fetches the likely next listings and metadata at lower ones.
 */
public final class TargetProvider implements Solver.Provider {
  // above every prefetch level: the search waits for these
  private static final int ON_PATH = 1_000_000;

  private final CachingIndex index;
  private final Target target;
  private final MarkerEnvironment environment;
  private final Version python;
  private final LockRequest request;
  private final Map<ProjectName, List<Requirement>> overrides;
  private final Map<Release, ReleaseMetadata> metadataSeen = new HashMap<>();
  private final Map<Release, List<String>> unparsable = new LinkedHashMap<>();
  private final LookAhead lookAhead;

  /**
   * Candidates and dependencies of {@code target} from {@code index}, as {@code request} limits
   * them.
   *
   * @param index the index
   * @param target the build target
   * @param request the lock request
   */
  public TargetProvider(CachingIndex index, Target target, LockRequest request) {
    this.index = Objects.requireNonNull(index, "index");
    // deeper projects at higher levels, so that chains overtake broad fan-out
    this.lookAhead = new LookAhead(index, this::guess, this::active, depth -> depth);
    this.target = Objects.requireNonNull(target, "target");
    this.environment = target.markerEnvironment();
    this.python = Version.parse(environment.get("python_full_version"));
    this.request = Objects.requireNonNull(request, "request");
    Map<ProjectName, List<Requirement>> byName = new LinkedHashMap<>();
    for (Requirement o : request.overrides()) {
      if (active(o)) {
        byName.computeIfAbsent(o.projectName(), k -> new ArrayList<>()).add(o);
      }
    }
    this.overrides = byName;
  }

  /**
   * {@code requirements} with overrides applied: an overridden project's are replaced.
   *
   * @param requirements the requirements
   * @return the requirements with overrides applied
   */
  public List<Requirement> overridden(List<Requirement> requirements) {
    List<Requirement> out = new ArrayList<>();
    Set<ProjectName> replaced = new java.util.HashSet<>();
    for (Requirement r : requirements) {
      List<Requirement> replacement = overrides.get(r.projectName());
      if (replacement == null) {
        out.add(r);
      } else if (replaced.add(r.projectName())) {
        out.addAll(replacement);
      }
    }
    return out;
  }

  @Override
  public List<Version> candidates(
      ProjectName name,
      SpecifierSet specifier,
      List<Requirement> requirements,
      List<String> rejected) {
    List<Version> all = Candidates.known(name, () -> onPath(() -> index.versions(name)), rejected);
    List<Version> matching =
        Candidates.newestFirst(
            all, specifier, request.prereleases(), request.preferred(target.arch(), name));
    if (!matching.isEmpty()) {
      Version first = matching.get(0);
      onPath(() -> index.metadataAsync(name, first));
    }
    return matching;
  }

  @Override
  public Optional<String> unusable(
      ProjectName name, Version version, List<Requirement> requirements) {
    List<ReleaseFile> all = onPath(() -> index.files(name, version));
    if (all.isEmpty()) {
      return Optional.of("has no files");
    }
    List<ReleaseFile> files = lockable(all, Candidates.pinsExactly(version, requirements));
    if (files.isEmpty()) {
      return Optional.of(
          all.stream().allMatch(ReleaseFile::yanked)
              ? "yanked"
              : "every file was uploaded after " + request.excludeNewer().orElseThrow());
    }
    List<ReleaseFile> forPython = files.stream().filter(this::forPython).toList();
    if (forPython.isEmpty()) {
      return Optional.of(
          "requires Python " + files.get(0).requiresPython().orElse("") + ", not " + python);
    }
    List<ReleaseFile> installable = forPython.stream().filter(f -> installable(name, f)).toList();
    if (installable.isEmpty()) {
      String rule =
          request.onlyBinary(name)
              ? " (only wheels allowed)"
              : request.noBinary(name) ? " (only sdists allowed)" : "";
      return Optional.of("no wheel for " + target + " and no sdist" + rule);
    }
    ReleaseMetadata metadata = metadata(name, version);
    if (!Candidates.admitsPython(metadata.requiresPython(), python)) {
      return Optional.of("requires Python " + metadata.requiresPython().get() + ", not " + python);
    }
    return Optional.empty();
  }

  @Override
  public List<Requirement> dependencies(ProjectName name, Version version) {
    ReleaseMetadata metadata = metadata(name, version);
    List<Requirement> out = new ArrayList<>();
    for (String text : metadata.requiresDist()) {
      Optional<Requirement> parsed = Requirement.tryParse(text);
      if (parsed.isEmpty()) {
        unparsable.computeIfAbsent(new Release(name, version), k -> new ArrayList<>()).add(text);
      } else {
        out.add(parsed.get());
      }
    }
    return overridden(out);
  }

  @Override
  public void discovered(ProjectName name, int depth) {
    lookAhead.walk(name, SpecifierSet.empty(), depth);
  }

  /**
   * The metadata the search read for a release, if it read any.
   *
   * @param release the release
   * @return the metadata, or empty
   */
  public Optional<ReleaseMetadata> metadataRead(Release release) {
    return Optional.ofNullable(metadataSeen.get(release));
  }

  /**
   * The Requires-Dist lines of a release that do not parse.
   *
   * @param release the release
   * @return the lines
   */
  public List<String> unparsable(Release release) {
    return unparsable.getOrDefault(release, List.of());
  }

  /**
   * The files of a chosen release that the lock pins: every file not excluded by upload time, and
   * not yanked unless every file is.
   *
   * @param name the project
   * @param version the chosen version
   * @return the files
   */
  public List<ReleaseFile> pinnedFiles(ProjectName name, Version version) {
    List<ReleaseFile> all = onPath(() -> index.files(name, version));
    return lockable(all, true);
  }

  private List<ReleaseFile> lockable(List<ReleaseFile> all, boolean yankedAllowed) {
    List<ReleaseFile> inTime =
        all.stream()
            .filter(
                f ->
                    request.excludeNewer().isEmpty()
                        || f.uploadTime().isEmpty()
                        || !f.uploadTime().get().isAfter(request.excludeNewer().get()))
            .toList();
    List<ReleaseFile> live = inTime.stream().filter(f -> !f.yanked()).toList();
    return live.isEmpty() && yankedAllowed ? inTime : live;
  }

  private boolean forPython(ReleaseFile f) {
    return Candidates.admitsPython(f.requiresPython(), python);
  }

  private boolean installable(ProjectName name, ReleaseFile file) {
    if (file.isSdist()) {
      return !request.onlyBinary(name);
    }
    if (!file.isWheel() || request.noBinary(name)) {
      return false;
    }
    return DistributionFilename.tryParse(file.filename()).map(target::accepts).orElse(false);
  }

  private ReleaseMetadata metadata(ProjectName name, Version version) {
    ReleaseMetadata metadata = onPath(() -> index.metadata(name, version));
    metadataSeen.put(new Release(name, version), metadata);
    return metadata;
  }

  private boolean active(Requirement r) {
    return Marker.appliesIn(r.marker(), environment);
  }

  private Optional<Version> guess(
      ProjectName name, SpecifierSet specifier, List<Version> versions) {
    Optional<Version> preferred = request.preferred(target.arch(), name);
    if (preferred.isPresent() && versions.contains(preferred.get())) {
      return preferred;
    }
    List<Version> matching = specifier.filter(versions);
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
  }

  private static <T> T onPath(java.util.function.Supplier<T> lookup) {
    return RequestPriority.of(ON_PATH).call(lookup);
  }
}
