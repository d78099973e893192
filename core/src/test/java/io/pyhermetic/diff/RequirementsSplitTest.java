package io.pyhermetic.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RequirementsSplitTest {

  /** name==version and hashes of every entry, for comparing sets of pins. */
  private static Set<String> pins(RequirementsFile file) {
    Set<String> out = new TreeSet<>();
    for (Entry e : file.allEntries()) {
      out.add(e.name().get().canonical() + "==" + e.pinnedVersion().get() + " " + e.hashes());
    }
    return out;
  }

  @Test
  void splittingAUniversalFileGivesBackBothGarakSets() {
    RequirementsFile x86 = Corpus.garak("x86_64");
    RequirementsFile arm = Corpus.garak("aarch64");
    Set<String> armNames = new TreeSet<>();
    arm.allEntries().forEach(e -> armNames.add(e.name().get().canonical()));
    StringBuilder universal = new StringBuilder();
    for (Entry e : x86.allEntries()) {
      String text = e.text();
      if (!armNames.contains(e.name().get().canonical())) {
        int continuation = text.indexOf(" \\");
        text =
            text.substring(0, continuation)
                + " ; platform_machine == 'x86_64'"
                + text.substring(continuation);
      }
      universal.append(text).append(e.annotationText());
    }
    RequirementsFile file = Corpus.PARSER.parse(universal.toString(), "requirements.txt");
    RequirementsSplit.Result result =
        RequirementsSplit.split(file, List.of("x86_64", "aarch64"), "3.12", false);
    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).containsOnlyKeys("x86_64", "aarch64");
    RequirementsFile splitX86 = Corpus.PARSER.parse(result.files().get("x86_64"), "x86.txt");
    RequirementsFile splitArm = Corpus.PARSER.parse(result.files().get("aarch64"), "arm.txt");
    assertThat(pins(splitX86)).isEqualTo(pins(x86));
    assertThat(pins(splitArm)).isEqualTo(pins(arm));
    assertThat(splitX86.allEntries()).allSatisfy(e -> assertThat(e.marker()).isEmpty());
    // annotations are kept
    assertThat(splitArm.allEntries().get(0).via()).isEqualTo(arm.allEntries().get(0).via());
  }

  @Test
  void keepsMarkersWhenAskedAndEvaluatesPythonVersions() {
    RequirementsFile file =
        Corpus.PARSER.parse(
            "a==1 ; python_version < '3.11'\nb==2 ; platform_machine == 'aarch64'\nc==3\n",
            "u.txt");
    RequirementsSplit.Result result =
        RequirementsSplit.split(file, List.of("amd64", "arm64"), "3.12", true);
    assertThat(result.files().keySet()).containsExactly("x86_64", "aarch64");
    assertThat(result.files().get("x86_64"))
        .endsWith("c==3\n")
        .doesNotContain("a==1")
        .doesNotContain("b==2");
    assertThat(result.files().get("aarch64")).contains("b==2 ; platform_machine == 'aarch64'\n");
    RequirementsSplit.Result old = RequirementsSplit.split(file, List.of("x86_64"), "3.10", false);
    assertThat(old.files().get("x86_64")).contains("a==1\n").contains("c==3\n");
  }

  @Test
  void markersThatNoTargetDefinesAreLocatedErrors() {
    RequirementsFile file =
        Corpus.PARSER.parse(
            "ok==1\ndev==1 ; extra == 'test'\nk==1 ; platform_release >= '6'\n"
                + "u==1 ; os_name ~= 'posix'\n",
            "u.txt");
    RequirementsSplit.Result result =
        RequirementsSplit.split(file, List.of("x86_64"), "3.12", false);
    assertThat(result.isOk()).isFalse();
    assertThat(result.files()).isEmpty();
    assertThat(result.problems())
        .extracting(d -> d.location().line() + ":" + d.rule())
        .containsExactly(
            "2:marker-not-for-targets", "3:marker-not-for-targets", "4:marker-not-for-targets");
    assertThat(result.problems().get(0).message()).contains("uses extra");
    assertThat(result.problems().get(2).message())
        .isEqualTo(
            "the marker 'os_name ~= \"posix\"' cannot be evaluated: Undefined comparison ~= on"
                + " 'posix' and 'posix'");
  }

  @Test
  void mergeForTargetsThenSplitIsARoundTrip() {
    RequirementsFile x86 = Corpus.garak("x86_64");
    RequirementsFile arm = Corpus.garak("aarch64");
    java.util.Map<String, RequirementsFile> byArch = new java.util.LinkedHashMap<>();
    byArch.put("x86_64", x86);
    byArch.put("aarch64", arm);
    RequirementsMerge.Result merged = RequirementsMerge.mergeForTargets(byArch, false);
    assertThat(merged.isOk()).isTrue();
    RequirementsFile universal =
        Corpus.PARSER.parse(
            merged.text(io.pyhermetic.reqfile.RequirementsWriter.pipCompileStyle()),
            "universal.txt");
    assertThat(universal.allEntries().stream().filter(e -> e.marker().isPresent()))
        .hasSize(16)
        .allSatisfy(
            e -> assertThat(e.marker().get()).hasToString("platform_machine == \"x86_64\""));
    RequirementsSplit.Result split =
        RequirementsSplit.split(universal, List.of("x86_64", "aarch64"), "3.12", false);
    assertThat(pins(Corpus.PARSER.parse(split.files().get("x86_64"), "a"))).isEqualTo(pins(x86));
    assertThat(pins(Corpus.PARSER.parse(split.files().get("aarch64"), "b"))).isEqualTo(pins(arm));
  }
}
