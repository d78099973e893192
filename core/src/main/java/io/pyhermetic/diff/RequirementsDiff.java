package io.pyhermetic.diff;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.MarkerEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An N-way comparison of requirements files, one per label (usually one per architecture), or of
 * one marker-annotated file as each build target sees it: for every project, its version under each
 * label and whether hashes, markers or extras differ where the versions agree. Immutable.
 */
public final class RequirementsDiff {
  private final List<String> labels;
  private final List<PackageDiff> packages;
  private final List<Diagnostic> problems;

  private RequirementsDiff(
      List<String> labels, List<PackageDiff> packages, List<Diagnostic> problems) {
    this.labels = List.copyOf(labels);
    this.packages = List.copyOf(packages);
    this.problems = List.copyOf(problems);
  }

  /**
   * Compares two or more labeled files (in the map's iteration order). Entries without a name (bare
   * URLs and paths) are compared by their URL.
   *
   * @param files the parsed files by label
   * @return the comparison
   * @throws IllegalArgumentException for fewer than two files
   */
  public static RequirementsDiff compare(Map<String, RequirementsFile> files) {
    Objects.requireNonNull(files, "files");
    if (files.size() < 2) {
      throw new IllegalArgumentException("a diff needs at least two files, got " + files.size());
    }
    List<String> labels = new ArrayList<>(files.keySet());
    // canonical name -> label -> entries
    Map<String, Map<String, List<Entry>>> byName = new TreeMap<>();
    for (Map.Entry<String, RequirementsFile> file : files.entrySet()) {
      for (Entry e : file.getValue().allEntries()) {
        add(byName, e, file.getKey());
      }
    }
    return of(labels, byName, false, List.of());
  }

