package io.pyhermetic.builddeps;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.error.Problem;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.Distributions.Format;
import io.pyhermetic.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BuildDepsOutput#mermaid}: the build-from-source graph. */
class BuildDepsOutputTest {

  @TempDir Path dir;
  @TempDir Path work;

  /** A release on the fixture index: an sdist with these build requirements, a wheel if asked. */
  private void release(String name, String version, boolean wheel, boolean sdist, String... needs)
      throws Exception {
    Path index = Files.createDirectories(dir.resolve("index"));
    String metadata = Distributions.metadata(name, version, null, List.of());
    if (wheel) {
      Distributions.wheel(index, name, version, "py3-none-any", metadata);
    }
    if (sdist) {
      List<String> quoted = new ArrayList<>();
      for (String n : needs) {
        quoted.add('"' + n + '"');
      }
      Distributions.sdist(
          index,
          name,
          version,
          Format.TAR_GZ,
          metadata,
          Map.of(
              "pyproject.toml",
              "[build-system]\nrequires = [" + String.join(", ", quoted) + "]\n"));
    }
  }

  private BuildDepsResult resolve(String requirements, BuildDepsOptions.Builder options) {
    return new BuildDepsResolver(
            new LocalIndex(dir.resolve("index")),
            options.workDirectory(work).concurrency(2).build())
        .resolve(RequirementsFile.parse(requirements, "requirements.txt").entries());
  }

  /** Two packages needing different hatchlings, and one without an sdist. */
  private void smallIndex() throws Exception {
    release("flit-core", "3.12.0", true, true);
    release("hatchling", "1.26.3", true, true, "flit-core");
    release("hatchling", "1.28.0", true, true, "flit-core");
    release("app", "1.0", false, true, "hatchling>=1.27");
    release("lib", "2.0", false, true, "hatchling<1.27", "flit-core");
    release("native", "3.0", true, false);
  }

  @Test
  void aSmallGraph() throws Exception {
    smallIndex();
    BuildDepsResult result =
        resolve(
            "app==1.0\nlib==2.0\nnative==3.0\n", BuildDepsOptions.builder().skipMissingSdist(true));
    assertThat(result.errors()).isEmpty();
    String graph = BuildDepsOutput.mermaid(result);
    assertThat(graph)
        .isEqualTo(
            """
            flowchart LR
                app["app 1.0"]
                flit_core["flit-core 3.12.0"]
                hatchling_1_26_3["hatchling 1.26.3"]
                hatchling_1_28_0["hatchling 1.28.0"]
                lib["lib 2.0"]
                native["native 3.0"]
                app --> hatchling_1_28_0
                hatchling_1_26_3 --> flit_core
                hatchling_1_28_0 --> flit_core
                lib --> flit_core
                lib --> hatchling_1_26_3
                classDef skipped stroke-dasharray: 5 5
                class native skipped
            """);
    // same input and index state: the same bytes
    assertThat(
            BuildDepsOutput.mermaid(
                resolve(
                    "native==3.0\nlib==2.0\napp==1.0\n",
                    BuildDepsOptions.builder().skipMissingSdist(true))))
        .isEqualTo(graph);
  }

  @Test
  void packagesInstalledFromWheelsAppearOnlyAsPins() throws Exception {
    smallIndex();
    BuildDepsResult result =
        resolve(
            "app==1.0\nflit-core==3.12.0\n",
            BuildDepsOptions.builder().binaryFor(List.of(Target.linux("x86_64", "3.12"))));
    assertThat(result.errors()).isEmpty();
    assertThat(BuildDepsOutput.mermaid(result))
        .isEqualTo(
            """
            flowchart LR
                app["app 1.0"]
                hatchling["hatchling 1.28.0"]
                app --> hatchling
            """);
  }

  @Test
  void nothingBuiltFromSourceIsTheEmptyString() throws Exception {
    smallIndex();
    assertThat(BuildDepsOutput.mermaid(resolve("", BuildDepsOptions.builder()))).isEmpty();
    BuildDepsResult wheels =
        resolve(
            "flit-core==3.12.0\n",
            BuildDepsOptions.builder().binaryFor(List.of(Target.linux("x86_64", "3.12"))));
    assertThat(wheels.packages()).isNotEmpty();
    assertThat(BuildDepsOutput.mermaid(wheels)).isEmpty();
  }

