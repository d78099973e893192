package io.pyhermetic.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.platform.Target;
import io.pyhermetic.version.Version;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PylockFileTest {
  private static final String HEAD = "lock-version = '1.0'\ncreated-by = 'hand'\n";
  private static final String WHEEL =
      "wheels = [{url = 'https://f.example/a/attrs-25.1.0-py3-none-any.whl', hashes = {sha256 ="
          + " 'aa'}}]\n";

  @Test
  void readsEveryFieldAndLocatesPackages() {
    String text =
        "lock-version = '1.0'\n"
            + "environments = ['sys_platform == \"linux\"']\n"
            + "requires-python = '>=3.11'\n"
            + "extras = ['cli']\n"
            + "dependency-groups = ['dev']\n"
            + "default-groups = ['dev']\n"
            + "created-by = 'hand'\n"
            + "\n"
            + "[[packages]]\n"
            + "name = 'attrs'\n"
            + "version = '25.1.0'\n"
            + "marker = '\"dev\" in dependency_groups'\n"
            + "requires-python = '>=3.8'\n"
            + "index = 'https://pypi.org/simple'\n"
            + "dependencies = [{name = 'six'}]\n"
            + "sdist = {name = 'attrs-25.1.0.tar.gz', url = 'https://f.example/s', size = 10,"
            + " upload-time = 2025-01-02T03:04:05Z, hashes = {sha256 = 'bb'}}\n"
            + WHEEL
            + "attestation-identities = [{kind = 'GitHub', repository = 'python-attrs/attrs'}]\n"
            + "[packages.tool.example]\n"
            + "note = 'kept'\n"
            + "\n"
            + "[[packages]]\n"
            + "name = 'local'\n"
            + "directory = {path = './src/local', editable = true}\n"
            + "[tool.example]\n"
            + "x = 1\n";
    PylockFile file = PylockFile.parse(text, "pylock.toml");
    Pylock lock = file.lock();
    assertThat(lock.lockVersion()).isEqualTo(Version.parse("1.0"));
    assertThat(lock.environments()).hasSize(1);
    assertThat(lock.requiresPython().orElseThrow()).hasToString(">=3.11");
    assertThat(lock.defaultGroups()).containsExactly("dev");
    assertThat(lock.tool()).containsKey("example");
    assertThat(file.packageLines()).containsExactly(9, 22);
    LockedPackage attrs = lock.packages().get(0);
    assertThat(attrs.sdist().orElseThrow().filename()).isEqualTo("attrs-25.1.0.tar.gz");
    assertThat(attrs.sdist().orElseThrow().uploadTime().orElseThrow())
        .hasToString("2025-01-02T03:04:05Z");
    assertThat(attrs.wheels().get(0).filename()).isEqualTo("attrs-25.1.0-py3-none-any.whl");
    assertThat(attrs.tool()).containsKey("example");
    assertThat(attrs.attestationIdentities()).hasSize(1);
    assertThat(lock.packages().get(1).directory().orElseThrow().editable()).contains(true);

    LockSelection x86 = file.select(SelectionRequest.of(Target.linux("x86_64", "3.12")));
    assertThat(x86.packages()).extracting(s -> s.pkg().name()).containsExactly("attrs", "local");
    assertThat(x86.packages().get(0).line()).isEqualTo(9);
    LockSelection noGroups =
        file.select(SelectionRequest.of(Target.linux("x86_64", "3.12")).withGroups(Set.of()));
    assertThat(noGroups.packages()).extracting(s -> s.pkg().name()).containsExactly("local");
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of(
            "lock-version = '1.0'\ncreated-by = 'x'\n\n[[packages]]\nname = 'a'\n"
                + "sdist = {url = 'https://x/a-1.tar.gz', upload-time = 2025-03-71T12:30:05Z}\n",
            "pylock.toml:6:54: invalid TOML: not a valid date or time: 2025-03-71T12:30:05Z"),
        Arguments.of(
            "lock-version = '2.0'\ncreated-by = 'x'\npackages = []" + "",
            "pylock.toml:1:1: lock-version: pylock version 2.0 is not supported"),
        Arguments.of(
            "lock-version = '1.0'\npackages = []" + "",
            "pylock.toml:1:1: created-by: missing required value"),
        Arguments.of(
            "lock-version = '1.0'\ncreated-by = 'x'" + "",
            "pylock.toml:1:1: packages: missing required value"),
        Arguments.of(
            HEAD + "[[packages]]\nname = 'Attrs'\n" + "directory = {path = '.'}" + "",
            "pylock.toml:3:1: packages[0].name: name 'Attrs' is not normalized"),
        Arguments.of(
            HEAD
                + "[[packages]]\nname = 'attrs'\nversion = '25.1.0'\n"
                + WHEEL
                + "vcs = {type = 'git', url = 'https://g.example/a.git', commit-id = 'abc'}"
                + "",
            "pylock.toml:3:1: packages[0]: none of vcs, directory, archive may be set when sdist or wheels are"),
        Arguments.of(
            HEAD + "[[packages]]\nname = 'attrs'\n" + "",
            "pylock.toml:3:1: packages[0]: exactly one of vcs, directory, archive must be set when sdist and wheels are not"),
        Arguments.of(
            HEAD
                + "[[packages]]\nname = 'x'\ndirectory = {path = '.'}\n[[packages]]\nname = 'attrs'\n"
                + "wheels = [{url = 'https://f.example/attrs-1-py3-none-any.whl', hashes = {sha256 = 'a'}},"
                + " {url = 'https://f.example/attrs-1-py3-none-any.whl', hashes = {}}]"
                + "",
            "pylock.toml:6:1: packages[1].wheels[1].hashes: at least one hash must be provided"),
        Arguments.of(
            HEAD + "[[packages]]\nname = 'attrs'\nversion = '2.0'\n" + WHEEL + "",
            "pylock.toml:3:1: packages[0].wheels[0]: version in 'attrs-25.1.0-py3-none-any.whl' is not consistent with package version '2.0'"),
        Arguments.of(
            HEAD + "[[packages]]\nname = 'six'\n" + WHEEL + "",
            "pylock.toml:3:1: packages[0].wheels[0]: name in 'attrs-25.1.0-py3-none-any.whl' is not consistent with package name 'six'"),
        Arguments.of(
            HEAD
                + "[[packages]]\nname = 'attrs'\nsdist = {url = 'https://f.example/attrs-1.tar.bz2', hashes = {a = 'b'}}"
                + "",
            "pylock.toml:3:1: packages[0].sdist: invalid sdist filename 'attrs-1.tar.bz2'"),
        Arguments.of(
            HEAD + "[[packages]]\nname = 'attrs'\nsdist = {size = 1, hashes = {a = 'b'}}" + "",
            "pylock.toml:3:1: packages[0].sdist: path or url must be provided"),
        Arguments.of(
            HEAD
                + "[[packages]]\nname = 'attrs'\nsdist = {url = 'https://f.example/attrs-1.tar.gz', size = '1', hashes = {a = 'b'}}"
                + "",
            "pylock.toml:3:1: packages[0].sdist.size: expected an integer, found a string"),
        Arguments.of(
            HEAD
                + "[[packages]]\nname = 'attrs'\nmarker = 'os_name ='\ndirectory = {path = '.'}"
                + "",
            "pylock.toml:3:1: packages[0].marker: "),
        Arguments.of(
            HEAD
                + "[[packages]]\nname = 'x'\ndirectory = {path = '.'}\n[[packages]]\nname = 'x'\ndirectory = {path = '.'}"
                + "",
            "pylock.toml:6:1: packages[1]: same name, version and marker as packages[0]: an installer cannot choose between them"),
        Arguments.of(
            HEAD + "[[packages]]\nname = 'x'\narchive = {url = 'https://a.example/x.zip'}" + "",
            "pylock.toml:3:1: packages[0].archive.hashes: missing required value"),
        Arguments.of(
            "lock-version = '1.0'\ncreated-by = 'x'\npackages = [\n 1 = 2" + "", "pylock.toml:4:"));
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void reportsLocatedErrors(String text, String message) {
    assertThatThrownBy(() -> PylockFile.parse(text, "pylock.toml"))
        .isInstanceOf(LockFileException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void reportsEveryBadPackage() {
    String bad = "[[packages]]\nname = 'Bad'\ndirectory = {path = '.'}\n";
    LockFileException e =
        (LockFileException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> PylockFile.parse(HEAD + bad + bad, "pylock.toml"));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).endsWith("(and 1 more)");
  }

  @Test
  void warnsAboutANewerMinorVersion() {
    PylockFile file =
        PylockFile.parse(
            "lock-version = '1.1'\ncreated-by = 'x'\npackages = []\nfuture-key = 1\n", "p.toml");
    assertThat(file.warnings()).singleElement().asString().contains("1.1");
  }

  @Test
  void failsTargetsOutsideTheLock() {
    PylockFile file =
        PylockFile.parse(
            "lock-version = '1.0'\ncreated-by = 'x'\nrequires-python = '>=3.13'\npackages = []\n",
            "p.toml");
    LockSelection s = file.select(SelectionRequest.of(Target.linux("aarch64", "3.12")));
    assertThat(s.isOk()).isFalse();
    assertThat(s.problems().get(0).message()).contains("3.12.0", ">=3.13");
    assertThat(Optional.of(s.target())).contains(Target.linux("aarch64", "3.12"));
  }

  @Test
  void selectsFromTheHandWrittenLock() {
    PylockFile file = PylockFile.parse(LockResources.text("small/pylock.toml"), "pylock.toml");
    LockSelection x86 = file.select(SelectionRequest.of(Target.linux("x86_64", "3.12")));
    assertThat(x86.problems()).isEmpty();
    assertThat(x86.packages())
        .extracting(s -> s.pkg().name() + " " + s.line())
        .containsExactly("certifi 11", "numpy 20", "tiny 55", "helper 60");
    assertThat(((PackageFile) x86.packages().get(1).install()).filename())
        .isEqualTo("numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    LockSelection arm =
        file.select(
            SelectionRequest.of(Target.linux("aarch64", "3.12"))
                .withExtras(Set.of("cli"))
                .withGroups(Set.of("dev")));
    assertThat(arm.packages())
        .extracting(s -> s.pkg().name() + "==" + s.pkg().version().map(Object::toString).orElse(""))
        .containsExactly(
            "certifi==2025.1.31",
            "numpy==2.1.3",
            "rich==13.9.4",
            "pytest==8.3.4",
            "tiny==0.3.0",
            "helper==");
    LockSelection s390x = file.select(SelectionRequest.of(Target.linux("s390x", "3.12")));
    assertThat(s390x.packages()).extracting(s -> s.pkg().name()).doesNotContain("numpy");
  }
}
