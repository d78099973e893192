package io.pyhermetic.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.error.Location;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RequirementsDiff#compareTargets}: one marker-annotated file as each target sees it. */
class RequirementsDiffTargetsTest {

  private static Map<String, Target> targets(String python, String... archs) {
    Map<String, Target> out = new LinkedHashMap<>();
    for (String arch : archs) {
      out.put(arch, Target.linux(arch, python));
    }
    return out;
  }

  private static PackageDiff find(RequirementsDiff diff, String name) {
    return diff.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** pkg's version under x86_64 and aarch64 ("-" where absent, "none" where no target has it). */
  @ParameterizedTest(name = "{0} on CPython {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "platform_machine == 'x86_64'                                  | 3.12 | 1.0 | -   | only",
        "platform_machine == 'aarch64'                                 | 3.12 | -   | 1.0 | only",
        "platform_machine != 'x86_64'                                  | 3.12 | -   | 1.0 | only",
        "'x86' in platform_machine                                     | 3.12 | 1.0 | -   | only",
        "platform_machine == 'x86_64' or platform_machine == 'aarch64' | 3.12 | 1.0 | 1.0 | same",
        "python_version < '3.11'                                       | 3.12 | none | none | none",
        "python_version < '3.11'                                       | 3.10 | 1.0 | 1.0 | same",
        "python_version >= '3.11' and platform_machine == 'aarch64'    | 3.12 | -   | 1.0 | only",
        "python_full_version >= '3.12.1'                               | 3.12 | none | none | none",
        "python_full_version >= '3.12.1'                               | 3.12.4 | 1.0 | 1.0 | same",
        "sys_platform == 'linux'                                       | 3.12 | 1.0 | 1.0 | same",
        "sys_platform == 'win32'                                       | 3.12 | none | none | none",
        "os_name == 'posix' and platform_machine == 'x86_64'           | 3.12 | 1.0 | -   | only",
        "implementation_name == 'cpython'                              | 3.12 | 1.0 | 1.0 | same",
        "platform_python_implementation == 'PyPy'                      | 3.12 | none | none | none",
        "platform_system == 'Linux' and platform_machine == 'aarch64'  | 3.12 | -   | 1.0 | only",
      })
  void markersSelectEachTargetsPins(
      String marker, String python, String x86, String arm, String status) {
    RequirementsFile file = Corpus.PARSER.parse("pkg==1.0 ; " + marker + "\nother==2\n", "u.txt");
    RequirementsDiff diff =
        RequirementsDiff.compareTargets(file, targets(python, "x86_64", "aarch64"));
    assertThat(diff.problems()).isEmpty();
    assertThat(diff.labels()).containsExactly("x86_64", "aarch64");
    assertThat(find(diff, "other").status()).isEqualTo(DiffStatus.SAME);
    if (status.equals("none")) {
      assertThat(diff.packages()).extracting(PackageDiff::name).containsExactly("other");
      return;
    }
    PackageDiff pkg = find(diff, "pkg");
    assertThat(pkg.versions())
        .containsExactly(
            Map.entry("x86_64", Optional.of(x86).filter(v -> !v.equals("-"))),
            Map.entry("aarch64", Optional.of(arm).filter(v -> !v.equals("-"))));
    assertThat(pkg.status().label()).isEqualTo(status);
    assertThat(pkg.locations()).containsExactly(new Location("u.txt", 1, 1));
  }

  @Test
  void pinsChosenPerTargetAreVersionDifferencesNotMarkerOnes() {
    RequirementsFile file =
        Corpus.PARSER.parse(
            "numpy==2.0 ; platform_machine == 'x86_64'\n"
                + "numpy==1.26 ; platform_machine == 'aarch64'\n"
                + "hashed==1 ; platform_machine == 'x86_64' --hash=sha256:aa\n"
                + "hashed==1 ; platform_machine == 'aarch64' --hash=sha256:bb\n"
                + "twin==3 ; platform_machine == 'x86_64'\n"
                + "twin==3 ; platform_machine == 'aarch64'\n"
                + "twice==1\n"
                + "twice==2 ; platform_machine == 'aarch64'\n",
            "u.txt");
    RequirementsDiff diff =
        RequirementsDiff.compareTargets(file, targets("3.12", "x86_64", "aarch64"));
    PackageDiff numpy = find(diff, "numpy");
    assertThat(numpy.status()).isEqualTo(DiffStatus.VERSION);
    assertThat(numpy.versions())
        .containsExactly(
            Map.entry("x86_64", Optional.of("2.0")), Map.entry("aarch64", Optional.of("1.26")));
    assertThat(numpy.locations())
        .containsExactly(new Location("u.txt", 1, 1), new Location("u.txt", 2, 1));
    // the markers differ because they chose the pins: not a difference of their own
    assertThat(find(diff, "hashed").status()).isEqualTo(DiffStatus.HASHES);
    assertThat(find(diff, "twin").status()).isEqualTo(DiffStatus.SAME);
    assertThat(find(diff, "twin").differences()).isEmpty();
    // two pins for one target are listed together, as compare() does
    assertThat(find(diff, "twice").versions().get("aarch64")).contains("1, 2");
    assertThat(find(diff, "twice").status()).isEqualTo(DiffStatus.VERSION);
    assertThat(diff.summary())
        .containsEntry(DiffStatus.VERSION, 2)
        .containsEntry(DiffStatus.HASHES, 1)
        .containsEntry(DiffStatus.SAME, 1);
  }

