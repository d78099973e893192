package io.pyhermetic.advisory;

import io.pyhermetic.index.Release;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the advisory services said about one pinned release.
 *
 * @param release the pin
 * @param findings the vulnerabilities that count (not withdrawn, not ignored), merged by aliases
 *     and sorted by id
 * @param ignored the vulnerabilities an unexpired ignore rule names
 * @param fixVersion the smallest version above the pin that fixes every finding, when the
 *     advisories name one
 * @param failures why a service did not answer for this release (each message names the service);
 *     when not empty, the findings are incomplete
 * @param license the licence the release's metadata declares, when a service read it
 */
public record ReleaseVulnerabilities(
    Release release,
    List<Vulnerability> findings,
    List<Vulnerability> ignored,
    Optional<Version> fixVersion,
    List<String> failures,
    Optional<License> license) {
  /**
   * Checks that no component is null and copies the collections.
   *
   * @param release the pin
   * @param findings the vulnerabilities that count (not withdrawn, not ignored), merged by aliases
   *     and sorted by id
   * @param ignored the vulnerabilities an unexpired ignore rule names
   * @param fixVersion the smallest version above the pin that fixes every finding, when the
   *     advisories name one
   * @param failures why a service did not answer for this release (each message names the service);
   *     when not empty, the findings are incomplete
   * @param license the licence the release's metadata declares, when a service read it
   */
  public ReleaseVulnerabilities {
    Objects.requireNonNull(release, "release");
    findings = List.copyOf(findings);
    ignored = List.copyOf(ignored);
    Objects.requireNonNull(fixVersion, "fixVersion");
    failures = List.copyOf(failures);
    Objects.requireNonNull(license, "license");
  }

  /**
   * Whether every service answered for this release.
   *
   * @return {@code true} when no service failed for it
   */
  public boolean isChecked() {
    return failures.isEmpty();
  }
}
