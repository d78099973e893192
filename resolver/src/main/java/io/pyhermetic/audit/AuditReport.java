package io.pyhermetic.audit;

import java.util.List;

/** The audit of a set of pins against several targets: every package's outcome. */
public record AuditReport(String python, List<String> targets, List<PackageAudit> packages) {
  public AuditReport {
    targets = List.copyOf(targets);
    packages = List.copyOf(packages);
  }

  /** Pins whose release has no sdist on the index. */
  public List<PackageAudit> withoutSdist() {
    return packages.stream()
        .filter(
            p ->
                p.error().isEmpty()
                    && p.sdist().isEmpty()
                    && !p.targets().values().stream().allMatch(t -> t.route() == Route.URL))
        .toList();
  }

  /** Pins that do not install on {@code target}. */
  public List<PackageAudit> notInstallable(String target) {
    return packages.stream()
        .filter(
            p ->
                p.targets().containsKey(target)
                    && (p.error().isPresent() || p.targets().get(target).route() == Route.NONE))
        .toList();
  }

  /**
   * Pins with pinned hashes that match no file (a stale lock), or whose file pip would pick on some
   * target is missing from the pinned hashes (so {@code --require-hashes} refuses it).
   */
  public List<PackageAudit> hashProblems() {
    return packages.stream()
        .filter(
            p ->
                !p.staleHashes().isEmpty()
                    || p.targets().values().stream().anyMatch(TargetResult::refusedByHashes))
        .toList();
  }

  /** Pins whose release is yanked. */
  public List<PackageAudit> yanked() {
    return packages.stream().filter(PackageAudit::yanked).toList();
  }

  /** Pins the index could not answer for: a missing release or an index failure. */
  public List<PackageAudit> errors() {
    return packages.stream().filter(p -> p.error().isPresent()).toList();
  }

  public boolean isOk() {
    return packages.stream().allMatch(PackageAudit::isOk);
  }

  /** Whether the index itself failed (not a missing release) for some package. */
  public boolean hasIndexFailures() {
    return packages.stream().anyMatch(PackageAudit::indexFailure);
  }
}
