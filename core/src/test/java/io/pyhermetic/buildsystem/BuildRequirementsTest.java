package io.pyhermetic.buildsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.requirement.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildRequirementsTest {

  private static Optional<byte[]> file(String text) {
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> names(BuildRequirements b) {
    return b.requirements().stream().map(Requirement::toString).toList();
  }

  @Test
  void readsPyprojectThenSetupCfgThenSetupPy() {
    BuildRequirements b =
        BuildRequirements.read(
            "demo-1.0.tar.gz",
            file(
                "\uFEFF[build-system]\nrequires = [\"hatchling>=1.26\", \"hatch-vcs\"]\nbuild-backend = \"hatchling.build\"\n"),
            file(
                "[metadata]\nname = demo\n[options]\nsetup_requires =\n    cffi>=1.0,<2 ; platform_machine == 'x86_64'\n    wheel; six\n"),
            file(
                "from setuptools import setup\nDEPS = ['cython>=3', \"numpy\"]\nsetup(name='demo', setup_requires=DEPS)\n"));
    assertThat(names(b))
        .containsExactly(
            "hatchling>=1.26",
            "hatch-vcs",
            "cffi<2,>=1.0; platform_machine == \"x86_64\"",
            "wheel",
            "six",
            "cython>=3",
            "numpy");
    assertThat(b.backend()).contains("hatchling.build");
    assertThat(b.legacyDefault()).isFalse();
    assertThat(b.origins())
        .containsExactly(
            BuildRequirements.Origin.PYPROJECT_TOML,
            BuildRequirements.Origin.PYPROJECT_TOML,
            BuildRequirements.Origin.SETUP_CFG,
            BuildRequirements.Origin.SETUP_CFG,
            BuildRequirements.Origin.SETUP_CFG,
            BuildRequirements.Origin.SETUP_PY,
            BuildRequirements.Origin.SETUP_PY);
  }

  @Test
  void projectsWithoutBuildSystemGetPipsDefault() {
    BuildRequirements b =
        BuildRequirements.read(
            "old-1.0.tar.gz",
            Optional.empty(),
            Optional.empty(),
            file("import setuptools\nsetuptools.setup(name='old')\n"));
    assertThat(names(b)).containsExactly("setuptools>=40.8.0");
    assertThat(b.legacyDefault()).isTrue();
    assertThat(b.origins()).containsExactly(BuildRequirements.Origin.PIP_DEFAULT);
    BuildRequirements tool =
        BuildRequirements.read(
            "t-1.0.tar.gz",
            file("[tool.black]\nline-length = 88\n"),
            Optional.empty(),
            Optional.empty());
    assertThat(names(tool)).containsExactly("setuptools>=40.8.0");
  }

  @Test
  void setupPyLiteralsThroughNamesAndInLists() {
    String setupPy =
        "import setuptools\n"
            + "BASE = 'setuptools_scm>=8'  # a comment\n"
            + "REQS = [BASE_LIST := None] if False else None\n"
            + "deps = (\n    'pybind11'\n    '>=2.10',\n)\n"
            + "if __name__ == '__main__':\n    setup(setup_requires=['ignored'])\n"
            + "setuptools.setup(\n    name='x',\n    setup_requires=deps,\n)\n";
    assertThat(
            names(
                BuildRequirements.read(
                    "x.tar.gz",
                    Optional.of(new byte[0]).filter(b -> false),
                    Optional.empty(),
                    file(setupPy))))
        .containsExactly("setuptools>=40.8.0", "pybind11>=2.10");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "setup(setup_requires='cython')                    | setup_requires is a string, not a list | 1",
        "setup(setup_requires=['a'] + extra)               | setup_requires is not a literal list | 1",
        "setup(setup_requires=get_requires())              | setup_requires is not a literal list | 1",
        "setup(setup_requires=DEPS)                        | setup_requires refers to DEPS | 1",
        "setup(**kwargs)                                   | setup() takes **keyword arguments | 1",
        "setup(setup_requires=[f'x{v}'])                   | not a list of string literals | 1",
      })
  void setupPyThatNeedsRunningIsAnError(String setupPy, String reason, int line) {
    assertThatThrownBy(
            () ->
                BuildRequirements.read(
                    "p-1.0.tar.gz", Optional.empty(), Optional.empty(), file(setupPy)))
        .isInstanceOfSatisfying(
            BuildSystemException.class,
            e -> {
              assertThat(e.reason()).contains(reason);
              assertThat(e.location().source()).isEqualTo("p-1.0.tar.gz/setup.py");
              assertThat(e.location().line()).isEqualTo(line);
            });
  }

  @Test
  void invalidTomlAndBadRequirementsAreLocated() {
    assertThatThrownBy(
            () ->
                BuildRequirements.read(
                    "b-1.tar.gz",
                    file("[build-system]\nrequires = [\"a\",\n  \"b\" \"c\"]\n"),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOfSatisfying(
            BuildSystemException.class,
            e -> {
              assertThat(e.location().source()).isEqualTo("b-1.tar.gz/pyproject.toml");
              assertThat(e.location().line()).isEqualTo(3);
              assertThat(e.reason()).startsWith("invalid TOML: ");
            });
    assertThatThrownBy(
            () ->
                BuildRequirements.read(
                    "b-1.tar.gz",
                    file("[build-system]\nbuild-backend = \"x\"\n"),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("has no 'requires' list");
    assertThatThrownBy(
            () ->
                BuildRequirements.read(
                    "b-1.tar.gz",
                    file("[build-system]\nrequires = [\n  \"ok\",\n  \"bad=1\",\n]\n"),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOfSatisfying(
            BuildSystemException.class,
            e -> {
              assertThat(e.location().line()).isEqualTo(4);
              assertThat(e.reason()).startsWith("invalid build requirement bad=1");
            });
  }
}
