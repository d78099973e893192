package io.pyhermetic.prefetch.internal;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Problem;
import io.pyhermetic.error.Severity;
import io.pyhermetic.hermeto.HermetoInput;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.hermeto.PipBinaryFilters;
import io.pyhermetic.hermeto.PipInput;
import io.pyhermetic.index.Release;
import io.pyhermetic.prefetch.PrefetchCode;
import io.pyhermetic.prefetch.RequirementOutcome;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.text.Redaction;
import io.pyhermetic.version.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirements files of a Hermeto input read as Hermeto reads them: only each file's own lines
 * ({@code -r} is not followed), no {@code ${VAR}} expansion, markers and extras ignored, Hermeto's
 * rules checked. Each requirement is either pending (a pinned index requirement waiting for its
 * release's files) or done already (a requirement that is not prefetched, with its problem).
 */
public final class RequirementsPlan {

  /**
   * A pinned index requirement waiting for its release's files.
   *
   * @param entry the requirement as parsed
   * @param release the release it pins
   * @param build whether it comes from a build requirements file
   * @param binary the package's {@code binary} filter, when it has one
   * @param file its requirements file relative to the source directory, as the SBOM names it
   * @param order its position among all requirements of the input
   */
  public record Pending(
      Entry entry,
      Release release,
      boolean build,
      Optional<PipBinaryFilters> binary,
      String file,
      int order) {

    /**
     * The pinned version exactly as written after {@code ==}.
     *
     * @return the version text
     */
    public String pinnedText() {
      return entry
          .requirement()
          .map(r -> r.specifier().specifiers().get(0).version())
          .orElseGet(() -> entry.pinnedVersion().map(Version::toString).orElse(""));
    }
  }

  /**
   * An outcome and the position of its requirement in the input.
   *
   * @param order the requirement's position among all requirements of the input
   * @param outcome what happened to it
   */
  public record Ordered(int order, RequirementOutcome outcome) {}

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Ordered> done = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private int next;

  private RequirementsPlan() {}

  /**
   * Reads every requirements file and build requirements file of {@code input} (Hermeto's default
   * files when the input lists none).
   *
   * @param input the validated Hermeto input
   * @param sourceDir the project checkout the input's paths are relative to
   * @return the requirements, pending or done, and every diagnostic
   */
  public static RequirementsPlan read(HermetoInput input, Path sourceDir) {
    RequirementsPlan plan = new RequirementsPlan();
    RequirementsFileParser parser = new RequirementsFileParser().withEnvironment(Map.of());
    for (PipInput pip : input.packages()) {
      Path dir = sourceDir.resolve(pip.path()).normalize();
      List<Path> runtime = files(dir, pip.requirementsFiles(), "requirements.txt");
      List<Path> build = files(dir, pip.requirementsBuildFiles(), "requirements-build.txt");
      for (Path file : runtime) {
        plan.read(parser, file, relative(sourceDir, file), false, pip.binary());
      }
      for (Path file : build) {
        plan.read(parser, file, relative(sourceDir, file), true, pip.binary());
      }
    }
    return plan;
  }

  /**
   * Hermeto's diagnostics about the files.
   *
   * @return parse errors and rule violations, in file order
   */
  public List<Diagnostic> diagnostics() {
    return Collections.unmodifiableList(diagnostics);
  }

  /**
   * The requirements that are not looked up.
   *
   * @return their outcomes, each with its problem
   */
  public List<Ordered> done() {
    return Collections.unmodifiableList(done);
  }

  /**
   * The requirements to look up.
   *
   * @return the pinned index requirements, in input order
   */
  public List<Pending> pending() {
    return Collections.unmodifiableList(pending);
  }

  /** {@code file} relative to {@code sourceDir}, with {@code /} separators. */
  private static String relative(Path sourceDir, Path file) {
    Path root = sourceDir.toAbsolutePath().normalize();
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The files as listed, or Hermeto's default file when the list is absent and it exists. */
  private static List<Path> files(Path dir, Optional<List<String>> listed, String defaultName) {
    if (listed.isPresent()) {
      return listed.get().stream().map(f -> dir.resolve(f).normalize()).toList();
    }
    Path fallback = dir.resolve(defaultName).normalize();
    return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
  }

  private void read(
      RequirementsFileParser parser,
      Path path,
      String relativePath,
      boolean build,
      Optional<PipBinaryFilters> binary) {
    RequirementsFile file;
    try {
      file = parser.parse(path);
    } catch (RequirementsFileException e) {
      diagnostics.add(
          Diagnostic.error("parse", e.location(), Redaction.redact(e.reason()).replace('\n', ' ')));
      return;
    }
    List<Diagnostic> checked = HermetoRules.check(file);
    diagnostics.addAll(checked);
    for (Entry entry : file.entries()) {
      if (entry.isConstraint()) {
        continue;
      }
      boolean rejected =
          checked.stream()
              .anyMatch(
                  d ->
                      d.severity() == Severity.ERROR
                          && d.location().line() >= entry.line()
                          && d.location().line() <= entry.lastLine());
      if (rejected) {
        continue; // Hermeto's own error is reported for it
      }
      String name = entry.name().map(Object::toString).orElse(entry.requirementText());
      boolean direct = entry.link().isPresent() || entry.requirement().isEmpty();
      Optional<Version> version = entry.pinnedVersion();
      if (direct || version.isEmpty()) {
        RequirementOutcome outcome =
            new RequirementOutcome(
                name,
                Optional.empty(),
                entry.location(),
                build,
                List.of(),
                List.of(),
                Optional.of(
                    Problem.error(
                            PrefetchCode.UNSUPPORTED,
                            Redaction.redact(name),
                            direct
                                ? "URL and VCS requirements are not prefetched (Hermeto downloads"
                                    + " them itself and rewrites the requirements file): "
                                    + Redaction.redact(entry.requirementText())
                                : "not pinned to a version: " + entry.requirementText())
                        .at(entry.location())));
        done.add(new Ordered(next++, outcome));
        continue;
      }
      Release release = new Release(entry.name().get(), version.get());
      pending.add(new Pending(entry, release, build, binary, relativePath, next++));
    }
  }
}
