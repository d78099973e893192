package io.pyhermetic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.buildsystem.BuildRequirements;
import io.pyhermetic.buildsystem.BuildSystemException;
import io.pyhermetic.buildsystem.ProjectMetadata;
import io.pyhermetic.error.ParseException;
import io.pyhermetic.hermeto.HermetoValidator;
import io.pyhermetic.lockfile.LockFileException;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.LockSelection;
import io.pyhermetic.lockfile.PylockFile;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.lockfile.UvLockFile;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.InvalidFilenameException;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.InvalidMarkerException;
import io.pyhermetic.requirement.InvalidRequirementException;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.testdata.Fuzz;
import io.pyhermetic.version.InvalidSpecifierException;
import io.pyhermetic.version.InvalidVersionException;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property and mutation fuzzing of every parser of outside input in core (see {@link Fuzz}): each
 * input gives a result or the parser's documented, located exception. {@code mvn verify} runs a
 * short pass; RELIABILITY.md gives the command of a long one ({@code -Dfuzz.count=1000000}).
 */
class ParserFuzzTest {
  private static final long SHORT = 4_000;

  @TempDir static Path includes;

  private static RequirementsFileParser parser;

  /** Files for -r/-c chains: one including another, one including itself. */
  @BeforeAll
  static void includeChains() throws IOException {
    Files.writeString(includes.resolve("a.txt"), "foo==1\n-r b.txt\n");
    Files.writeString(includes.resolve("b.txt"), "-c a.txt\nbar==2 --hash=sha256:aa\n");
    Files.writeString(includes.resolve("self.txt"), "-r self.txt\n");
    parser =
        new RequirementsFileParser()
            .withEnvironment(Map.of("TOKEN", "secret-token", "VERSION", "1.0"))
            .withWorkingDirectory(includes);
  }

  private static boolean located(Throwable e) {
    if (e instanceof LockFileException) {
      return ((LockFileException) e)
          .problems().stream()
              .allMatch(d -> d.location().line() >= 1 && d.location().column() >= 1);
    }
    ParseException p = (ParseException) e;
    return p.location().line() >= 1 && p.location().column() >= 1;
  }

