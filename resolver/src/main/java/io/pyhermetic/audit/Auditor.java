package io.pyhermetic.audit;

import io.pyhermetic.advisory.AdvisoryLookup;
import io.pyhermetic.advisory.AdvisoryReport;
import io.pyhermetic.diff.Labels;
import io.pyhermetic.error.Location;
import io.pyhermetic.hermeto.HermetoSelection;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseResults;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.Target;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Audits pins against an index for several targets, looking every release up concurrently and
 * reporting every package's outcome (a missing release is an outcome, not an abort).
 */
public final class Auditor {
  private final PackageIndex index;
  private final Map<String, Target> targets;
  private final Function<Target, Optional<PipBinaryFilters>> hermetoFilter;
  private final ProgressListener progress;
  private final Optional<AdvisoryLookup> advisories;

  /**
   * @param index the index to ask
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
    this.progress = ProgressListener.NONE;
    this.advisories = Optional.empty();
  }

  private Auditor(
      PackageIndex index,
      Map<String, Target> targets,
      Function<Target, Optional<PipBinaryFilters>> hermetoFilter,
      ProgressListener progress,
      Optional<AdvisoryLookup> advisories) {
    this.index = index;
    this.targets = targets;
    this.hermetoFilter = hermetoFilter;
    this.progress = progress;
    this.advisories = advisories;
  }

  /**
   * The entries of requirements files by target, for {@link #audit(Map)}: when every file is named
   * after one of {@code targets} ({@code requirements-aarch64.txt}, see {@link
   * Labels#architectureOf}) and not {@code everyTarget}, each file's entries go to its own target
   * only; otherwise every file's entries go to every target. Targets keep their order; a target no
   * file is named after gets an empty list.
   *
   * @param entriesByFile the entries of each file
   * @param targets the target labels
   * @param everyTarget whether every entry is audited for every target, whatever the file names say
   * @return the entries per target label
   */
  public static Map<String, List<Entry>> entriesByTarget(
      Map<Path, List<Entry>> entriesByFile, Collection<String> targets, boolean everyTarget) {
    boolean perFile =
        !everyTarget
            && entriesByFile.keySet().stream()
                .allMatch(f -> Labels.architectureOf(f).filter(targets::contains).isPresent());
    Map<String, List<Entry>> byTarget = new LinkedHashMap<>();
    targets.forEach(t -> byTarget.put(t, new ArrayList<>()));
    entriesByFile.forEach(
        (file, entries) -> {
          if (perFile) {
            byTarget.get(Labels.architectureOf(file).get()).addAll(entries);
          } else {
            byTarget.values().forEach(list -> list.addAll(entries));
          }
        });
    return byTarget;
  }

  /**
   * The filter {@code pyhermetic hermeto-config} writes for a target: its arch and Python.
   *
   * @param target the build target
   * @return the filter
   */
  public static Optional<PipBinaryFilters> hermetoConfigFilter(Target target) {
    Version python = Version.parse(target.pythonVersion());
    return Optional.of(
        PipBinaryFilters.defaults()
            .withArch(target.arch())
            .withPyVersion(python.major() * 100 + python.minor()));
  }

  /**
   * The same auditor, reporting each finished look-up to {@code progress}.
   *
   * @param progress what to report to
   * @return the auditor
   */
  public Auditor withProgress(ProgressListener progress) {
    return new Auditor(
        index, targets, hermetoFilter, Objects.requireNonNull(progress, "progress"), advisories);
  }

  /**
   * The same auditor, also looking up the known vulnerabilities of every pin that is on one of the
   * audited targets (pins whose markers exclude every target are not asked about), at the same time
   * as the files; the caller closes {@code lookup}.
   *
   * @param lookup the vulnerability look-up
   * @return the auditor
   */
  public Auditor withAdvisories(AdvisoryLookup lookup) {
    return new Auditor(
        index, targets, hermetoFilter, progress, Optional.of(Objects.requireNonNull(lookup)));
  }

  /**
   * Audits the entries of one file set against every target. An entry whose marker is false for a
   * target is not audited there (its {@link PackageAudit#targets()} lacks that target).
   *
   * @param entries the entries
   * @return the report
   */
  public AuditReport audit(List<Entry> entries) {
    Map<String, List<Entry>> byTarget = new LinkedHashMap<>();
    targets.keySet().forEach(label -> byTarget.put(label, entries));
    return audit(byTarget);
  }

