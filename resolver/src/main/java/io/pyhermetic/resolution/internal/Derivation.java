package io.pyhermetic.resolution.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The explanation of a dead end in the shape uv prints it: first the requirements that cannot hold
 * together ("Because a==1.0 depends on b>=2 and c==1.0 depends on b<2, a==1.0 and c==1.0 are
 * incompatible."), then, one step at a time, why each release involved was needed, up to the user's
 * requirements ("And because you require a and c, we can conclude that your requirements are
 * unsatisfiable.").
 */
final class Derivation {
  private Derivation() {}

  /**
   * A requirement involved in the dead end.
   *
   * @param requirement the requirement, as written
   * @param path how it was reached: a root's label, then each release ({@code name==version}) down
   *     to the one that declares it; only the label when a root states it
   */
  record Demand(String requirement, List<String> path) {
    Demand {
      Objects.requireNonNull(requirement, "requirement");
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("a demand needs at least its root's label");
      }
    }

    boolean fromRoot() {
      return path.size() == 1;
    }

    String requirer() {
      return path.get(path.size() - 1);
    }

    String sentence() {
      return fromRoot() ? "you require " + requirement : requirer() + " depends on " + requirement;
    }
  }

  /**
   * The explanation, one sentence a line.
   *
   * @param noVersion whether no release at all matches (a single demand then reads "there is no
   *     version of …")
   * @param demands the requirements that cannot all hold
   */
  static List<String> explain(boolean noVersion, List<Demand> demands) {
    List<String> lines = new ArrayList<>();
    // each release still to account for, with the path that led to it
    Map<String, List<String>> terms = new LinkedHashMap<>();
    for (Demand d : demands) {
      if (!d.fromRoot()) {
        terms.putIfAbsent(d.requirer(), d.path());
      }
    }
    String because;
    if (noVersion && demands.size() == 1) {
      Demand only = demands.get(0);
      because = "Because there is no version of " + only.requirement() + " and " + only.sentence();
    } else {
      List<String> sentences = new ArrayList<>();
      demands.forEach(d -> sentences.add(d.sentence()));
      because = "Because " + join(sentences);
    }
    lines.add(because + ", " + conclusion(terms) + ".");
    while (!terms.isEmpty()) {
      if (terms.values().stream().allMatch(p -> p.size() == 2)) {
        List<String> names = new ArrayList<>();
        terms.keySet().forEach(t -> names.add(projectOf(t)));
        lines.add(
            "And because you require "
                + join(names)
                + ", we can conclude that your requirements are unsatisfiable.");
        break;
      }
      String deepest = null;
      for (Map.Entry<String, List<String>> t : terms.entrySet()) {
        if (deepest == null || t.getValue().size() > terms.get(deepest).size()) {
          deepest = t.getKey();
        }
      }
      List<String> path = terms.remove(deepest);
      String requirer = path.get(path.size() - 2);
      terms.putIfAbsent(requirer, path.subList(0, path.size() - 1));
      lines.add(
          "And because "
              + requirer
              + " depends on "
              + projectOf(deepest)
              + ", "
              + conclusion(terms)
              + ".");
    }
    return lines;
  }

  private static String conclusion(Map<String, List<String>> terms) {
    if (terms.isEmpty()) {
      return "we can conclude that your requirements are unsatisfiable";
    }
    if (terms.size() == 1) {
      return terms.keySet().iterator().next() + " cannot be used";
    }
    return join(new ArrayList<>(terms.keySet())) + " are incompatible";
  }

  private static String projectOf(String release) {
    int at = release.indexOf("==");
    return at < 0 ? release : release.substring(0, at);
  }

  /** {@code a}, {@code a and b}, {@code a, b, and c}. */
  static String join(List<String> parts) {
    if (parts.size() <= 2) {
      return String.join(" and ", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + ", and "
        + parts.get(parts.size() - 1);
  }
}
