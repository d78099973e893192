package io.pyhermetic.testdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependency graph of the garak corpus, read back from the {@code # via} lines of its
 * per-architecture files: what each pinned release requires, with the edges found only in the
 * x86_64 file behind {@code platform_machine == "x86_64"}. The graph lock tests and benchmarks
 * serve as core metadata.
 */
public final class GarakGraph {
  /** The {@code # via} text of the corpus project's own requirements. */
  public static final String PROJECT = "llama-stack-provider-trustyai-garak (pyproject.toml)";

  /** The architectures of the corpus files, the superset first. */
  public static final List<String> ARCHES = List.of("x86_64", "aarch64");

  private static final Pattern PIN = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)==(\\S+)");
  private static final Pattern VIA_ONE = Pattern.compile("^ {4}# via (.+)$");
  private static final Pattern VIA_MANY = Pattern.compile("^ {4}# {3}(.+)$");

  private final Map<String, String> versions = new LinkedHashMap<>();
  private final Map<String, Map<String, Set<String>>> parents = new LinkedHashMap<>();

  private GarakGraph() {
    for (String arch : ARCHES) {
      Map<String, Set<String>> byChild = new LinkedHashMap<>();
      String current = null;
      for (String line : CorpusIndex.read("requirements-" + arch + ".txt").split("\n")) {
        Matcher pin = PIN.matcher(line);
        Matcher one = VIA_ONE.matcher(line);
        Matcher many = VIA_MANY.matcher(line);
        if (pin.find()) {
          current = canonical(pin.group(1));
          versions.put(current, pin.group(2));
          byChild.put(current, new LinkedHashSet<>());
        } else if (current != null && one.find()) {
          byChild.get(current).add(one.group(1));
        } else if (current != null && many.find()) {
          byChild.get(current).add(many.group(1));
        }
      }
      parents.put(arch, byChild);
    }
  }

  /** The graph of the bundled corpus. */
  public static GarakGraph read() {
    return new GarakGraph();
  }

  /** Every pinned release of both files: canonical name → version, in file order. */
  public Map<String, String> versions() {
    return Collections.unmodifiableMap(versions);
  }

  /** What requires a project on {@code arch} ({@link #PROJECT} and canonical names). */
  public Set<String> parents(String arch, String project) {
    return parents.get(arch).getOrDefault(project, Set.of());
  }

  /** Whether {@code project} is pinned only in the x86_64 file. */
  public boolean x86Only(String project) {
    return !parents.get("aarch64").containsKey(project);
  }

  /** The project's own requirements: the names whose {@code # via} lists {@link #PROJECT}. */
  public List<String> roots() {
    List<String> out = new ArrayList<>();
    parents
        .get("x86_64")
        .forEach(
            (child, by) -> {
              if (by.contains(PROJECT)) {
                out.add(child);
              }
            });
    return out;
  }

  /**
   * Per project, its Requires-Dist: each child it is a {@code # via} parent of, with {@code ;
   * platform_machine == "x86_64"} where the edge is in the x86_64 file only.
   */
  public Map<String, List<String>> requiresDist() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String child : versions.keySet()) {
      Set<String> onArm = parents("aarch64", child);
      for (String parent : parents("x86_64", child)) {
        if (!parent.equals(PROJECT)) {
          String marker = onArm.contains(parent) ? "" : " ; platform_machine == \"x86_64\"";
          out.computeIfAbsent(parent, k -> new ArrayList<>()).add(child + marker);
        }
      }
    }
    return out;
  }

  private static String canonical(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