  @Test
  void targetsMayDifferInPythonVersionOnly() {
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put("py310", Target.linux("x86_64", "3.10"));
    targets.put("py312", Target.linux("x86_64", "3.12"));
    RequirementsFile file =
        Corpus.PARSER.parse(
            "tomli==2.0 ; python_version < '3.11'\nexceptiongroup==1.2 ; python_version <= '3.10'\n"
                + "attrs==24\n",
            "u.txt");
    RequirementsDiff diff = RequirementsDiff.compareTargets(file, targets);
    assertThat(diff.labels()).containsExactly("py310", "py312");
    assertThat(diff.onlyIn("py310")).containsExactly("exceptiongroup", "tomli");
    assertThat(diff.onlyIn("py312")).isEmpty();
  }

  /** Markers no target can answer: located, left out, and the rest still compared. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "extra == 'dev'                                 | uses extra",
        "platform_release >= '6'                        | uses platform_release",
        "platform_version == '1' or os_name == 'posix'  | uses platform_version",
        "os_name ~= 'posix'                             | cannot be evaluated: Undefined comparison",
        "python_version ~= 'x' and platform_machine == 'x86_64' | cannot be evaluated: Undefined"
            + " comparison",
      })
  void markersThatCannotBeEvaluatedAreLocatedProblems(String marker, String message) {
    RequirementsFile file =
        Corpus.PARSER.parse("ok==1\nbad==1 ; " + marker + "\nlate==2\n", "u.txt");
    RequirementsDiff diff =
        RequirementsDiff.compareTargets(file, targets("3.12", "x86_64", "aarch64"));
    assertThat(diff.problems()).hasSize(1);
    assertThat(diff.problems().get(0).location()).isEqualTo(new Location("u.txt", 2, 1));
    assertThat(diff.problems().get(0).rule()).isEqualTo("marker-not-for-targets");
    assertThat(diff.problems().get(0).message()).contains(message);
    assertThat(diff.problems().get(0).toString()).startsWith("u.txt:2:1: error: the marker '");
    assertThat(diff.packages()).extracting(PackageDiff::name).containsExactly("late", "ok");
    assertThat(diff.isEmpty()).isTrue();
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    RequirementsFile file =
        Corpus.PARSER.parse("a==1 ; extra == 'x'\nb==1\nc==1 ; os_name ~= 'posix'\n", "u.txt");
    RequirementsDiff diff =
        RequirementsDiff.compareTargets(file, targets("3.12", "x86_64", "aarch64"));
    assertThat(diff.problems()).extracting(d -> d.location().line()).containsExactly(1, 3);
  }

  @Test
  void needsTwoTargets() {
    RequirementsFile file = Corpus.PARSER.parse("a==1\n", "u.txt");
    assertThatThrownBy(() -> RequirementsDiff.compareTargets(file, targets("3.12", "x86_64")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two targets, got 1");
  }

  @Test
  void aMergedGarakFileComparesPerTargetAsThePairDoes() {
    Map<String, RequirementsFile> pair = new LinkedHashMap<>();
    pair.put("x86_64", Corpus.garak("x86_64"));
    pair.put("aarch64", Corpus.garak("aarch64"));
    RequirementsMerge.Result merged = RequirementsMerge.mergeForTargets(pair, false);
    RequirementsFile universal =
        Corpus.PARSER.parse(
            merged.text(RequirementsWriter.pipCompileStyle()), "requirements-universal.txt");
    RequirementsDiff perTarget =
        RequirementsDiff.compareTargets(universal, targets("3.12", "x86_64", "aarch64"));
    RequirementsDiff files = RequirementsDiff.compare(pair);
    assertThat(perTarget.problems()).isEmpty();
    assertThat(perTarget.packages())
        .extracting(p -> p.name() + " " + p.versions() + " " + p.status())
        .isEqualTo(
            files.packages().stream()
                .map(p -> p.name() + " " + p.versions() + " " + p.status())
                .toList());
    // one table for both: the plan renders either the same way
    assertThat(DiffRenderer.markdown(perTarget, perTarget.differences()))
        .isEqualTo(DiffRenderer.markdown(files, files.differences()));
    assertThat(DiffRenderer.json(perTarget, perTarget.packages()))
        .isEqualTo(DiffRenderer.json(files, files.packages()));
    assertThat(DiffRenderer.text(perTarget, perTarget.packages(), false))
        .isEqualTo(DiffRenderer.text(files, files.packages(), false));
  }
}
