package io.pyhermetic.audit;

import io.pyhermetic.advisory.AdvisoryReport;
import io.pyhermetic.advisory.ReleaseVulnerabilities;
import io.pyhermetic.index.Release;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit of a set of pins against several targets: every package's outcome. Where the index
 * failed for a release, its answers are unknown: such a pin is in {@link #unknown} and {@link
 * #indexFailures}, never in {@link #notInstallable} or {@link #withoutSdist}.
 *
 * @param python the Python version audited for
 * @param targets the target labels, in column order
 * @param packages every pin audited
 * @param vulnerabilities the known vulnerabilities of the pins on the targets, when they were
 *     looked up ({@link Auditor#withAdvisories})
 */
public record AuditReport(
    String python,
    List<String> targets,
    List<PackageAudit> packages,
    Optional<AdvisoryReport> vulnerabilities) {
  /**
   * Copies the lists, so the report stays immutable.
   *
   * @param targets the target labels, in column order
   * @param python the Python version audited for
   * @param packages every pin audited
   * @param vulnerabilities the known vulnerabilities of the pins on the targets, when they were
   *     looked up ({@link Auditor#withAdvisories})
   */
  public AuditReport {
    targets = List.copyOf(targets);
    packages = List.copyOf(packages);
    Objects.requireNonNull(vulnerabilities, "vulnerabilities");
  }

  /**
   * An audit without a vulnerability look-up.
   *
   * @param python the Python version audited for
   * @param targets the target labels, in column order
   * @param packages every pin audited
   */
  public AuditReport(String python, List<String> targets, List<PackageAudit> packages) {
    this(python, targets, packages, Optional.empty());
  }

  /**
   * What the vulnerability services said about {@code p}; empty when they were not asked (no
   * look-up, the pin is not pinned with {@code ==} or is on no target).
   *
   * @param p a pin of this report
   * @return the vulnerabilities, or empty
   */
  public Optional<ReleaseVulnerabilities> vulnerabilitiesOf(PackageAudit p) {
    if (vulnerabilities.isEmpty() || !p.lookedUp() || !ProjectName.isValid(p.name())) {
      return Optional.empty();
    }
    return Version.tryParse(p.version())
        .flatMap(v -> vulnerabilities.get().of(new Release(ProjectName.of(p.name()), v)));
  }

  /**
   * Pins with known vulnerabilities (not ignored ones).
   *
   * @return the pins
   */
  public List<PackageAudit> vulnerable() {
    return packages.stream()
        .filter(p -> vulnerabilitiesOf(p).filter(v -> !v.findings().isEmpty()).isPresent())
        .toList();
  }

  /**
   * Pins some vulnerability service did not answer for: their vulnerabilities are unknown. A pin
   * the index itself could not answer for is in {@link #errors()} already, not here.
   *
   * @return the pins
   */
  public List<PackageAudit> vulnerabilitiesUnknown() {
    return packages.stream()
        .filter(p -> p.error().isEmpty())
        .filter(p -> vulnerabilitiesOf(p).filter(v -> !v.isChecked()).isPresent())
        .toList();
  }

  /**
   * Pins whose release the index has, without an sdist.
   *
   * @return the pins
   */
  public List<PackageAudit> withoutSdist() {
    return packages.stream()
        .filter(p -> p.error().isEmpty() && p.hasSdist().filter(has -> !has).isPresent())
        .toList();
  }

  /**
   * Pins that do not install on {@code target}: checked, and nothing installs (a 404 included).
   *
   * @param target a target label
   * @return the pins
   */
  public List<PackageAudit> notInstallable(String target) {
    return onTarget(target, Route.NONE);
  }

  /**
   * Pins whose outcome on {@code target} is not known, because the index failed for them.
   *
   * @param target a target label
   * @return the pins
   */
  public List<PackageAudit> unknown(String target) {
    return onTarget(target, Route.UNKNOWN);
  }

  private List<PackageAudit> onTarget(String target, Route route) {
    return packages.stream()
        .filter(p -> p.targets().containsKey(target) && p.targets().get(target).route() == route)
        .toList();
  }

  /**
   * Pins with pinned hashes that match no file (a stale lock), or whose file pip would pick on some
   * target is missing from the pinned hashes (so {@code --require-hashes} refuses it).
   *
   * @return the pins
   */
  public List<PackageAudit> hashProblems() {
    return packages.stream()
        .filter(
            p ->
                !p.staleHashes().isEmpty()
                    || p.targets().values().stream().anyMatch(TargetResult::refusedByHashes))
        .toList();
  }

  /**
   * Pins whose release is yanked.
   *
   * @return the pins
   */
  public List<PackageAudit> yanked() {
    return packages.stream().filter(PackageAudit::yanked).toList();
  }

  /**
   * Pins the index could not answer for: a missing release or an index failure.
   *
   * @return the pins
   */
  public List<PackageAudit> errors() {
    return packages.stream().filter(p -> p.error().isPresent()).toList();
  }

  /**
   * Pins the index failed for (not a missing release): nothing about them is known.
   *
   * @return the pins
   */
  public List<PackageAudit> indexFailures() {
    return packages.stream().filter(PackageAudit::indexFailure).toList();
  }

  /**
   * Whether nothing is wrong with any pin.
   *
   * @return {@code true} when every pin is fine
   */
  public boolean isOk() {
    return packages.stream().allMatch(PackageAudit::isOk);
  }

  /**
   * Whether the index itself failed (not a missing release) for some package.
   *
   * @return {@code true} when the index failed for some package
   */
  public boolean hasIndexFailures() {
    return packages.stream().anyMatch(PackageAudit::indexFailure);
  }
}
