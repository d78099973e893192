package io.pyhermetic.advisory.internal;

import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Merging advisories that name one vulnerability, and the version that fixes them all. */
public final class Merging {
  private Merging() {}

  /**
   * The advisories grouped into one per vulnerability: two advisories are the same vulnerability
   * when their ids and aliases share a name (transitively). Each group keeps the id of its
   * preferred advisory ({@code PYSEC}, then {@code GHSA}, then others, then by id), every other
   * name as an alias, the first summary, details and link in that order, and the union of sources,
   * fix versions and ratings. Withdrawn advisories are dropped first. Sorted by id.
   *
   * @param advisories the advisories, from every service
   * @return one vulnerability per group
   */
  public static List<Vulnerability> merge(List<Vulnerability> advisories) {
    List<Vulnerability> live = advisories.stream().filter(v -> !v.isWithdrawn()).toList();
    int[] parent = new int[live.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < live.size(); i++) {
      for (String name : live.get(i).names()) {
        Integer j = owner.putIfAbsent(name.toUpperCase(Locale.ROOT), i);
        if (j != null) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<Vulnerability>> groups = new LinkedHashMap<>();
    for (int i = 0; i < live.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(live.get(i));
    }
    List<Vulnerability> merged = new ArrayList<>();
    for (List<Vulnerability> group : groups.values()) {
      merged.add(combine(group));
    }
    merged.sort(Comparator.comparing(Vulnerability::id));
    return List.copyOf(merged);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static Vulnerability combine(List<Vulnerability> group) {
    List<Vulnerability> ordered = new ArrayList<>(group);
    ordered.sort(
        Comparator.comparing((Vulnerability v) -> rank(v.id())).thenComparing(Vulnerability::id));
    Vulnerability first = ordered.get(0);
    TreeSet<String> names = new TreeSet<>();
    List<String> sources = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    List<Vulnerability.Rating> ratings = new ArrayList<>();
    for (Vulnerability v : ordered) {
      names.addAll(v.names());
      sources.addAll(v.sources());
      fixed.addAll(v.fixedIn());
      ratings.addAll(v.ratings());
    }
    names.removeIf(n -> n.equalsIgnoreCase(first.id()));
    return new Vulnerability(
        first.id(),
        new ArrayList<>(names),
        ordered.stream().map(Vulnerability::summary).flatMap(Optional::stream).findFirst(),
        ordered.stream().map(Vulnerability::details).flatMap(Optional::stream).findFirst(),
        ordered.stream().map(Vulnerability::link).flatMap(Optional::stream).findFirst(),
        sources,
        fixed,
        Optional.empty(),
        ratings);
  }

  private static int rank(String id) {
    String upper = id.toUpperCase(Locale.ROOT);
    return upper.startsWith("PYSEC-") ? 0 : upper.startsWith("GHSA-") ? 1 : 2;
  }

  /**
   * The smallest version above {@code pin}, among the findings' fix versions, that fixes every
   * finding; empty when some finding has no fix above the pin or none fixes them all. Advisories
   * list one fix per release line ({@code 1.26.18} and {@code 2.0.7}), so a version fixes a finding
   * when it is at least the finding's highest fix, or at least a fix of its own release line (the
   * same release segments but the last: {@code 1.26.19} is fixed by {@code 1.26.18}, {@code 2.0.0}
   * by neither).
   *
   * @param pin the pinned version
   * @param findings the vulnerabilities found for it
   * @return the fix version, or empty
   */
  public static Optional<Version> fixVersion(Version pin, List<Vulnerability> findings) {
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<Version> candidates = new TreeSet<>();
    for (Vulnerability v : findings) {
      v.fixVersions().stream().filter(f -> f.compareTo(pin) > 0).forEach(candidates::add);
    }
    for (Version candidate : candidates) {
      if (findings.stream().allMatch(v -> fixes(candidate, v.fixVersions()))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static boolean fixes(Version candidate, List<Version> fixes) {
    if (fixes.isEmpty()) {
      return false;
    }
    Version highest = fixes.stream().max(Comparator.naturalOrder()).get();
    if (candidate.compareTo(highest) >= 0) {
      return true;
    }
    return fixes.stream()
        .anyMatch(f -> f.compareTo(candidate) <= 0 && line(f).equals(line(candidate)));
  }

  private static List<BigInteger> line(Version v) {
    List<BigInteger> release = new ArrayList<>(v.release());
    while (release.size() < 3) {
      release.add(BigInteger.ZERO);
    }
    return release.subList(0, release.size() - 1);
  }
}
