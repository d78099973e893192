package io.pyhermetic.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.platform.Target;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UvLockFileTest {
  private static final UvLockFile SMALL =
      UvLockFile.parse(LockResources.text("small/uv.lock"), "uv.lock");

  private static List<String> pins(LockSelection selection) {
    assertThat(selection.problems()).isEmpty();
    return selection.packages().stream()
        .map(
            s ->
                s.pkg().name()
                    + "=="
                    + s.pkg().version().map(Object::toString).orElse("")
                    + " "
                    + describe(s.install()))
        .collect(Collectors.toList());
  }

  private static String describe(PackageSource source) {
    if (source instanceof PackageFile) {
      return ((PackageFile) source).filename();
    }
    if (source instanceof PackageVcs) {
      return "git " + ((PackageVcs) source).commitId();
    }
    return source.getClass().getSimpleName();
  }

  @Test
  void readsTheSmallLock() {
    UvLock lock = SMALL.lock();
    assertThat(lock.version()).isEqualTo(1);
    assertThat(lock.resolutionMarkers()).hasSize(2);
    assertThat(lock.packages()).hasSize(9);
    UvPackage demo = lock.packages().get(1);
    assertThat(demo.source()).isEqualTo(new UvSource("editable", "."));
    assertThat(demo.optionalDependencies()).containsOnlyKeys("cli");
    assertThat(demo.devDependencies()).containsOnlyKeys("dev");
    assertThat(demo.dependencies().get(1).marker().orElseThrow())
        .hasToString("platform_machine != \"x86_64\"");
    UvPackage certifi = lock.packages().get(0);
    assertThat(certifi.sdist().orElseThrow().hashes())
        .containsEntry(
            "sha256", "3d5da6925056f6f18f119200434a4780a94263f10d1c21d032a6f6b2baa20651");
    assertThat(certifi.sdist().orElseThrow().uploadTime().orElseThrow().getYear()).isEqualTo(2025);
    assertThat(SMALL.packageLines()).startsWith(12, 21);
  }

  @Test
  void walksTheGraphPerTarget() {
    Target x86 = Target.linux("x86_64", "3.12");
    assertThat(pins(SMALL.select(SelectionRequest.of(x86))))
        .containsExactly(
            "certifi==2025.1.31 certifi-2025.1.31-py3-none-any.whl",
            "helper==0.0.1 PackageDirectory",
            "iniconfig==2.0.0 iniconfig-2.0.0-py3-none-any.whl",
            "numpy==2.2.3 numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "pytest==8.3.4 pytest-8.3.4-py3-none-any.whl",
            "tiny==0.3.0 git 9f2c3b7a1d4e5f60718293a4b5c6d7e8f9a0b1c2");
    assertThat(
            pins(
                SMALL.select(
                    SelectionRequest.of(Target.linux("aarch64", "3.12"))
                        .withExtras(Set.of("CLI"))
                        .withGroups(Set.of()))))
        .containsExactly(
            "certifi==2025.1.31 certifi-2025.1.31-py3-none-any.whl",
            "helper==0.0.1 PackageDirectory",
            "numpy==2.1.3 numpy-2.1.3-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
            "rich==13.9.4 rich-13.9.4-py3-none-any.whl",
            "tiny==0.3.0 git 9f2c3b7a1d4e5f60718293a4b5c6d7e8f9a0b1c2");
  }

  @Test
  void reportsAPackageWithoutAFittingFile() {
    LockSelection s390x = SMALL.select(SelectionRequest.of(Target.linux("s390x", "3.12")));
    assertThat(s390x.problems())
        .singleElement()
        .asString()
        .startsWith("uv.lock:64:1: error: package[4]: no wheel of numpy runs on s390x");
    LockSelection old = SMALL.select(SelectionRequest.of(Target.linux("x86_64", "3.10")));
    assertThat(old.problems()).singleElement().asString().contains("requires-python >=3.11");
  }

  static Stream<Arguments> invalidLocks() {
    String pkg = "\n[[package]]\nname = 'a'\nversion = '1'\n";
    return Stream.of(
        Arguments.of("version = 2\n", "uv.lock:1:1: version: uv.lock version 2 is not supported"),
        Arguments.of("revision = 1\n", "uv.lock:1:1: version: missing required value"),
        Arguments.of(
            "version = 1\n" + pkg, "uv.lock:3:1: package[0].source: missing required value"),
        Arguments.of(
            "version = 1\n" + pkg + "source = { registry = 'r', git = 'g' }\n",
            "uv.lock:3:1: package[0].source: more than one kind of source"),
        Arguments.of(
            "version = 1\n" + pkg + "source = { cache = 'r' }\n",
            "uv.lock:3:1: package[0].source: expected one of registry"),
        Arguments.of(
            "version = 1\n"
                + pkg
                + "source = { registry = 'r' }\nwheels = [{ url = 'u', hash = 'nohash' }]\n",
            "uv.lock:3:1: package[0].wheels[0].hash: expected algorithm:hex"),
        Arguments.of(
            "version = 1\n" + pkg + "source = { virtual = '.' }\ndependencies = [{ name = 'b' }]\n",
            "uv.lock:3:1: package[0].dependencies[0]: no locked package b matches"),
        Arguments.of(
            // found by fuzzing: the file's name was read for the version when rendering, and threw
            "version = 1\n[[package]]\nname = 'a'\nsource = { registry = 'r' }\n"
                + "sdist = { url = 'https://x.example/a-2.0.0.taF.gz', hash = 'sha256:00' }\n",
            "uv.lock:2:1: package[0].sdist: the package has no version, and the file name"
                + " 'a-2.0.0.taF.gz' does not carry one"),
        Arguments.of(
            "version = 1\n" + pkg + "source = { virtual = '.' }\nname = 'x'\n",
            "uv.lock:8:1: invalid TOML: Duplicate key"));
  }

  @ParameterizedTest
  @MethodSource("invalidLocks")
  void reportsLocatedErrors(String text, String message) {
    assertThatThrownBy(() -> UvLockFile.parse(text, "uv.lock"))
        .isInstanceOf(LockFileException.class)
        .hasMessageStartingWith(message);
  }
}
