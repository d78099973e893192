package io.pyhermetic.buildsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.requirement.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectDependenciesTest {

  private static ProjectDependencies pyproject(String text) {
    return ProjectDependencies.fromPyproject(
        "pyproject.toml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> texts(List<Requirement> requirements) {
    return requirements.stream().map(Requirement::toString).toList();
  }

  @Test
  void projectTableExtrasAndGroupsWithIncludes() {
    ProjectDependencies read =
        pyproject(
            """
            [project]
            name = "demo"
            requires-python = ">=3.12"
            dependencies = ["httpx[http2]==0.28.1", "garak==0.12.0 ; python_version >= '3.10'"]
            [project.optional-dependencies]
            Remote_Stuff = ["kfp==2.14.6"]
            [dependency-groups]
            test = ["pytest>=8", {include-group = "lint"}]
            lint = ["ruff"]
            """);
    assertThat(read.name()).contains("demo");
    assertThat(read.requiresPython()).contains(">=3.12");
    assertThat(texts(read.dependencies()))
        .containsExactly("httpx[http2]==0.28.1", "garak==0.12.0; python_version >= \"3.10\"");
    assertThat(read.optionalDependencies()).containsOnlyKeys("remote-stuff");
    assertThat(texts(read.groups().get("test"))).containsExactly("pytest>=8", "ruff");
  }

  @Test
  void theGarakCorpusPyproject() throws Exception {
    byte[] bytes =
        ProjectDependenciesTest.class
            .getResourceAsStream("/io/pyhermetic/testdata/corpus/garak-2025-12/pyproject.toml")
            .readAllBytes();
    ProjectDependencies read = ProjectDependencies.fromPyproject("pyproject.toml", bytes);
    assertThat(read.name()).contains("llama-stack-provider-trustyai-garak");
    assertThat(read.dependencies()).hasSize(5);
    assertThat(texts(read.optionalDependencies().get("remote")))
        .containsExactly(
            "kfp==2.14.6", "kfp-kubernetes==2.14.6", "kfp-server-api==2.14.6", "boto3==1.40.27");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'[project]\\nname = \"x\"\\ndynamic = [\"dependencies\"]\\n' | pyproject.toml:3:1: [project] dependencies is listed in 'dynamic'",
        "'[project]\\ndependencies = [\"ok\", \"not valid ==\"]\\n' | pyproject.toml:2:1: invalid requirement not valid ==",
        "'[dependency-groups]\\na = [{include-group = \"a\"}]\\n' | dependency group a includes itself",
        "'[dependency-groups]\\na = [{include-group = \"b\"}]\\n' | includes unknown group b",
        "'[project\\n' | pyproject.toml:1:",
      })
  void badDeclarationsAreLocatedErrors(String text, String message) {
    assertThatThrownBy(() -> pyproject(text.replace("\\n", "\n")))
        .isInstanceOf(BuildSystemException.class)
        .hasMessageContaining(message);
  }

  @Test
  void setupCfgInstallRequiresAndExtras() {
    ProjectDependencies read =
        ProjectDependencies.fromSetupCfg(
            "setup.cfg",
            """
            [metadata]
            name = legacy
            [options]
            python_requires = >=3.8
            install_requires =
                requests>=2
                six; python_version < "3"
            [options.extras_require]
            Socks = pysocks
            """
                .getBytes(StandardCharsets.UTF_8));
    assertThat(read.name()).contains("legacy");
    assertThat(read.requiresPython()).contains(">=3.8");
    assertThat(texts(read.dependencies()))
        .containsExactly("requests>=2", "six; python_version < \"3\"");
    assertThat(texts(read.optionalDependencies().get("socks"))).containsExactly("pysocks");
  }
}