  private static PackageOutcome outcome(
      String name, String version, PackageOutcome.Status status, String... pins) {
    List<ResolvedPin> environment = new ArrayList<>();
    for (String pin : pins) {
      String[] parts = pin.split("==");
      environment.add(
          new ResolvedPin(
              ProjectName.of(parts[0]), Version.parse(parts[1]), new TreeSet<>(List.of(name))));
    }
    Optional<Problem> problem =
        status == PackageOutcome.Status.FAILED || status == PackageOutcome.Status.SKIPPED
            ? Optional.of(
                Problem.error(BuildDepsCode.MISSING_SDIST, name + "==" + version, "no sdist"))
            : Optional.empty();
    return new PackageOutcome(
        ProjectName.of(name),
        Version.parse(version),
        status,
        status == PackageOutcome.Status.RESOLVED
            ? Optional.of(name + "-" + version + ".tar.gz")
            : Optional.empty(),
        Optional.empty(),
        List.of(),
        environment,
        new TreeSet<>(List.of(PackageOutcome.INPUT)),
        problem);
  }

  private static BuildDepsResult result(PackageOutcome... packages) {
    return new BuildDepsResult(List.of(), List.of(), List.of(packages), List.of(), List.of());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "flit-core, flit_core",
    "zope.interface, zope_interface",
    "3to2, 3to2",
    "end, pkg_end",
    "endpoints, pkg_endpoints",
    "Class-Registry, pkg_class_registry",
    "classDef, pkg_classdef",
    "style, pkg_style",
    "graphviz, pkg_graphviz",
    "subgraph, pkg_subgraph",
    "flowchart, pkg_flowchart",
    "linkstyle, pkg_linkstyle",
    "click, pkg_click",
    "default, pkg_default",
    "accTitle, pkg_acctitle",
    "ostree, ostree",
    "xattr, xattr",
    "legend, legend",
  })
  void nodeIdsAreMermaidSafe(String name, String id) {
    String graph =
        BuildDepsOutput.mermaid(
            result(outcome(name, "1.0", PackageOutcome.Status.RESOLVED, "zzz-backend==1")));
    String canonical = ProjectName.of(name).canonical();
    assertThat(graph)
        .isEqualTo(
            "flowchart LR\n    "
                + id
                + "[\""
                + canonical
                + " 1.0\"]\n    zzz_backend[\"zzz-backend 1\"]\n    "
                + id
                + " --> zzz_backend\n");
  }

  @Test
  void idsStayUniqueWhenVersionsAndNamesMeet() {
    // foo 1.0 next to foo 2.0 is foo_1_0, which the project foo-1-0 would also be
    String graph =
        BuildDepsOutput.mermaid(
            result(
                outcome(
                    "foo", "1.0", PackageOutcome.Status.RESOLVED, "foo-1-0==1", "torch==2.5.1+cpu"),
                outcome("foo", "2.0", PackageOutcome.Status.RESOLVED, "foo==1.0"),
                outcome("torch", "2.5.1", PackageOutcome.Status.FAILED),
                outcome("missing", "1", PackageOutcome.Status.SKIPPED)));
    assertThat(graph)
        .isEqualTo(
            """
            flowchart LR
                foo_1_0["foo 1.0"]
                foo_2_0["foo 2.0"]
                foo_1_0_2["foo-1-0 1"]
                missing["missing 1"]
                torch_2_5_1["torch 2.5.1"]
                torch_2_5_1_cpu["torch 2.5.1+cpu"]
                foo_1_0 --> foo_1_0_2
                foo_1_0 --> torch_2_5_1_cpu
                foo_2_0 --> foo_1_0
                classDef skipped stroke-dasharray: 5 5
                class missing skipped
                classDef failed stroke:#d00,stroke-width:2px
                class torch_2_5_1 failed
            """);
  }
}
