package io.pyhermetic.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SolverTest {

  /** A universe in memory: project → version → Requires-Dist; counts the look-ups. */
  private static final class Universe implements Solver.Provider {
    final Map<ProjectName, TreeMap<Version, List<String>>> releases = new LinkedHashMap<>();
    int lookups;

    Universe release(String name, String version, String... requires) {
      releases
          .computeIfAbsent(ProjectName.of(name), k -> new TreeMap<>())
          .put(Version.parse(version), List.of(requires));
      return this;
    }

    @Override
    public List<Version> candidates(
        ProjectName name,
        SpecifierSet specifier,
        List<Requirement> requirements,
        List<String> rejected) {
      lookups++;
      TreeMap<Version, List<String>> known = releases.get(name);
      if (known == null) {
        rejected.add("no project " + name.canonical());
        return List.of();
      }
      List<Version> out = new ArrayList<>(specifier.filter(known.descendingKeySet()));
      return out;
    }

    @Override
    public Optional<String> unusable(
        ProjectName name, Version version, List<Requirement> requirements) {
      return Optional.empty();
    }

    @Override
    public List<Requirement> dependencies(ProjectName name, Version version) {
      return releases.get(name).get(version).stream().map(Requirement::parse).toList();
    }
  }

  private static Unresolvable unsolvable(Universe universe, String... roots) {
    List<Solver.Root> list = new ArrayList<>();
    for (String r : roots) {
      list.add(new Solver.Root(Requirement.parse(r), "-r requirements.in", "requirements.in"));
    }
    Solver solver =
        new Solver(
            universe,
            Target.linux("x86_64", "3.12").markerEnvironment(),
            List.of(),
            10_000,
            "too complex");
    return catchThrowableOfType(Unresolvable.class, () -> solver.resolve(list));
  }

  @Test
  void twoReleasesThatWantDisjointVersionsAreExplainedAsUvDoes() {
    Universe u =
        new Universe()
            .release("a", "1.0", "b>=2")
            .release("c", "1.0", "b<2")
            .release("b", "1.0")
            .release("b", "2.0");
    Unresolvable e = unsolvable(u, "a", "c");
    assertThat(e).isNotNull();
    assertThat(e.derivation())
        .containsExactly(
            "Because a==1.0 depends on b>=2 and c==1.0 depends on b<2, a==1.0 and c==1.0 are"
                + " incompatible.",
            "And because you require a and c, we can conclude that your requirements are"
                + " unsatisfiable.");
  }

  /**
   * A generated universe without a solution: two chains of {@code depth} projects from the roots
   * that end in disjoint requirements on one shared project, every project with distractor versions
   * that lead to the same dead end.
   */
  private static Universe chains(int depth) {
    Universe u = new Universe();
    for (String side : List.of("l", "r")) {
      for (int i = 0; i < depth; i++) {
        String next =
            i + 1 < depth ? side + (i + 1) : ("shared" + (side.equals("l") ? ">=2" : "<2"));
        u.release(side + i, "1.0", next);
        u.release(side + i, "0.9", next);
      }
    }
    u.release("shared", "1.0").release("shared", "2.0");
    return u;
  }

  @Test
  void aGeneratedUnsatisfiableUniverseIsExplainedStepByStepUpToTheRoots() {
    Unresolvable e = unsolvable(chains(3), "l0", "r0");
    assertThat(e).isNotNull();
    List<String> lines = e.derivation();
    assertThat(lines.get(0))
        .isEqualTo(
            "Because l2==1.0 depends on shared>=2 and r2==1.0 depends on shared<2, l2==1.0 and"
                + " r2==1.0 are incompatible.");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "And because l1==1.0 depends on l2, r2==1.0 and l1==1.0 are incompatible.",
            "And because r1==1.0 depends on r2, l1==1.0 and r1==1.0 are incompatible.",
            "And because l0==1.0 depends on l1, r1==1.0 and l0==1.0 are incompatible.",
            "And because r0==1.0 depends on r1, l0==1.0 and r0==1.0 are incompatible.",
            "And because you require l0 and r0, we can conclude that your requirements are"
                + " unsatisfiable.",
            "The other versions of r2, l2, r1, l1, r0, and l0 that fit were tried too and lead to"
                + " conflicts as well.");
  }

  @Test
  void aVersionThatDoesNotExistReadsAsUvSaysIt() {
    Universe u = new Universe().release("a", "1.0", "b==3").release("b", "1.0");
    Unresolvable e = unsolvable(u, "a");
    assertThat(e.derivation())
        .containsExactly(
            "Because there is no version of b==3 and a==1.0 depends on b==3, a==1.0 cannot be"
                + " used.",
            "And because you require a, we can conclude that your requirements are"
                + " unsatisfiable.");
  }

  @Test
  void everyRequirementNoChoiceCanMeetIsReportedNotOnlyTheFirst() {
    Universe u = new Universe().release("ok", "1.0");
    List<String> roots = new ArrayList<>(List.of("ok"));
    for (int i = 0; i < 30; i++) {
      roots.add("missing" + i);
    }
    Unresolvable e = unsolvable(u, roots.toArray(String[]::new));
    assertThat(e.getMessage()).startsWith("30 requirements cannot be met: no version of missing0");
    for (int i = 0; i < 30; i++) {
      assertThat(e.chain()).contains("requirements.in \u2192 missing" + i);
    }
    assertThat(e.derivation())
        .contains(
            "Because there is no version of missing29 and you require missing29, we can conclude"
                + " that your requirements are unsatisfiable.");
    // each project is looked up once: the work grows with the requirements, no more
    assertThat(u.lookups).isEqualTo(31);
  }

  @Test
  void theReportIsBounded() {
    Universe u = new Universe();
    List<String> roots = new ArrayList<>();
    for (int i = 0; i < Solver.MAX_UNRESOLVED + 50; i++) {
      roots.add("missing" + i);
    }
    Unresolvable e = unsolvable(u, roots.toArray(String[]::new));
    assertThat(e.getMessage())
        .startsWith((Solver.MAX_UNRESOLVED + 1) + " requirements cannot be met: ");
    assertThat(u.lookups).isEqualTo(Solver.MAX_UNRESOLVED + 1);
  }
}
