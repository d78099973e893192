package io.pyhermetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.diff.DiffRenderer;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsWriter;
import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples for the core module, run as written: each region between {@code region
 * readme-…} and {@code endregion} is a block of the README (ReadmeSnippetsTest in the command
 * line's tests checks that they agree).
 */
class ReadmeExamplesTest {

  @TempDir Path dir;

  @Test
  void requirementsFiles() throws IOException {
    Path requirements = dir.resolve("requirements.txt");
    Files.writeString(
        requirements,
        "-c constraints.txt\nidna==3.10 \\\n    --hash=sha256:" + "a".repeat(64) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("constraints.txt"), "urllib3<3\n", StandardCharsets.UTF_8);

    // region readme-requirements-files
    RequirementsFile file = RequirementsFile.parse(requirements);
    for (Entry e : file.allEntries()) { // -r / -c files inline, as pip yields them
      e.name(); // idna, urllib3 (from the constraints file)
      e.pinnedVersion(); // 3.10, none
      e.hashes(); // {sha256=[aaa…]}
      e.marker();
      e.via(); // the -c line that brought a constraint in
      e.location(); // requirements.txt:2:1
    }
    file.toBytes(); // the input, byte for byte
    Entry idna = file.entries(ProjectName.of("idna")).get(0);
    RequirementsFile bumped =
        file.withPin(idna, Version.parse("3.11"), Map.of("sha256", List.of("b".repeat(64))));
    List<Diagnostic> problems = HermetoRules.check(file); // Hermeto's rules, located
    String canonical =
        RequirementsWriter.pipCompileStyle().write(RequirementsWriter.itemsOf(file.entries()));
    // endregion

    assertThat(file.allEntries()).hasSize(2);
    assertThat(file.toBytes()).isEqualTo(Files.readAllBytes(requirements));
    assertThat(new String(bumped.toBytes(), StandardCharsets.UTF_8))
        .startsWith("-c constraints.txt\nidna==3.11 \\\n")
        .contains("b".repeat(64));
    assertThat(problems).isNotNull();
    assertThat(canonical).contains("idna==3.10");
  }

  @Test
  void perTargetDiff() throws IOException {
    Path universalFile = dir.resolve("requirements.txt");
    Files.writeString(
        universalFile,
        "idna==3.10\ntriton==3.5.0 ; platform_machine == 'x86_64'\n",
        StandardCharsets.UTF_8);

    // region readme-diff
    RequirementsFile universal = RequirementsFile.parse(universalFile); // pins with markers
    Map<String, Target> targets = new LinkedHashMap<>(); // labels in the map's order
    targets.put("x86_64", Target.linux("x86_64", "3.12"));
    targets.put("aarch64", Target.linux("aarch64", "3.12"));
    RequirementsDiff views = RequirementsDiff.compareTargets(universal, targets);
    views.differences(); // triton: only on x86_64
    views.problems(); // markers no target can evaluate, at file:line:col
    String table = DiffRenderer.markdown(views, views.differences()); // as for compare()
    // endregion

    assertThat(views.differences()).singleElement().extracting(d -> d.name()).isEqualTo("triton");
    assertThat(views.problems()).isEmpty();
    assertThat(table).contains("| `triton` | 3.5.0 | - | only |");
  }

  @Test
  void coreModel() {
    // region readme-core-model
    Version v = Version.parse("1.0-ALPHA.2"); // 1.0a2
    SpecifierSet spec = SpecifierSet.parse(">=1.0, <2, !=1.5.*");
    spec.contains(Version.parse("1.5a1")); // false (in !=1.5.*)
    Requirement req = Requirement.parse("torch==2.5.1; platform_machine == 'x86_64'");
    req.marker().get().evaluate(MarkerEnvironment.forTarget("aarch64", "3.12")); // false
    ProjectName.of("Foo.Bar").canonical(); // foo-bar
    // endregion

    assertThat(v).hasToString("1.0a2");
    assertThat(spec.contains(Version.parse("1.5a1"))).isFalse();
    assertThat(req.marker().get().evaluate(MarkerEnvironment.forTarget("aarch64", "3.12")))
        .isFalse();
    assertThat(ProjectName.of("Foo.Bar").canonical()).isEqualTo("foo-bar");
  }
}
