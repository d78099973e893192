package io.pyhermetic.audit;

import io.pyhermetic.hermeto.HermetoSelection;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Audits pins against an index for several targets, looking every release up concurrently and
 * reporting every package's outcome (a missing release is an outcome, not an abort).
 */
public final class Auditor {
  private final PackageIndex index;
  private final Map<String, Target> targets;
  private final Function<Target, Optional<PipBinaryFilters>> hermetoFilter;

  /**
   * @param targets by label (such as {@code x86_64})
   * @param hermetoFilter the Hermeto {@code binary} filter used for a target, or empty to skip the
   *     Hermeto readiness check
   */
  public Auditor(
      PackageIndex index,
      Map<String, Target> targets,
      Function<Target, Optional<PipBinaryFilters>> hermetoFilter) {
    this.index = Objects.requireNonNull(index, "index");
    this.targets = new LinkedHashMap<>(targets);
    this.hermetoFilter = Objects.requireNonNull(hermetoFilter, "hermetoFilter");
  }

  /** The filter {@code pyhermetic hermeto-config} writes for a target: its arch and Python. */
  public static Optional<PipBinaryFilters> hermetoConfigFilter(Target target) {
    Version python = Version.parse(target.pythonVersion());
    return Optional.of(
        PipBinaryFilters.defaults()
            .withArch(target.arch())
            .withPyVersion(python.major() * 100 + python.minor()));
  }

  public AuditReport audit(List<Entry> entries) {
    List<Release> releases = new ArrayList<>();
    for (Entry e : entries) {
      e.pinnedVersion()
          .filter(v -> e.name().isPresent())
          .ifPresent(v -> releases.add(new Release(e.name().get(), v)));
    }
    ReleaseResults<List<ReleaseFile>> files = index.filesForAll(releases);
    List<PackageAudit> packages = new ArrayList<>();
    String python = targets.values().stream().findFirst().map(Target::pythonVersion).orElse("");
    for (Entry e : entries) {
      packages.add(audit(e, files));
    }
    return new AuditReport(python, new ArrayList<>(targets.keySet()), packages);
  }

