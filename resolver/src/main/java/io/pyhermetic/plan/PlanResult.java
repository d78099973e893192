package io.pyhermetic.plan;

import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.platform.Target;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a plan found and every file it would write, computed by {@link Planner#plan}: the
 * check diagnostics, the per-architecture comparison, the audit of every pin on every target, the
 * build dependencies with every package's outcome, the Hermeto inputs, and the findings that will
 * make the build fail. Nothing is written until {@link PlanWriter#write} is called.
 */
public final class PlanResult {

  /** How the plan came out, in the order of severity. */
  public enum Status {
    /** Every pin installs offline on every target and every build dependency resolved. */
    READY,
    /** Planned, with findings that will make the build fail. */
    FINDINGS,
    /** The index or a download failed: the plan cannot be trusted and is not written. */
    INDEX_FAILURE
  }

  private final PlanRequest request;
  private final Map<String, Target> targets;
  private final Map<String, List<Path>> requirementsByTarget;
  private final List<Diagnostic> diagnostics;
  private final Optional<RequirementsDiff> diff;
  private final AuditReport audit;
  private final BuildDepsResult buildDeps;
  private final List<Finding> findings;
  private final String indexDescription;
  private final List<String> nextSteps;
  private final Map<String, String> files;

  /** A result holding {@code files} and plan.md, which is rendered from the rest. */
  PlanResult(
      PlanRequest request,
      Map<String, Target> targets,
      Map<String, List<Path>> requirementsByTarget,
      List<Diagnostic> diagnostics,
      Optional<RequirementsDiff> diff,
      AuditReport audit,
      BuildDepsResult buildDeps,
      List<Finding> findings,
      String indexDescription,
      List<String> nextSteps,
      Map<String, String> files) {
    this.request = request;
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    Map<String, List<Path>> inputs = new LinkedHashMap<>();
    requirementsByTarget.forEach((arch, list) -> inputs.put(arch, List.copyOf(list)));
    this.requirementsByTarget = Collections.unmodifiableMap(inputs);
    this.diagnostics = List.copyOf(diagnostics);
    this.diff = diff;
    this.audit = audit;
    this.buildDeps = buildDeps;
    this.findings = List.copyOf(findings);
    this.indexDescription = indexDescription;
    this.nextSteps = List.copyOf(nextSteps);
    Map<String, String> all = new LinkedHashMap<>(files);
    this.files = Collections.unmodifiableMap(all);
    // plan.md summarises the rest, so it is rendered from the result without it
    all.put(PlanFiles.PLAN, PlanMarkdown.render(this));
  }

  /**
   * The request that was planned.
   *
   * @return the request
   */
  public PlanRequest request() {
    return request;
  }

  /**
   * The targets planned for, by architecture, in order.
   *
   * @return the targets
   */
  public Map<String, Target> targets() {
    return targets;
  }

  /**
   * The requirements files Hermeto reads for each target (the input files, or the split ones).
   *
   * @return the files per target
   */
  public Map<String, List<Path>> requirementsByTarget() {
    return requirementsByTarget;
  }

  /**
   * pip's warnings and Hermeto's rule violations for every input file.
   *
   * @return the diagnostics
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The per-target comparison; empty with a single target.
   *
   * @return the comparison, or empty
   */
  public Optional<RequirementsDiff> diff() {
    return diff;
  }

  /**
   * Every pin on every target.
   *
   * @return the audit report
   */
  public AuditReport audit() {
    return audit;
  }

  /**
   * Every package's build-dependency outcome.
   *
   * @return the build dependencies
   */
  public BuildDepsResult buildDeps() {
    return buildDeps;
  }

  /**
   * What will make the build fail; empty for a ready plan.
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * The findings of one kind.
   *
   * @param kind the kind
   * @return the findings
   */
  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * The index asked, credentials redacted.
   *
   * @return the index's description
   */
  public String indexDescription() {
    return indexDescription;
  }

  /**
   * The commands that carry the plan out, in order, runnable as printed.
   *
   * @return the commands
   */
  public List<String> nextSteps() {
    return nextSteps;
  }

  /**
   * Whether there is nothing to fix: every pin installs and every build dependency resolved.
   *
   * @return {@code true} when the plan is ready
   */
  public boolean isOk() {
    return findings.isEmpty();
  }

  /**
   * What the plan's outcome is: ready, with findings, or failed at the index (the exit code follows
   * it).
   *
   * @return the status
   */
  public Status status() {
    if (!findings(Finding.Kind.INDEX).isEmpty()) {
      return Status.INDEX_FAILURE;
    }
    return findings.isEmpty() ? Status.READY : Status.FINDINGS;
  }

  /**
   * Every file of the plan directory by name, in the order {@code plan.md} lists them; {@code
   * plan.md} comes last.
   *
   * @return the files' text by name
   */
  public Map<String, String> files() {
    return files;
  }

  /**
   * The architectures that got a Hermeto input (all of them unless something failed).
   *
   * @return the architectures
   */
  public List<String> configuredArchitectures() {
    return targets.keySet().stream().filter(a -> files.containsKey(configName(a))).toList();
  }

  /**
   * The Hermeto {@code fetch-deps} input for {@code arch}, as {@code hermeto-<arch>.json} holds it.
   *
   * @param arch the machine name
   * @return the JSON text
   * @throws IllegalArgumentException when {@code arch} is not a target
   * @throws IllegalStateException when no input could be made for it (see {@link #findings()})
   */
  public String hermetoConfigJson(String arch) {
    if (!targets.containsKey(arch)) {
      throw new IllegalArgumentException(
          "no target " + arch + " in this plan (targets: " + targets.keySet() + ")");
    }
    String json = files.get(configName(arch));
    if (json == null) {
      throw new IllegalStateException("no Hermeto input for " + arch + ": " + findingsSummary());
    }
    return json;
  }

  /**
   * {@code requirements-build.txt}: the build dependencies, hash-pinned.
   *
   * @return the file's text
   * @throws IllegalStateException when they could not be resolved (see {@link #findings()})
   */
  public String buildRequirementsText() {
    String text = files.get(PlanFiles.BUILD_REQUIREMENTS);
    if (text == null) {
      throw new IllegalStateException(
          "the build dependencies were not resolved: " + findingsSummary());
    }
    return text;
  }

  /**
   * {@code plan.md}: the one-page summary.
   *
   * @return the file's text
   */
  public String planMarkdown() {
    return files.get(PlanFiles.PLAN);
  }

  private String findingsSummary() {
    return findings.isEmpty()
        ? "nothing was found"
        : String.join("; ", findings.stream().map(Finding::message).toList());
  }

  static String configName(String arch) {
    return "hermeto-" + arch + ".json";
  }
}
