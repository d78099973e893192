package io.pyhermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.buildsystem.ProjectDependencies;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request's rules on a small universe: lib 1.0 (sdist and a pure wheel, needs dep<2), lib 2.0
 * (an x86_64 wheel only, uploaded later), lib 3.0b1; dep 1.0 and 5.0.
 */
class LockerTest {
  private static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2025-06-01T00:00:00Z");

  static UniverseIndex universe() {
    UniverseIndex index = new UniverseIndex();
    index.add(
        UniverseIndex.metadata("lib", "1.0", List.of("dep<2"), Optional.empty()),
        List.of(
            UniverseIndex.file("lib-1.0.tar.gz").uploadTime(JAN).build(),
            UniverseIndex.file("lib-1.0-py3-none-any.whl").uploadTime(JAN).build()));
    index.add(
        UniverseIndex.metadata("lib", "2.0", List.of(), Optional.empty()),
        List.of(
            UniverseIndex.file("lib-2.0-cp312-cp312-manylinux_2_17_x86_64.whl")
                .uploadTime(JUN)
                .build()));
    index.add(
        UniverseIndex.metadata("lib", "3.0b1", List.of(), Optional.empty()),
        List.of(UniverseIndex.file("lib-3.0b1-py3-none-any.whl").build()));
    index.add(
        UniverseIndex.metadata("dep", "1.0", List.of(), Optional.empty()),
        List.of(UniverseIndex.file("dep-1.0-py3-none-any.whl").build()));
    index.add(
        UniverseIndex.metadata("dep", "5.0", List.of(), Optional.empty()),
        List.of(UniverseIndex.file("dep-5.0-py3-none-any.whl").build()));
    return index;
  }

  static LockInput requirements(String text) {
    return LockInput.ofRequirements(
        RequirementsFile.parse(text, "requirements.in"), "requirements.in");
  }

