package io.pyhermetic.sdist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.buildsystem.BuildRequirements;
import io.pyhermetic.buildsystem.BuildSystemException;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.Distributions.Format;
import io.pyhermetic.testdata.Distributions.Member;
import io.pyhermetic.testdata.Distributions.MemberType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SdistReaderTest {
  private static final String PYPROJECT =
      "[build-system]\nrequires = [\"hatchling>=1.26\", \"hatch-vcs\"]\n"
          + "build-backend = \"hatchling.build\"\n";

  @TempDir Path dir;
  private final SdistReader reader = new SdistReader();

  private static List<String> texts(BuildRequirements b) {
    return b.requirements().stream().map(Requirement::toString).toList();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void readsEveryArchiveFormat(Format format) {
    Path sdist =
        Distributions.sdist(
            dir,
            "demo",
            "1.0",
            format,
            Distributions.metadata("demo", "1.0", null, List.of()),
            Map.of("pyproject.toml", PYPROJECT, "src/demo/pyproject.toml", "ignored"));
    SdistContents contents = reader.read(sdist, sdist.getFileName().toString());
    assertThat(contents.topDirectory()).isEqualTo("demo-1.0");
    assertThat(contents.pkgInfo()).isPresent();
    assertThat(contents.setupPy()).isEmpty();
    assertThat(texts(contents.buildRequirements())).containsExactly("hatchling>=1.26", "hatch-vcs");
  }

  @Test
  void readsSetupCfgAndSetupPyAndFallsBackToPipsDefault() {
    Path sdist =
        Distributions.sdist(
            dir,
            "legacy",
            "2.0",
            Format.TAR_GZ,
            "Metadata-Version: 2.1\nName: legacy\nVersion: 2.0\n\n",
            Map.of(
                "setup.cfg",
                "[options]\nsetup_requires =\n    cffi>=1.12\n",
                "setup.py",
                "from setuptools import setup\nsetup(setup_requires=['cython'])\n"));
    BuildRequirements b = reader.read(sdist, "legacy-2.0.tar.gz").buildRequirements();
    assertThat(texts(b)).containsExactly("setuptools>=40.8.0", "cffi>=1.12", "cython");
    assertThat(b.origins())
        .containsExactly(
            BuildRequirements.Origin.PIP_DEFAULT,
            BuildRequirements.Origin.SETUP_CFG,
            BuildRequirements.Origin.SETUP_PY);
  }

  @Test
  void invalidTomlIsALocatedError() {
    Path sdist =
        Distributions.sdist(
            dir,
            "broken",
            "1.0",
            Format.TAR_GZ,
            "",
            Map.of("pyproject.toml", "[build-system]\nrequires = [\"a\",\n"));
    SdistContents contents = reader.read(sdist, "broken-1.0.tar.gz");
    assertThatThrownBy(contents::buildRequirements)
        .isInstanceOf(BuildSystemException.class)
        .satisfies(
            e -> {
              BuildSystemException b = (BuildSystemException) e;
              assertThat(b.location().source()).isEqualTo("broken-1.0.tar.gz/pyproject.toml");
              assertThat(b.location().line()).isGreaterThanOrEqualTo(2);
            })
        .hasMessageContaining("invalid TOML");
  }

  @Test
  void severalTopLevelEntriesAreReadFromTheRoot() {
    Path sdist =
        Distributions.archive(
            dir,
            "flat-1.0.tar.gz",
            Format.TAR_GZ,
            List.of(
                Member.file("pyproject.toml", PYPROJECT),
                Member.file("flat/__init__.py", ""),
                Member.file("PKG-INFO", "Name: flat\n")));
    SdistContents contents = reader.read(sdist, "flat-1.0.tar.gz");
    assertThat(contents.topDirectory()).isEmpty();
    assertThat(contents.pyprojectToml()).isPresent();
  }

  static Stream<Arguments> badArchives() {
    return Stream.of(
        Arguments.of(
            "absolute path",
            Format.TAR_GZ,
            List.of(Member.file("/etc/passwd", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "dot-dot",
            Format.TAR_GZ,
            List.of(Member.file("pkg-1.0/../../evil", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "backslash dot-dot",
            Format.ZIP,
            List.of(Member.file("..\\etc\\passwd", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "zip absolute",
            Format.ZIP,
            List.of(Member.file("/etc/shadow", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "tar symlink",
            Format.TAR_GZ,
            List.of(
                Member.file("pkg-1.0/PKG-INFO", "x"),
                Member.link("pkg-1.0/pyproject.toml", MemberType.SYMLINK, "/etc/passwd")),
            SdistException.Kind.LINK),
        Arguments.of(
            "tar hard link",
            Format.TAR,
            List.of(
                Member.file("pkg-1.0/PKG-INFO", "x"),
                Member.link("pkg-1.0/setup.py", MemberType.HARDLINK, "pkg-1.0/PKG-INFO")),
            SdistException.Kind.LINK),
        Arguments.of(
            "zip symlink",
            Format.ZIP,
            List.of(
                Member.file("pkg-1.0/PKG-INFO", "x"),
                Member.link("pkg-1.0/setup.cfg", MemberType.SYMLINK, "../../x")),
            SdistException.Kind.LINK),
        Arguments.of(
            "member too large",
            Format.TAR_BZ2,
            List.of(Member.file("pkg-1.0/setup.py", "#".repeat(5000))),
            SdistException.Kind.TOO_LARGE),
        Arguments.of(
            "drive letter",
            Format.ZIP,
            List.of(Member.file("C:\\Windows\\evil.dll", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "drive letter in tar",
            Format.TAR_GZ,
            List.of(Member.file("c:/evil", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "character device",
            Format.TAR_GZ,
            List.of(
                Member.file("pkg-1.0/PKG-INFO", "x"),
                Member.link("pkg-1.0/pyproject.toml", MemberType.CHARACTER_DEVICE, "")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "named pipe",
            Format.TAR,
            List.of(
                Member.file("pkg-1.0/PKG-INFO", "x"),
                Member.link("pkg-1.0/data/fifo", MemberType.FIFO, "")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "duplicate member",
            Format.TAR_GZ,
            List.of(
                Member.file("pkg-1.0/pyproject.toml", "[build-system]\nrequires = []\n"),
                Member.file("pkg-1.0/pyproject.toml", "[build-system]\nrequires = ['evil']\n")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "duplicate member in zip",
            Format.ZIP,
            List.of(Member.file("pkg-1.0/setup.py", "a"), Member.file("pkg-1.0/setup.py", "b")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "path too long",
            Format.TAR_GZ,
            List.of(Member.file("pkg-1.0/" + "d/".repeat(SdistReader.MAX_PATH_LENGTH) + "f", "x")),
            SdistException.Kind.UNSAFE_PATH),
        Arguments.of(
            "too many members",
            Format.TAR_GZ,
            java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> Member.file("pkg-1.0/m" + i, ""))
                .toList(),
            SdistException.Kind.TOO_LARGE),
        Arguments.of(
            "zip member too large",
            Format.ZIP,
            List.of(Member.file("pkg-1.0/pyproject.toml", "#".repeat(5000))),
            SdistException.Kind.TOO_LARGE),
        Arguments.of(
            "archive expands too far",
            Format.TAR_XZ,
            List.of(
                Member.file("pkg-1.0/PKG-INFO", "x"),
                Member.file("pkg-1.0/data.bin", "0".repeat(50_000))),
            SdistException.Kind.TOO_LARGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArchives")
  void badArchivesAreRefused(
      String label, Format format, List<Member> members, SdistException.Kind kind) {
    String name = "pkg-1.0" + suffix(format);
    Path archive = Distributions.archive(dir, name, format, members);
    SdistReader small = new SdistReader(new SdistReader.Limits(4096, 40_000, 100));
    assertThatThrownBy(() -> small.read(archive, name))
        .isInstanceOfSatisfying(
            SdistException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.sdist()).isEqualTo(name);
            });
  }

  static Stream<Arguments> bombs() {
    return Stream.of(Arguments.of(Format.TAR_GZ), Arguments.of(Format.TAR_XZ));
  }

  /**
   * A decompression bomb stops at the ratio, long before the total limit, with the default limits.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void aDecompressionBombStopsAtTheRatio(Format format) {
    String name = "bomb-1.0" + suffix(format);
    byte[] zeros = new byte[(int) SdistReader.RATIO_FLOOR + (4 << 20)];
    Path archive =
        Distributions.archive(
            dir,
            name,
            format,
            List.of(
                new Member("bomb-1.0/data.bin", zeros, MemberType.FILE, ""),
                Member.file("bomb-1.0/PKG-INFO", "x")));
    assertThatThrownBy(() -> reader.read(archive, name))
        .isInstanceOfSatisfying(
            SdistException.class,
            e -> assertThat(e.kind()).isEqualTo(SdistException.Kind.TOO_LARGE))
        .hasMessageContaining("times its size");
  }

  @Test
  void aFiftyMegabytePyprojectIsRefusedWithTheDefaultLimits() {
    String name = "big-1.0.tar.gz";
    byte[] toml = new byte[50 << 20];
    java.util.Arrays.fill(toml, (byte) '#');
    Path archive =
        Distributions.archive(
            dir,
            name,
            Format.TAR_GZ,
            List.of(new Member("big-1.0/pyproject.toml", toml, MemberType.FILE, "")));
    assertThatThrownBy(() -> reader.read(archive, name))
        .isInstanceOfSatisfying(
            SdistException.class,
            e -> assertThat(e.kind()).isEqualTo(SdistException.Kind.TOO_LARGE))
        .hasMessageContaining("big-1.0/pyproject.toml is larger than");
  }

  @Test
  void corruptAndUnknownArchivesArePerPackageErrors() throws Exception {
    Path garbage = dir.resolve("junk-1.0.tar.gz");
    Files.write(garbage, "not gzip".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> reader.read(garbage, "junk-1.0.tar.gz"))
        .isInstanceOfSatisfying(
            SdistException.class, e -> assertThat(e.kind()).isEqualTo(SdistException.Kind.CORRUPT))
        .hasMessageStartingWith("junk-1.0.tar.gz: ");
    Path truncated =
        Distributions.sdist(dir, "cut", "1.0", Format.TAR_BZ2, "", Map.of("setup.py", "x"));
    byte[] bytes = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> reader.read(truncated, "cut-1.0.tar.bz2"))
        .isInstanceOfSatisfying(
            SdistException.class, e -> assertThat(e.kind()).isEqualTo(SdistException.Kind.CORRUPT));
    assertThatThrownBy(() -> reader.read(garbage, "x-1.0.rar"))
        .isInstanceOfSatisfying(
            SdistException.class,
            e -> assertThat(e.kind()).isEqualTo(SdistException.Kind.UNSUPPORTED_FORMAT));
  }

  private static String suffix(Format format) {
    switch (format) {
      case ZIP:
        return ".zip";
      case TAR_BZ2:
        return ".tar.bz2";
      case TAR_XZ:
        return ".tar.xz";
      case TAR:
        return ".tar";
      case TGZ:
        return ".tgz";
      default:
        return ".tar.gz";
    }
  }
}