  /** A lock file's text from the test data ({@code small/uv.lock}). */
  private static String lockFile(String name) {
    try (java.io.InputStream in =
        ParserFuzzTest.class.getResourceAsStream("/io/pyhermetic/testdata/lockfile/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The two targets a parsed lock is selected for, made once: a target computes its wheel tags and
   * their ranks on first use, which cost more than selecting from a small lock.
   */
  private static final List<SelectionRequest> SELECTIONS =
      List.of(
          SelectionRequest.of(Target.linux("x86_64", "3.12")),
          SelectionRequest.of(Target.linux("aarch64", "3.12")));

  /**
   * A pylock.toml cut after its first {@code count} packages. The whole garak lock (213 packages,
   * 887 KB, one seed among 62) made most of the fuzzing time while its packages repeat one shape;
   * large inputs still come from repeating and nesting.
   */
  private static String firstPackages(String lock, int count) {
    int at = -1;
    for (int i = 0; i <= count; i++) {
      at = lock.indexOf("\n[[packages]]\n", at + 1);
      if (at < 0) {
        return lock;
      }
    }
    return lock.substring(0, at + 1);
  }

  /** Selects what a parsed lock installs on two targets, rendering it as requirements. */
  private static void selectForTargets(
      java.util.function.Function<SelectionRequest, LockSelection> select) {
    for (SelectionRequest request : SELECTIONS) {
      LockRequirements.text(select.apply(request));
    }
  }

  private static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  static Stream<Arguments> targets() {
    List<String> reqfiles =
        new ArrayList<>(
            Fuzz.resourceSeeds("/io/pyhermetic/testdata/reqfile/req-cases.jsonl", "content"));
    for (String name :
        List.of(
            "garak-2025-12/requirements-x86_64.txt",
            "garak-2025-12/requirements-build.txt",
            "oracle-samples/pip-compile-hashes.txt")) {
      Fuzz.corpus(name).lines().limit(300).forEach(reqfiles::add);
    }
    reqfiles.add("-r " + includes.resolve("a.txt") + "\n");
    reqfiles.add("-c " + includes.resolve("self.txt") + "\nfoo==${VERSION}\n");
    reqfiles.add("pkg==${TOKEN}\n-r /dev/null\n");
    List<String> pyprojects =
        List.of(
            Fuzz.corpus("garak-2025-12/pyproject.toml"),
            "[build-system]\nrequires = [\"setuptools>=61\", \"wheel\"]\nbuild-backend ="
                + " \"setuptools.build_meta\"\n",
            "[build-system]\nrequires = ['hatchling']\n[project]\nname = \"x\"\nversion = '1.0'\n",
            "[tool.x]\na = { b = [1, 2.5, true, 1979-05-27T07:32:00Z] }\n\"k\" = '''m\nl'''\n");
    List<String> setupCfgs =
        List.of(
            "[metadata]\nname = foo\nversion = 1.0\n[options]\nsetup_requires =\n    setuptools-scm\n"
                + "    cython>=0.29; python_version<'3.12'\n",
            "[options]\nsetup_requires = a, b\n\n[bdist_wheel]\nuniversal = 1\n");
    List<String> setupPys =
        List.of(
            "from setuptools import setup\nsetup(name='foo', version='1.0',"
                + " setup_requires=['cython', \"numpy>=1.2\"])\n",
            "import setuptools\nsetuptools.setup(\n    setup_requires=[\n        'a',  # c\n"
                + "        'b' 'c',\n    ],\n)\n");
    List<String> hermeto =
        List.of(
            "{\"type\": \"pip\", \"path\": \".\", \"requirements_files\": [\"requirements.txt\"],"
                + " \"requirements_build_files\": [\"requirements-build.txt\"], \"allow_binary\": true}",
            "[{\"type\": \"pip\", \"binary\": {\"arch\": \"x86_64\", \"os\": \"linux\", \"py_version\": 312,"
                + " \"packages\": \":all:\"}}, {\"type\": \"npm\"}]",
            "\"pip\"",
            "{\"packages\": [{\"type\": \"pip\"}], \"flags\": [\"cgo-disable\"]}");
    List<String> pylocks =
        concat(
            Fuzz.resourceSeeds("/io/pyhermetic/testdata/lockfile/pylock-locks.jsonl", "toml")
                .stream()
                .limit(60)
                .toList(),
            List.of(
                lockFile("small/pylock.toml"),
                firstPackages(lockFile("garak-2025-12/pylock.toml"), 16)));
    List<String> uvLocks = List.of(lockFile("small/uv.lock"));
    return Stream.of(
        Arguments.of(
            "pylock.toml",
            pylocks,
            LockFileException.class,
            (Fuzz.Parser)
                input -> selectForTargets(PylockFile.parse(text(input), "pylock.toml")::select)),
        Arguments.of(
            "uv.lock",
            uvLocks,
            LockFileException.class,
            (Fuzz.Parser)
                input -> selectForTargets(UvLockFile.parse(text(input), "uv.lock")::select)),
        Arguments.of(
            "requirements file",
            reqfiles,
            RequirementsFileException.class,
            (Fuzz.Parser)
                input -> {
                  RequirementsFile parsed = parser.parse(input, "fuzz.txt");
                  parsed.allEntries().forEach(Object::toString);
                  parsed.options();
                  parsed.warnings();
                }),
        Arguments.of(
            "PEP 440 version",
            Fuzz.vectorSeeds("version-parse.jsonl", "v"),
            InvalidVersionException.class,
            (Fuzz.Parser) input -> Version.parse(text(input)).toString()),
        Arguments.of(
            "PEP 440 specifier set",
            Fuzz.vectorSeeds("spec.jsonl", "spec"),
            InvalidSpecifierException.class,
            (Fuzz.Parser) input -> SpecifierSet.parse(text(input)).toString()),
        Arguments.of(
            "PEP 508 requirement",
            Fuzz.vectorSeeds("req.jsonl", "req"),
            InvalidRequirementException.class,
            (Fuzz.Parser) input -> Requirement.parse(text(input)).toString()),
        Arguments.of(
            "PEP 508 marker",
            Fuzz.vectorSeeds("marker.jsonl", "marker"),
            InvalidMarkerException.class,
            (Fuzz.Parser) input -> Marker.parse(text(input)).toString()),
        Arguments.of(
            "wheel and sdist filename",
            concat(
                Fuzz.resourceSeeds(
                    "/io/pyhermetic/testdata/platform/wheel-filenames.jsonl", "filename"),
                Fuzz.resourceSeeds(
                    "/io/pyhermetic/testdata/platform/sdist-filenames.jsonl", "filename")),
            InvalidFilenameException.class,
            (Fuzz.Parser) input -> DistributionFilename.parse(text(input)).toString()),
        Arguments.of(
            "pyproject.toml build-system",
            pyprojects,
            BuildSystemException.class,
            (Fuzz.Parser)
                input -> {
                  BuildRequirements.read(
                      "f-1.0.tar.gz", Optional.of(input), Optional.empty(), Optional.empty());
                  ProjectMetadata.read("f", Optional.of(input), Optional.empty(), Optional.empty());
                }),
        Arguments.of(
            "setup.cfg build requirements",
            setupCfgs,
            BuildSystemException.class,
            (Fuzz.Parser)
                input -> {
                  BuildRequirements.read(
                      "f-1.0.tar.gz", Optional.empty(), Optional.of(input), Optional.empty());
                  ProjectMetadata.read("f", Optional.empty(), Optional.of(input), Optional.empty());
                }),
        Arguments.of(
            "setup.py build requirements",
            setupPys,
            BuildSystemException.class,
            (Fuzz.Parser)
                input -> {
                  BuildRequirements.read(
                      "f-1.0.tar.gz", Optional.empty(), Optional.empty(), Optional.of(input));
                  ProjectMetadata.read("f", Optional.empty(), Optional.empty(), Optional.of(input));
                }),
        Arguments.of(
            "Hermeto JSON input",
            hermeto,
            NoExceptionDocumented.class,
            (Fuzz.Parser) input -> HermetoValidator.validate(text(input), includes)));
  }

  /** For a parser that reports bad input in its result, never by an exception. */
  private static final class NoExceptionDocumented extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void everyInputGivesAResultOrALocatedError(
      String target, List<String> seeds, Class<? extends Throwable> documented, Fuzz.Parser parse) {
    org.junit.jupiter.api.Assumptions.assumeTrue(Fuzz.selected(target), "not in -Dfuzz.only");
    Fuzz.Report report = Fuzz.run(target, seeds, SHORT, documented, ParserFuzzTest::located, parse);
    System.out.println(report);
    assertThat(report.unexpected()).as(report.toString()).isEmpty();
    assertThat(report.inputs()).isEqualTo(Long.getLong("fuzz.count", SHORT));
  }
}