  static Map<String, String> pins(TargetLock lock) {
    return lock.packages().stream()
        .collect(Collectors.toMap(p -> p.name().canonical(), p -> p.version().toString()));
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("newest installable", "lib\n", b -> {}, "{lib=2.0}", "{dep=1.0, lib=1.0}"),
        rule(
            "no-binary lib",
            "lib\n",
            b -> b.noBinary("lib"),
            "{dep=1.0, lib=1.0}",
            "{dep=1.0, lib=1.0}"),
        rule(
            "only-binary :all: keeps wheels",
            "lib\n",
            b -> b.onlyBinary(LockRequest.ALL),
            "{lib=2.0}",
            "{dep=1.0, lib=1.0}"),
        rule(
            "exclude-newer",
            "lib\n",
            b -> b.excludeNewer(Instant.parse("2025-03-01T00:00:00Z")),
            "{dep=1.0, lib=1.0}",
            "{dep=1.0, lib=1.0}"),
        rule("prerelease allow", "lib\n", b -> b.prereleases(true), "{lib=3.0b1}", "{lib=3.0b1}"),
        rule(
            "a specifier naming a pre-release",
            "lib>=3.0b1\n",
            b -> {},
            "{lib=3.0b1}",
            "{lib=3.0b1}"),
        rule(
            "constraint",
            "lib\n",
            b -> b.constraint(Requirement.parse("lib<2")),
            "{dep=1.0, lib=1.0}",
            "{dep=1.0, lib=1.0}"),
        rule(
            "constraint on a package not required adds nothing",
            "lib\n",
            b -> b.constraint(Requirement.parse("other==1")),
            "{lib=2.0}",
            "{dep=1.0, lib=1.0}"),
        rule(
            "override replaces a dependency's requirement",
            "lib<2\n",
            b -> b.override(Requirement.parse("dep==5.0")),
            "{dep=5.0, lib=1.0}",
            "{dep=5.0, lib=1.0}"),
        rule(
            "an existing lock's version first",
            "lib\n",
            b -> b.preferences("x86_64", Map.of(ProjectName.of("lib"), Version.parse("1.0"))),
            "{dep=1.0, lib=1.0}",
            "{dep=1.0, lib=1.0}"),
        rule(
            "upgrade ignores the existing lock",
            "lib\n",
            b ->
                b.preferences("x86_64", Map.of(ProjectName.of("lib"), Version.parse("1.0")))
                    .upgrade(ProjectName.of("lib")),
            "{lib=2.0}",
            "{dep=1.0, lib=1.0}"));
  }

  static Arguments rule(
      String name, String input, Consumer<LockRequest.Builder> options, String x86, String arm) {
    return Arguments.of(name, input, options, x86, arm);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void candidatesFollowTheRequest(
      String name, String input, Consumer<LockRequest.Builder> options, String x86, String arm) {
    LockRequest.Builder request =
        LockRequest.builder()
            .input(requirements(input))
            .target(Target.linux("x86_64", "3.12"))
            .target(Target.linux("aarch64", "3.12"));
    options.accept(request);
    LockResult result = new Locker(universe()).lock(request.build());
    assertThat(result.isOk()).as(result.toString()).isTrue();
    assertThat(new java.util.TreeMap<>(pins(result.targets().get(0))).toString()).isEqualTo(x86);
    assertThat(new java.util.TreeMap<>(pins(result.targets().get(1))).toString()).isEqualTo(arm);
  }

  @Test
  void everyHashOfTheReleaseSortedWithTheInputFirstInVia() {
    LockResult result =
        new Locker(universe())
            .lock(
                LockRequest.builder()
                    .input(requirements("lib<2\ndep\n"))
                    .target(Target.linux("aarch64", "3.12"))
                    .build());
    LockedPackage lib = result.targets().get(0).packages().get(1);
    assertThat(lib.pin()).isEqualTo("lib==1.0");
    assertThat(lib.hashes())
        .containsExactlyElementsOf(
            Stream.of("lib-1.0.tar.gz", "lib-1.0-py3-none-any.whl")
                .map(f -> "sha256:" + UniverseIndex.sha256(f))
                .sorted()
                .toList());
    LockedPackage dep = result.targets().get(0).packages().get(0);
    assertThat(dep.via()).containsExactly("-r requirements.in", "lib");
  }

  @Test
  void unknowableDependenciesAndMissingHashesAreProblemsNotGuesses() {
    UniverseIndex index = new UniverseIndex();
    index.add(
        new ReleaseMetadata(
            ProjectName.of("old"),
            Version.parse("1.0"),
            List.of(),
            Optional.empty(),
            ReleaseMetadata.Source.SDIST,
            Optional.of("PKG-INFO before Metadata-Version 2.2")),
        List.of(
            ReleaseFile.builder("old-1.0.tar.gz", "https://files.invalid/old-1.0.tar.gz").build()));
    TargetLock lock =
        new Locker(index)
            .lock(
                LockRequest.builder()
                    .input(requirements("old\n"))
                    .target(Target.linux("x86_64", "3.12"))
                    .build())
            .targets()
            .get(0);
    assertThat(lock.isOk()).isFalse();
    assertThat(lock.problems())
        .extracting(Problem::code)
        .containsExactlyInAnyOrder(LockCode.DEPENDENCIES_UNKNOWN, LockCode.NO_HASH);
    assertThat(lock.problems().get(0).toString()).startsWith("old==1.0: ");
  }

  @Test
  void theJsonApiAsSourceIsSaid() {
    UniverseIndex index = new UniverseIndex();
    index.add(
        new ReleaseMetadata(
            ProjectName.of("j"),
            Version.parse("1"),
            List.of(),
            Optional.empty(),
            ReleaseMetadata.Source.JSON_API,
            Optional.empty()),
        List.of(UniverseIndex.file("j-1-py3-none-any.whl").build()));
    TargetLock lock =
        new Locker(index)
            .lock(
                LockRequest.builder()
                    .input(requirements("j\n"))
                    .target(Target.linux("x86_64", "3.12"))
                    .build())
            .targets()
            .get(0);
    assertThat(lock.isOk()).isTrue();
    assertThat(lock.fromJsonApi()).extracting(LockedPackage::pin).containsExactly("j==1");
  }

  @Test
  void theProjectsRequiresPythonIsHonoured() {
    ProjectDependencies declared =
        new ProjectDependencies(
            Optional.of("app"), Optional.of(">=3.13"), List.of(), Map.of(), Map.of());
    TargetLock lock =
        new Locker(universe())
            .lock(
                LockRequest.builder()
                    .input(
                        new LockInput(
                            LockInput.Kind.PYPROJECT,
                            "pyproject.toml",
                            "app (pyproject.toml)",
                            declared,
                            List.of(),
                            List.of()))
                    .target(Target.linux("x86_64", "3.12"))
                    .build())
            .targets()
            .get(0);
    assertThat(lock.problems()).extracting(Problem::code).containsExactly(LockCode.REQUIRES_PYTHON);
  }

  @Test
  void aConflictNamesTheChains() {
    TargetLock lock =
        new Locker(universe())
            .lock(
                LockRequest.builder()
                    .input(requirements("lib<2\ndep>=2\n"))
                    .target(Target.linux("x86_64", "3.12"))
                    .build())
            .targets()
            .get(0);
    assertThat(lock.conflict()).isPresent();
    assertThat(lock.conflict().get().derivation())
        .containsExactly(
            "Because you require dep>=2 and lib==1.0 depends on dep<2, lib==1.0 cannot be used.",
            "And because you require lib, we can conclude that your requirements are"
                + " unsatisfiable.");
    assertThat(lock.conflict().get().explain())
        .contains("\nBecause you require dep>=2")
        .contains("The conflict is caused by:")
        .contains("requirements.in \u2192 lib==1.0 \u2192 dep")
        .contains("requirements.in \u2192 dep>=2");
  }

  @Test
  void anExtraNoInputDeclaresIsRefused() {
    assertThatThrownBy(
            () ->
                new Locker(universe())
                    .lock(
                        LockRequest.builder()
                            .input(requirements("lib\n"))
                            .extra("gpu")
                            .target(Target.linux("x86_64", "3.12"))
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no input declares the extra gpu");
  }
}