  /**
   * Compares the views that build targets have of one marker-annotated ("universal") file: under
   * each label (the targets' in the map's iteration order) are the entries whose markers hold in
   * that target's {@link Target#markerEnvironment() environment}, and versions read as in {@link
   * #compare}. A pin that applies to some targets only is {@link DiffStatus#ONLY}; different pins
   * of one project selected for different targets are {@link DiffStatus#VERSION}. Markers select
   * the pins here, so they are not compared themselves.
   *
   * <p>An entry whose marker cannot be evaluated for the targets (it fails to evaluate, or reads a
   * variable no build target defines, such as {@code extra} or {@code platform_release}) is left
   * out for every target and reported in {@link #problems()} at its file and line; nothing is
   * thrown for it.
   *
   * @param file the universal file
   * @param targets the build targets by label
   * @return the comparison
   * @throws IllegalArgumentException for fewer than two targets
   */
  public static RequirementsDiff compareTargets(
      RequirementsFile file, Map<String, Target> targets) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(targets, "targets");
    if (targets.size() < 2) {
      throw new IllegalArgumentException(
          "a per-target diff needs at least two targets, got " + targets.size());
    }
    List<String> labels = new ArrayList<>(targets.keySet());
    List<MarkerEnvironment> environments = new ArrayList<>(targets.size());
    targets.values().forEach(t -> environments.add(t.markerEnvironment()));
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Map<String, List<Entry>>> byName = new TreeMap<>();
    for (Entry e : file.allEntries()) {
      Optional<List<Boolean>> applies = TargetMarkers.applies(e, environments, problems);
      if (applies.isEmpty()) {
        continue;
      }
      for (int i = 0; i < labels.size(); i++) {
        if (applies.get().get(i)) {
          add(byName, e, labels.get(i));
        }
      }
    }
    return of(labels, byName, true, problems);
  }

  private static void add(Map<String, Map<String, List<Entry>>> byName, Entry e, String label) {
    String key =
        e.name().map(n -> n.canonical()).orElseGet(() -> e.link().orElse(e.requirementText()));
    byName
        .computeIfAbsent(key, k -> new HashMap<>())
        .computeIfAbsent(label, k -> new ArrayList<>(1))
        .add(e);
  }

  private static RequirementsDiff of(
      List<String> labels,
      Map<String, Map<String, List<Entry>>> byName,
      boolean perTarget,
      List<Diagnostic> problems) {
    List<PackageDiff> packages = new ArrayList<>(byName.size());
    for (Map.Entry<String, Map<String, List<Entry>>> project : byName.entrySet()) {
      packages.add(diff(project.getKey(), labels, project.getValue(), perTarget));
    }
    return new RequirementsDiff(labels, packages, problems);
  }

  /**
   * @param perTarget the labels are targets' views of one file: one entry may be under several
   *     labels (its location is listed once), and markers are what chose the entries
   */
  private static PackageDiff diff(
      String name, List<String> labels, Map<String, List<Entry>> byLabel, boolean perTarget) {
    Map<String, Optional<String>> versions = new LinkedHashMap<>();
    Collection<Location> locations = perTarget ? new LinkedHashSet<>() : new ArrayList<>();
    Set<DiffStatus> differences = EnumSet.noneOf(DiffStatus.class);
    Facts reference = null;
    for (String label : labels) {
      List<Entry> entries = byLabel.get(label);
      if (entries == null) {
        versions.put(label, Optional.empty());
        differences.add(DiffStatus.ONLY);
        continue;
      }
      for (Entry e : entries) {
        locations.add(e.location());
      }
      Facts facts = Facts.of(entries);
      versions.put(label, Optional.of(facts.version));
      if (reference == null) {
        reference = facts;
        continue;
      }
      if (!facts.version.equals(reference.version)) {
        differences.add(DiffStatus.VERSION);
      }
      if (!perTarget && !facts.markers.equals(reference.markers)) {
        differences.add(DiffStatus.MARKER);
      }
      if (!facts.extras.equals(reference.extras)) {
        differences.add(DiffStatus.EXTRAS);
      }
      if (!facts.hashes.equals(reference.hashes)) {
        differences.add(DiffStatus.HASHES);
      }
    }
    DiffStatus status = differences.isEmpty() ? DiffStatus.SAME : Collections.min(differences);
    return new PackageDiff(name, versions, status, differences, List.copyOf(locations));
  }

  /** What is compared of a project's entries under one label. */
  private static final class Facts {
    String version;
    Object markers;
    Object extras;
    Object hashes;

    static Facts of(List<Entry> entries) {
      Facts f = new Facts();
      if (entries.size() == 1) {
        // the usual case: no sets to build
        Entry e = entries.get(0);
        f.version = version(e);
        f.markers = e.marker().map(Object::toString).orElse("");
        f.extras = e.extras();
        f.hashes = hashSet(e);
        return f;
      }
      TreeSet<String> versionSet = new TreeSet<>();
      TreeSet<String> markers = new TreeSet<>();
      Set<Object> extras = new java.util.HashSet<>();
      Set<Object> hashes = new java.util.HashSet<>();
      for (Entry e : entries) {
        versionSet.add(version(e));
        markers.add(e.marker().map(Object::toString).orElse(""));
        extras.add(e.extras());
        hashes.addAll(hashSet(e));
      }
      f.version = String.join(", ", versionSet);
      f.markers = markers;
      f.extras = extras;
      f.hashes = hashes;
      return f;
    }

    private static Set<String> hashSet(Entry e) {
      if (e.hashes().isEmpty()) {
        return Set.of();
      }
      Set<String> out = new java.util.HashSet<>();
      e.hashes().forEach((alg, values) -> values.forEach(v -> out.add(alg + ":" + v)));
      return out;
    }
  }

  /** The pinned version as written, or the specifier (or link) of an unpinned entry. */
  private static String version(Entry e) {
    if (e.isPinned() && e.requirement().get().url().isEmpty()) {
      return e.requirement().get().specifier().specifiers().get(0).version();
    }
    return e.pinnedVersion()
        .map(Object::toString)
        .orElseGet(
            () ->
                e.requirement()
                    .map(r -> r.url().orElse(r.specifier().toString()))
                    .filter(s -> !s.isEmpty())
                    .orElse(e.link().orElse("*")));
  }

  /**
   * The labels compared, in column order.
   *
   * @return the labels
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * Every project, sorted by canonical name.
   *
   * @return every project
   */
  public List<PackageDiff> packages() {
    return packages;
  }

  /**
   * The projects that differ somewhere.
   *
   * @return the differing projects
   */
  public List<PackageDiff> differences() {
    List<PackageDiff> out = new ArrayList<>();
    for (PackageDiff p : packages) {
      if (!p.isSame()) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The entries that could not be compared, located (from {@link #compareTargets}: markers that
   * cannot be evaluated for the targets); empty from {@link #compare}.
   *
   * @return the problems, located
   */
  public List<Diagnostic> problems() {
    return problems;
  }

  /**
   * Whether every project is the same under every label.
   *
   * @return {@code true} when nothing differs
   */
  public boolean isEmpty() {
    return differences().isEmpty();
  }

  /**
   * How many projects have each status.
   *
   * @return the count per status
   */
  public Map<DiffStatus, Integer> summary() {
    Map<DiffStatus, Integer> counts = new java.util.EnumMap<>(DiffStatus.class);
    for (DiffStatus s : DiffStatus.values()) {
      counts.put(s, 0);
    }
    for (PackageDiff p : packages) {
      counts.merge(p.status(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * The projects present under {@code label} and missing under at least one other.
   *
   * @param label a label of this diff
   * @return the canonical names of those projects
   */
  public List<String> onlyIn(String label) {
    List<String> out = new ArrayList<>();
    for (PackageDiff p : packages) {
      if (p.versions().get(label).isPresent()
          && p.versions().values().stream().anyMatch(Optional::isEmpty)) {
        out.add(p.name());
      }
    }
    return out;
  }
}
