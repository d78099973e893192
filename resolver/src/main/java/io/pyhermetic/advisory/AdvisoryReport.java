package io.pyhermetic.advisory;

import io.pyhermetic.index.Release;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Known vulnerabilities of a set of pins: every release's outcome.
 *
 * @param services the services asked
 * @param releases per release, in the order asked
 * @param expiredIgnores ignore rules whose last day has passed (their findings count again)
 */
public record AdvisoryReport(
    List<VulnerabilityService> services,
    List<ReleaseVulnerabilities> releases,
    List<IgnoreRule> expiredIgnores) {
  /**
   * Copies the lists, so the report stays immutable.
   *
   * @param services the services asked
   * @param releases per release, in the order asked
   * @param expiredIgnores ignore rules whose last day has passed (their findings count again)
   */
  public AdvisoryReport {
    services = List.copyOf(services);
    releases = List.copyOf(releases);
    expiredIgnores = List.copyOf(expiredIgnores);
  }

  /**
   * The outcome for {@code release}, when it was asked about.
   *
   * @param release the release
   * @return the outcome, or empty
   */
  public Optional<ReleaseVulnerabilities> of(Release release) {
    Objects.requireNonNull(release, "release");
    return releases.stream().filter(r -> r.release().equals(release)).findFirst();
  }

  /**
   * The outcomes by release.
   *
   * @return the outcomes, in report order
   */
  public Map<Release, ReleaseVulnerabilities> byRelease() {
    Map<Release, ReleaseVulnerabilities> map = new LinkedHashMap<>();
    releases.forEach(r -> map.put(r.release(), r));
    return map;
  }

  /**
   * Releases with at least one finding.
   *
   * @return the vulnerable releases
   */
  public List<ReleaseVulnerabilities> vulnerable() {
    return releases.stream().filter(r -> !r.findings().isEmpty()).toList();
  }

  /**
   * Releases some service did not answer for.
   *
   * @return the releases without a full answer
   */
  public List<ReleaseVulnerabilities> unanswered() {
    return releases.stream().filter(r -> !r.isChecked()).toList();
  }

  /**
   * The number of findings over every release.
   *
   * @return the number of findings
   */
  public int findingCount() {
    return releases.stream().mapToInt(r -> r.findings().size()).sum();
  }

  /**
   * The service labels, comma-separated.
   *
   * @return the labels
   */
  public String serviceLabels() {
    return String.join(", ", services.stream().map(VulnerabilityService::label).toList());
  }
}
