package io.pyhermetic.buildsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectMetadataTest {

  private static Optional<byte[]> file(String text) {
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ProjectMetadata read(
      Optional<byte[]> pyproject, Optional<byte[]> setupCfg, Optional<byte[]> setupPy) {
    return ProjectMetadata.read("pkg", pyproject, setupCfg, setupPy);
  }

  @Test
  void pyprojectNamesTheProjectAsWritten() {
    ProjectMetadata m =
        read(
            file("[project]\nname = \"Test_Package\"\nversion = \"1.0.0\"\n"),
            file("[metadata]\nname = other\nversion = 9\n"),
            Optional.empty());
    assertThat(m.name()).contains("Test_Package");
    assertThat(m.version()).contains("1.0.0");
    assertThat(m.origin()).contains(BuildRequirements.Origin.PYPROJECT_TOML);
  }

  @Test
  void aDynamicVersionIsNotResolved() {
    ProjectMetadata m =
        read(
            file("[project]\nname = \"tool\"\ndynamic = [\"version\"]\n"),
            file("[metadata]\nversion = 2.0\n"),
            Optional.empty());
    assertThat(m.name()).contains("tool");
    assertThat(m.version()).isEmpty();
  }

  @Test
  void setupPyComesBeforeSetupCfgAsInHermeto() {
    ProjectMetadata m =
        read(
            file("[build-system]\nrequires = [\"setuptools\"]\n"),
            file("[metadata]\nname = from-cfg\nversion = 2.0\n"),
            file(
                "from setuptools import setup\n"
                    + "VERSION = '1.2' '.3'\n"
                    + "setup(\n    name=\"from-py\",\n    version=VERSION,\n"
                    + "    install_requires=[\"x\"],\n)\n"));
    assertThat(m.name()).contains("from-py");
    assertThat(m.version()).contains("1.2.3");
    assertThat(m.origin()).contains(BuildRequirements.Origin.SETUP_PY);
  }

  @Test
  void aSetupPyWithoutLiteralNameFallsBackToSetupCfg() {
    ProjectMetadata m =
        read(
            Optional.empty(),
            file("[metadata]\nName = from-cfg\nversion = 2.0\n[options]\nsetup_requires = x\n"),
            file("import setuptools\nsetuptools.setup(name=compute(), version=f'{v}')\n"));
    assertThat(m.name()).contains("from-cfg");
    assertThat(m.version()).contains("2.0");
    assertThat(m.origin()).contains(BuildRequirements.Origin.SETUP_CFG);
  }

  @Test
  void setupCfgFileAndAttrVersionsAreLeftUnresolved() {
    assertThat(
            read(
                    Optional.empty(),
                    file("[metadata]\nname = a\nversion = attr: a.__version__\n"),
                    Optional.empty())
                .version())
        .isEmpty();
    assertThat(
            read(
                    Optional.empty(),
                    file("[metadata]\nname = a\nversion = file: VERSION\n"),
                    Optional.empty())
                .version())
        .isEmpty();
  }

  @Test
  void unreadableFilesNameNothing() {
    ProjectMetadata m =
        read(
            file("[project\nname = \"broken\""),
            file("[options]\nname = not-metadata\n"),
            file("setup(name='unterminated)\n"));
    assertThat(m).isEqualTo(ProjectMetadata.none());
    assertThat(read(Optional.empty(), Optional.empty(), Optional.empty()))
        .isEqualTo(ProjectMetadata.none());
  }

  @Test
  void setupRequiresStillReadsAsBefore() {
    BuildRequirements r =
        BuildRequirements.read(
            "x-1.0.tar.gz",
            Optional.empty(),
            file("[metadata]\nname = x\n[options]\nsetup_requires =\n    cython\n    numpy\n"),
            file("setup(name='x', setup_requires=['wheel'])\n"));
    assertThat(r.requirements()).extracting(Object::toString).contains("cython", "numpy", "wheel");
  }
}
