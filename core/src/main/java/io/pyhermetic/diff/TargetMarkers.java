package io.pyhermetic.diff;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.MarkerEvaluationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which build targets an entry's marker selects, shared by the split and the per-target diff. */
final class TargetMarkers {
  /** The rule of every problem reported here. */
  static final String RULE = "marker-not-for-targets";

  // Variables a build target has no value for: a marker on them would hold or fail by accident.
  private static final Set<String> NOT_FOR_TARGETS =
      Set.of("extra", "extras", "dependency_groups", "platform_release", "platform_version");

  private TargetMarkers() {}

  /**
   * Whether {@code e} applies in each environment (in their order), or empty when its marker cannot
   * say; the reason is then added to {@code problems}, once per entry.
   */
  static Optional<List<Boolean>> applies(
      Entry e, Collection<MarkerEnvironment> environments, List<Diagnostic> problems) {
    List<Boolean> out = new ArrayList<>(environments.size());
    Optional<Marker> marker = e.marker();
    if (marker.isEmpty()) {
      environments.forEach(env -> out.add(true));
      return Optional.of(out);
    }
    Set<String> unusable = new TreeSet<>(marker.get().variables());
    unusable.retainAll(NOT_FOR_TARGETS);
    if (!unusable.isEmpty()) {
      problems.add(
          Diagnostic.error(
              RULE,
              e.location(),
              "the marker '"
                  + marker.get()
                  + "' uses "
                  + String.join(", ", unusable)
                  + ", which a build target does not define: write the condition with"
                  + " platform_machine, python_version or sys_platform instead"));
      return Optional.empty();
    }
    for (MarkerEnvironment env : environments) {
      try {
        out.add(marker.get().evaluate(env));
      } catch (MarkerEvaluationException ex) {
        problems.add(
            Diagnostic.error(
                RULE,
                e.location(),
                "the marker '" + marker.get() + "' cannot be evaluated: " + ex.getMessage()));
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }
}
