package io.pyhermetic.builddeps;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The build-from-source graph of a result, drawn for {@link BuildDepsOutput#mermaid}. */
final class BuildGraph {
  // Mermaid's flowchart lexer rejects node ids that begin with some of its keywords ("end",
  // "class.x", "style-y"); any id beginning with one of these is prefixed, to be safe in every
  // renderer version.
  private static final List<String> KEYWORDS =
      List.of(
          "accdescr",
          "acctitle",
          "call",
          "class",
          "click",
          "default",
          "direction",
          "end",
          "flowchart",
          "graph",
          "href",
          "interpolate",
          "linkstyle",
          "style",
          "subgraph");

  /** How a release is drawn, the strongest last: a failure shows over a skip over a plain node. */
  private enum Kind {
    PLAIN,
    SKIPPED,
    FAILED
  }

  /** A release: one node. */
  private record Release(String name, Version version) {
    static Release of(ProjectName name, Version version) {
      return new Release(name.canonical(), version);
    }

    String label() {
      return name + " " + version;
    }
  }

  // by name, then version (its text breaks the tie of equal versions written apart, 1.0 and 1.0.0)
  private static final Comparator<Release> ORDER =
      Comparator.comparing(Release::name)
          .thenComparing(Release::version)
          .thenComparing(r -> r.version().toString());

  private final SortedMap<Release, Kind> nodes = new TreeMap<>(ORDER);
  private final SortedMap<Release, SortedSet<Release>> edges = new TreeMap<>(ORDER);

  private BuildGraph() {}

  static BuildGraph of(BuildDepsResult result) {
    BuildGraph graph = new BuildGraph();
    for (PackageOutcome o : result.packages()) {
      Release release = Release.of(o.name(), o.version());
      switch (o.status()) {
        case RESOLVED -> {
          if (o.sdist().isEmpty()) {
            continue;
          }
          graph.node(release, Kind.PLAIN);
          for (ResolvedPin pin : o.environment()) {
            Release to = Release.of(pin.name(), pin.version());
            graph.node(to, Kind.PLAIN);
            graph.edges.computeIfAbsent(release, k -> new TreeSet<>(ORDER)).add(to);
          }
        }
        case SKIPPED -> graph.node(release, Kind.SKIPPED);
        case FAILED -> graph.node(release, Kind.FAILED);
        case NOT_NEEDED -> {
          // installed from wheels: drawn only where it is a pin of a build environment
        }
      }
    }
    return graph;
  }

  private void node(Release release, Kind kind) {
    nodes.merge(release, kind, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  String mermaid() {
    if (nodes.isEmpty()) {
      return "";
    }
    Map<Release, String> ids = ids();
    StringBuilder out = new StringBuilder("flowchart LR\n");
    nodes
        .keySet()
        .forEach(
            r ->
                out.append("    ")
                    .append(ids.get(r))
                    .append("[\"")
                    .append(r.label())
                    .append("\"]\n"));
    edges.forEach(
        (from, pins) ->
            pins.forEach(
                to ->
                    out.append("    ")
                        .append(ids.get(from))
                        .append(" --> ")
                        .append(ids.get(to))
                        .append('\n')));
    appendClass(out, ids, Kind.SKIPPED, "skipped", "stroke-dasharray: 5 5");
    appendClass(out, ids, Kind.FAILED, "failed", "stroke:#d00,stroke-width:2px");
    return out.toString();
  }

  private void appendClass(
      StringBuilder out, Map<Release, String> ids, Kind kind, String name, String style) {
    List<String> members = new ArrayList<>();
    nodes.forEach(
        (release, k) -> {
          if (k == kind) {
            members.add(ids.get(release));
          }
        });
    if (!members.isEmpty()) {
      out.append("    classDef ").append(name).append(' ').append(style).append('\n');
      out.append("    class ").append(String.join(",", members)).append(' ').append(name);
      out.append('\n');
    }
  }

  /** A valid, unique Mermaid id per node, assigned in node order. */
  private Map<Release, String> ids() {
    Map<String, Integer> versions = new HashMap<>();
    nodes.keySet().forEach(r -> versions.merge(r.name(), 1, Integer::sum));
    Set<String> used = new HashSet<>();
    Map<Release, String> ids = new HashMap<>();
    for (Release r : nodes.keySet()) {
      String id = plain(r.name());
      if (versions.get(r.name()) > 1) {
        id += "_" + plain(r.version().toString());
      }
      String lower = id.toLowerCase(Locale.ROOT);
      if (KEYWORDS.stream().anyMatch(lower::startsWith)) {
        id = "pkg_" + id;
      }
      String unique = id;
      for (int n = 2; !used.add(unique); n++) {
        unique = id + "_" + n;
      }
      ids.put(r, unique);
    }
    return ids;
  }

  /** Letters and digits kept, anything else {@code _}. */
  private static String plain(String text) {
    return text.replaceAll("[^A-Za-z0-9]", "_");
  }
}
