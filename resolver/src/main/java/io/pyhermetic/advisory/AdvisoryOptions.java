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
    return builder().build();
  }

  /**
   * Off: nothing is looked up.
   *
   * @return options that look nothing up
   */
  public static AdvisoryOptions disabled() {
    return builder().enabled(false).build();
  }

  /**
   * A builder holding the defaults (see {@link #defaults()}).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .services(services)
        .osvUrl(osvUrl)
        .ignores(ignores)
        .bestEffort(bestEffort);
  }

  /** Builds {@link AdvisoryOptions}; each method returns this builder. */
  public static final class Builder {
    private boolean enabled = true;
    private List<VulnerabilityService> services = List.of();
    private Optional<String> osvUrl = Optional.empty();
    private List<IgnoreRule> ignores = List.of();
    private boolean bestEffort;

    private Builder() {}

    /**
     * Whether to look vulnerabilities up at all (default yes).
     *
     * @param value whether to
     * @return this builder
     */
    public Builder enabled(boolean value) {
      enabled = value;
      return this;
    }

    /**
     * The services to ask (default: empty, for the default of {@link AdvisoryLookup#forIndex}).
     *
     * @param value the services
     * @return this builder
     */
    public Builder services(List<VulnerabilityService> value) {
      services = List.copyOf(value);
      return this;
    }

    /**
     * OSV's base URL, when OSV may be asked (default: none given).
     *
     * @param value the URL, or empty
     * @return this builder
     */
    public Builder osvUrl(Optional<String> value) {
      osvUrl = Objects.requireNonNull(value, "osvUrl");
      return this;
    }

    /**
     * The vulnerabilities to ignore (default none).
     *
     * @param value the rules
     * @return this builder
     */
    public Builder ignores(List<IgnoreRule> value) {
      ignores = List.copyOf(value);
      return this;
    }

    /**
     * Whether a service's failure leaves its pins unknown instead of failing (default no).
     *
     * @param value whether it does
     * @return this builder
     */
    public Builder bestEffort(boolean value) {
      bestEffort = value;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public AdvisoryOptions build() {
      return new AdvisoryOptions(enabled, services, osvUrl, ignores, bestEffort);
    }
  }
}