  private PackageAudit audit(Entry e, ReleaseResults<List<ReleaseFile>> results) {
    Map<String, TargetResult> byTarget = new LinkedHashMap<>();
    if (e.pinnedVersion().isEmpty() || e.name().isEmpty()) {
      String what = e.link().orElse(e.requirementText().strip());
      boolean url = e.link().isPresent();
      for (String label : targets.keySet()) {
        byTarget.put(
            label,
            new TargetResult(
                url ? Route.URL : Route.NONE,
                e.link(),
                Optional.empty(),
                url ? List.of() : List.of("not pinned with ==: " + what)));
      }
      return new PackageAudit(
          e.name().map(n -> n.canonical()).orElse(what),
          "",
          e.location(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          byTarget,
          Optional.empty(),
          false);
    }
    Release release = new Release(e.name().get(), e.pinnedVersion().get());
    String written = e.requirement().get().specifier().specifiers().get(0).version();
    Optional<IndexException> failure = results.failure(release);
    if (failure.isPresent()) {
      IndexException ex = failure.get();
      for (String label : targets.keySet()) {
        byTarget.put(
            label,
            new TargetResult(Route.NONE, Optional.empty(), Optional.empty(), List.of(ex.reason())));
      }
      return new PackageAudit(
          release.name().canonical(),
          written,
          e.location(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          byTarget,
          Optional.of(
              ex.isNotFound() ? "no release " + release + " on the index" : ex.getMessage()),
          !ex.isNotFound());
    }
    List<ReleaseFile> files = results.value(release).orElse(List.of());
    Set<String> pinned = new HashSet<>();
    e.hashes()
        .forEach(
            (alg, values) ->
                values.forEach(
                    v ->
                        pinned.add(
                            alg.toLowerCase(Locale.ROOT) + ":" + v.toLowerCase(Locale.ROOT))));
    Set<String> present = new HashSet<>();
    for (ReleaseFile f : files) {
      f.sha256().ifPresent(h -> present.add("sha256:" + h.toLowerCase(Locale.ROOT)));
    }
    List<String> matching = pinned.stream().filter(present::contains).sorted().toList();
    List<String> stale =
        pinned.stream()
            .filter(h -> h.startsWith("sha256:") && !present.contains(h))
            .sorted()
            .toList();
    Optional<ReleaseFile> sdist =
        files.stream()
            .filter(ReleaseFile::isSdist)
            .max(
                Comparator.comparing((ReleaseFile f) -> !f.yanked())
                    .thenComparing(
                        f ->
                            f.filename().endsWith(".tar.gz")
                                ? 2
                                : f.filename().endsWith(".zip") ? 1 : 0)
                    .thenComparing(ReleaseFile::filename, Comparator.reverseOrder()));
    boolean yanked = !files.isEmpty() && files.stream().allMatch(ReleaseFile::yanked);
    Optional<String> yankedReason =
        files.stream().map(ReleaseFile::yankedReason).flatMap(Optional::stream).findFirst();
    Optional<String> requiresPython =
        files.stream()
            .map(ReleaseFile::requiresPython)
            .flatMap(Optional::stream)
            .filter(s -> !s.isBlank())
            .findFirst();
    for (Map.Entry<String, Target> t : targets.entrySet()) {
      byTarget.put(t.getKey(), route(e, release, files, pinned, t.getValue()));
    }
    return new PackageAudit(
        release.name().canonical(),
        written,
        e.location(),
        sdist.map(ReleaseFile::filename),
        yanked,
        yankedReason,
        requiresPython,
        matching,
        stale,
        byTarget,
        Optional.empty(),
        false);
  }

  /**
   * pip's choice: hash allowed first, then not yanked, then the best-ranked wheel, then the sdist.
   */
  private TargetResult route(
      Entry e, Release release, List<ReleaseFile> files, Set<String> pinned, Target target) {
    List<String> problems = new ArrayList<>();
    Version python = Version.parse(target.pythonVersion());
    ReleaseFile best = null;
    long[] bestKey = null;
    boolean excludedByPython = false;
    for (ReleaseFile f : files) {
      Optional<DistributionFilename> name = DistributionFilename.tryParse(f.filename());
      if (f.kind() == ReleaseFile.Kind.OTHER || (f.isWheel() && name.isEmpty())) {
        continue;
      }
      OptionalInt rank = f.isWheel() ? target.rank(name.get()) : OptionalInt.of(Integer.MAX_VALUE);
      if (rank.isEmpty()) {
        continue;
      }
      if (f.requiresPython().isPresent()
          && !f.requiresPython().get().isBlank()
          && SpecifierSet.tryParse(f.requiresPython().get())
              .map(s -> !s.contains(python, true))
              .orElse(false)) {
        excludedByPython = true;
        continue;
      }
      boolean allowed =
          pinned.isEmpty()
              || f.sha256()
                  .map(h -> pinned.contains("sha256:" + h.toLowerCase(Locale.ROOT)))
                  .orElse(false);
      long[] key = {allowed ? 1 : 0, f.yanked() ? 0 : 1, -rank.getAsInt()};
      if (bestKey == null || compare(key, bestKey) > 0) {
        best = f;
        bestKey = key;
      }
    }
    Optional<PipBinaryFilters> filter = hermetoFilter.apply(target);
    if (best == null) {
      problems.add(
          excludedByPython
              ? "every file needs another Python than "
                  + target.pythonVersion()
                  + " (requires_python)"
              : files.isEmpty()
                  ? "the release has no files"
                  : "no wheel for " + target + " and no sdist");
      return new TargetResult(Route.NONE, Optional.empty(), filter.map(f -> false), problems);
    }
    if (bestKey[0] == 0) {
      problems.add(
          "pip would pick "
              + best.filename()
              + ", whose hash is not pinned: --require-hashes refuses it");
    }
    if (best.yanked()) {
      problems.add(best.filename() + " is yanked");
    }
    Route route = best.isWheel() ? Route.WHEEL : Route.SDIST;
    Optional<Boolean> ready = filter.map(f -> hermetoHas(f, e, release, files, target));
    if (ready.isPresent() && !ready.get()) {
      problems.add("Hermeto's download for " + target.arch() + " has no file that installs here");
    }
    return new TargetResult(
        bestKey[0] == 0 ? Route.NONE : route, Optional.of(best.filename()), ready, problems);
  }

  private static boolean hermetoHas(
      PipBinaryFilters filter, Entry e, Release release, List<ReleaseFile> files, Target target) {
    List<HermetoSelection.Candidate> candidates = new ArrayList<>();
    for (ReleaseFile f : files) {
      candidates.add(
          new HermetoSelection.Candidate(
              f.filename(), f.sha256().map(h -> Map.of("sha256", h)).orElse(Map.of()), f.yanked()));
    }
    HermetoSelection.Result selected =
        HermetoSelection.select(
            release.name(), release.version(), Optional.of(filter), candidates, e.hashes());
    for (HermetoSelection.Candidate c : selected.selected()) {
      if (!c.filename().endsWith(".whl")) {
        return true; // the sdist can always be built
      }
      Optional<DistributionFilename> name = DistributionFilename.tryParse(c.filename());
      if (name.isPresent() && target.accepts(name.get())) {
        return true;
      }
    }
    return false;
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