  /**
   * Audits per-target files: the entries listed under a target label are audited for that target
   * only (markers still apply). The same pin (name, version, hashes) in several lists is one
   * package audited for each of their targets, and each target's outcome cites where the pin is
   * written in that target's list (its first place there).
   *
   * @param entriesByTarget the entries per target label
   * @return the report
   * @throws IllegalArgumentException for a label that is not one of the auditor's targets
   */
  public AuditReport audit(Map<String, List<Entry>> entriesByTarget) {
    Map<List<Object>, Pin> pins = new LinkedHashMap<>();
    for (Map.Entry<String, List<Entry>> list : entriesByTarget.entrySet()) {
      Target target = targets.get(list.getKey());
      if (target == null) {
        throw new IllegalArgumentException(
            "no target " + list.getKey() + " (targets: " + targets.keySet() + ")");
      }
      for (Entry e : list.getValue()) {
        if (e.isConstraint()) {
          continue; // a constraint installs nothing by itself
        }
        Pin pin = pins.computeIfAbsent(pinKey(e), k -> new Pin(e, new LinkedHashMap<>()));
        boolean applies = e.marker().map(m -> m.evaluate(target.markerEnvironment())).orElse(true);
        if (applies) {
          pin.targets().putIfAbsent(list.getKey(), e.location());
        }
      }
    }
    List<Release> releases = new ArrayList<>();
    for (Pin pin : pins.values()) {
      release(pin.entry()).ifPresent(releases::add);
    }
    // started first, so that a service reading the index's own documents shares their requests
    Optional<CompletableFuture<AdvisoryReport>> advised =
        advisories.map(
            lookup ->
                lookup.checkAsync(
                    pins.values().stream()
                        .filter(pin -> !pin.targets().isEmpty())
                        .map(pin -> release(pin.entry()))
                        .flatMap(Optional::stream)
                        .toList()));
    ReleaseResults<List<ReleaseFile>> files =
        index.filesForAll(releases, progress, r -> r.name() + " " + r.version());
    List<PackageAudit> packages = new ArrayList<>();
    for (Pin pin : pins.values()) {
      packages.add(audit(pin.entry(), pin.targets(), files));
    }
    String python = targets.values().stream().findFirst().map(Target::pythonVersion).orElse("");
    return new AuditReport(
        python, new ArrayList<>(targets.keySet()), packages, advised.map(CompletableFuture::join));
  }

  /** A pin and, per target it applies to, where it is written for that target. */
  private record Pin(Entry entry, Map<String, Location> targets) {}

  private static List<Object> pinKey(Entry e) {
    return List.of(
        e.name().map(n -> (Object) n.canonical()).orElse(e.requirementText().strip()),
        e.pinnedVersion().map(Object::toString).orElse(""),
        e.link().orElse(""),
        new java.util.TreeMap<>(e.hashes()).toString());
  }

  private static Optional<Release> release(Entry e) {
    return e.pinnedVersion()
        .filter(v -> e.name().isPresent() && e.link().isEmpty())
        .map(v -> new Release(e.name().get(), v));
  }

  /** The audit of a pin no file of which was looked at: not pinned, or its look-up failed. */
  private static PackageAudit withoutFiles(
      String name,
      String version,
      Location location,
      Map<String, TargetResult> byTarget,
      Optional<String> error,
      boolean indexFailure) {
    return new PackageAudit(
        name,
        version,
        location,
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        byTarget,
        error,
        indexFailure);
  }

  private PackageAudit audit(
      Entry e, Map<String, Location> applicable, ReleaseResults<List<ReleaseFile>> results) {
    Map<String, TargetResult> byTarget = new LinkedHashMap<>();
    if (release(e).isEmpty()) {
      String what = e.link().orElse(e.requirementText().strip());
      boolean url = e.link().isPresent();
      applicable.forEach(
          (label, location) ->
              byTarget.put(
                  label,
                  new TargetResult(
                      url ? Route.URL : Route.NONE,
                      e.link(),
                      Optional.empty(),
                      url ? List.of() : List.of("not pinned with ==: " + what),
                      location)));
      return withoutFiles(
          e.name().map(n -> n.canonical()).orElse(what),
          "",
          e.location(),
          byTarget,
          Optional.empty(),
          false);
    }
    Release release = new Release(e.name().get(), e.pinnedVersion().get());
    String written = e.requirement().get().specifier().specifiers().get(0).version();
    Optional<IndexException> failure = results.failure(release);
    if (failure.isPresent()) {
      IndexException ex = failure.get();
      // a 404 is the index's answer that there is nothing to install; any other failure leaves
      // the answer unknown, and nothing is claimed about the target
      boolean checked = ex.isNotFound();
      applicable.forEach(
          (label, location) ->
              byTarget.put(
                  label,
                  new TargetResult(
                      checked ? Route.NONE : Route.UNKNOWN,
                      Optional.empty(),
                      checked
                          ? hermetoFilter.apply(targets.get(label)).map(f -> false)
                          : Optional.empty(),
                      List.of(ex.reason()),
                      location)));
      return withoutFiles(
          release.name().canonical(),
          written,
          e.location(),
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
    List<Optional<DistributionFilename>> names = new ArrayList<>(files.size());
    for (ReleaseFile f : files) {
      names.add(f.isWheel() ? DistributionFilename.tryParse(f.filename()) : Optional.empty());
    }
    applicable.forEach(
        (label, location) ->
            byTarget.put(
                label, route(e, release, files, names, pinned, targets.get(label), location)));
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
      Entry e,
      Release release,
      List<ReleaseFile> files,
      List<Optional<DistributionFilename>> names,
      Set<String> pinned,
      Target target,
      Location location) {
    List<String> problems = new ArrayList<>();
    Version python = Version.parse(target.pythonVersion());
    ReleaseFile best = null;
    long[] bestKey = null;
    boolean excludedByPython = false;
    for (int i = 0; i < files.size(); i++) {
      ReleaseFile f = files.get(i);
      Optional<DistributionFilename> name = names.get(i);
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
      return new TargetResult(
          Route.NONE, Optional.empty(), filter.map(f -> false), problems, location);
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
        bestKey[0] == 0 ? Route.NONE : route,
        Optional.of(best.filename()),
        ready,
        problems,
        location);
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
