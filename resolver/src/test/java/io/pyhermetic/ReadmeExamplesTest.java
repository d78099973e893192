package io.pyhermetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.Auditor;
import io.pyhermetic.builddeps.BuildDepsOptions;
import io.pyhermetic.builddeps.BuildDepsOutput;
import io.pyhermetic.builddeps.BuildDepsResolver;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.Indexes;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.OfflineSample;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples for the index, audit and build dependencies, run as written against
 * the offline sample (ReadmeSnippetsTest in the command line's tests checks that the README holds
 * these regions).
 */
class ReadmeExamplesTest {

  @TempDir Path dir;

  @Test
  void indexAuditAndBuildDependencies() throws IOException {
    Path sample = dir.resolve("sample");
    OfflineSample.write(sample);
    Path output = dir.resolve("requirements-build.txt");
    String graph;

    // region readme-index-audit-build-deps
    RequirementsFile x86 = RequirementsFile.parse(sample.resolve("requirements-x86_64.txt"));
    RequirementsFile arm = RequirementsFile.parse(sample.resolve("requirements-aarch64.txt"));
    // IndexLocation.resolve(Optional.empty(), System.getenv()) names $PIP_INDEX_URL,
    // $UV_INDEX_URL or PyPI; IndexSettings.fromEnvironment adds the token, netrc and cache
    try (CachingIndex index =
        Indexes.open(IndexLocation.findLinks(sample.resolve("index")), IndexSettings.defaults())) {
      List<ReleaseFile> files =
          index.files(ProjectName.of("purelib"), Version.parse("1.0")); // name, sha256, yanked…

      Map<String, Target> targets =
          Map.of(
              "x86_64", Target.linux("x86_64", "3.12"),
              "aarch64", Target.linux("aarch64", "3.12"));
      AuditReport audit =
          new Auditor(index, targets, Auditor::hermetoConfigFilter)
              .audit(Map.of("x86_64", x86.allEntries(), "aarch64", arm.allEntries()));
      audit.withoutSdist(); // nvlib 12.0
      audit.notInstallable("aarch64"); // none
      audit.hashProblems(); // none
      audit.unknown("aarch64"); // where the index failed: not checked, never "none"

      BuildDepsResult deps =
          new BuildDepsResolver(
                  index,
                  BuildDepsOptions.builder()
                      .targets(List.copyOf(targets.values()))
                      .skipMissingSdist(true)
                      .build())
              .resolve(x86.allEntries());
      BuildDepsOutput.writeRequirements(
          output, deps, BuildDepsOutput.header("3.12", "my-tool"), true);
      graph = BuildDepsOutput.mermaid(deps); // the build-from-source graph ("" if none)
    }
    // endregion
    assertThat(graph).startsWith("flowchart LR").contains("nativepkg").contains("setuptools");

    assertThat(java.nio.file.Files.readString(output))
        .contains("# by the following command:")
        .contains("#    my-tool")
        .contains("flit-core==3.12.0")
        .contains("setuptools==80.9.0")
        .contains("wheel==0.45.1")
        .contains("#    nvlib==12.0");
  }
}
