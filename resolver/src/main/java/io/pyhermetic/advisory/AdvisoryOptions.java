package io.pyhermetic.advisory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and where to look known vulnerabilities up, for operations that do it on the way (the
 * plan, the prefetch's SBOM).
 *
 * @param enabled whether to look them up at all
 * @param services the services to ask; empty for the default of {@link AdvisoryLookup#forIndex}
 * @param osvUrl OSV's base URL, when OSV may be asked
 * @param ignores the vulnerabilities to ignore
 * @param bestEffort whether a service's failure leaves its pins unknown instead of failing the
 *     operation
 */
public record AdvisoryOptions(
    boolean enabled,
    List<VulnerabilityService> services,
    Optional<String> osvUrl,
    List<IgnoreRule> ignores,
    boolean bestEffort) {
  /**
   * Checks that no component is null and copies the lists.
   *
   * @param services the services to ask; empty for the default of {@link AdvisoryLookup#forIndex}
   * @param enabled whether to look them up at all
   * @param osvUrl OSV's base URL, when OSV may be asked
   * @param ignores the vulnerabilities to ignore
   * @param bestEffort whether a service's failure leaves its pins unknown instead of failing the
   *     operation
   */
  public AdvisoryOptions {
    services = List.copyOf(services);
    Objects.requireNonNull(osvUrl, "osvUrl");
    ignores = List.copyOf(ignores);
  }

  /**
   * On, with the default services, nothing ignored, a failure fails.
   *
   * @return the default options
   */
  public static AdvisoryOptions defaults() {
    return new AdvisoryOptions(true, List.of(), Optional.empty(), List.of(), false);
  }

  /**
   * Off: nothing is looked up.
   *
   * @return options that look nothing up
   */
  public static AdvisoryOptions disabled() {
    return new AdvisoryOptions(false, List.of(), Optional.empty(), List.of(), false);
  }
}
