package io.pyhermetic.advisory;

import io.pyhermetic.advisory.internal.Merging;
import io.pyhermetic.advisory.internal.OsvClient;
import io.pyhermetic.advisory.internal.PypiAdvisories;
import io.pyhermetic.advisory.internal.SourceAnswer;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.internal.Futures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Looks up the known vulnerabilities (and licences) of pinned releases in one or more services, all
 * releases at once. A service that fails for a release is reported as that release's failure, never
 * as "no vulnerabilities". Close it to release the OSV client's connections.
 *
 * <pre>{@code
 * try (AdvisoryLookup lookup = AdvisoryLookup.builder().osv(OSV_URL, IndexSettings.defaults()).build()) {
 *   AdvisoryReport report = lookup.check(List.of(Release.of("urllib3", "1.26.5")));
 * }
 * }</pre>
 */
public final class AdvisoryLookup implements AutoCloseable {
  /** OSV's public API, the default {@code osv} base URL. */
  public static final String OSV_DEFAULT_URL = OsvClient.DEFAULT_BASE_URL;

  private final Optional<PypiAdvisories> pypi;
  private final Optional<OsvClient> osv;
  private final List<IgnoreRule> ignores;
  private final LocalDate today;

  private AdvisoryLookup(Builder b) {
    this.pypi = b.pypi.map(PypiAdvisories::new);
    this.osv = b.osvUrl.map(url -> new OsvClient(url, b.osvSettings));
    this.ignores = List.copyOf(b.ignores);
    this.today = b.today;
  }

  /**
   * A builder with no service chosen yet.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The services this lookup asks, in a stable order.
   *
   * @return the services
   */
  public List<VulnerabilityService> services() {
    List<VulnerabilityService> out = new ArrayList<>();
    pypi.ifPresent(p -> out.add(VulnerabilityService.PYPI));
    osv.ifPresent(o -> out.add(VulnerabilityService.OSV));
    return out;
  }

  /**
   * {@link #checkAsync} and wait.
   *
   * @param releases the releases to ask about
   * @return what every service said about every release
   */
  public AdvisoryReport check(Collection<Release> releases) {
    return Futures.join(checkAsync(releases));
  }

  /**
   * Asks every service about every distinct release at once. The future does not fail: a service's
   * failure is in the outcome of each release it did not answer.
   *
   * @param releases the releases to ask about
   * @return what every service said about every release
   */
  public CompletableFuture<AdvisoryReport> checkAsync(Collection<Release> releases) {
    List<Release> distinct = new ArrayList<>(new LinkedHashSet<>(releases));
    List<CompletableFuture<SourceAnswer>> answers = new ArrayList<>();
    pypi.ifPresent(p -> answers.add(p.lookup(distinct)));
    osv.ifPresent(o -> answers.add(o.lookup(distinct)));
    return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            done -> report(distinct, answers.stream().map(CompletableFuture::join).toList()));
  }

  private AdvisoryReport report(List<Release> releases, List<SourceAnswer> answers) {
    List<ReleaseVulnerabilities> out = new ArrayList<>();
    for (Release release : releases) {
      List<Vulnerability> all = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      Optional<License> license = Optional.empty();
      for (SourceAnswer answer : answers) {
        all.addAll(answer.found().getOrDefault(release, List.of()));
        Optional.ofNullable(answer.failures().get(release)).ifPresent(failures::add);
        if (license.isEmpty()) {
          license = Optional.ofNullable(answer.licenses().get(release));
        }
      }
      List<Vulnerability> findings = new ArrayList<>();
      List<Vulnerability> ignored = new ArrayList<>();
      for (Vulnerability v : Merging.merge(all)) {
        boolean skip = ignores.stream().anyMatch(rule -> rule.matches(v) && !rule.isExpired(today));
        (skip ? ignored : findings).add(v);
      }
      out.add(
          new ReleaseVulnerabilities(
              release,
              findings,
              ignored,
              Merging.fixVersion(release.version(), findings),
              failures,
              license));
    }
    List<IgnoreRule> expired = ignores.stream().filter(r -> r.isExpired(today)).toList();
    return new AdvisoryReport(services(), out, expired);
  }

  /**
   * The look-up for pins read through {@code index}: the {@code services} asked, or when none is
   * given, PyPI's own advisories where {@code index} is its JSON API (no request beyond those of
   * the audit), else OSV when {@code osvUrl} is given, else none (empty: nothing is checked).
   *
   * @param index the index the pins are read through
   * @param services the services to ask; empty for the default
   * @param osvUrl OSV's base URL
   * @param settings the index settings whose limits and cache the services use
   * @param ignores the ignore rules
   * @return the look-up, or empty when no service can be asked
   * @throws IllegalArgumentException when {@code pypi} is asked for an index that is not the JSON
   *     API, or {@code osv} without a URL
   */
  public static Optional<AdvisoryLookup> forIndex(
      PackageIndex index,
      List<VulnerabilityService> services,
      Optional<String> osvUrl,
      IndexSettings settings,
      List<IgnoreRule> ignores) {
    Optional<PypiJsonIndex> jsonApi = jsonApiOf(index);
    List<VulnerabilityService> chosen =
        !services.isEmpty()
            ? services
            : jsonApi.isPresent()
                ? List.of(VulnerabilityService.PYPI)
                : osvUrl.isPresent() ? List.of(VulnerabilityService.OSV) : List.of();
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    Builder builder = builder().ignore(ignores);
    if (chosen.contains(VulnerabilityService.PYPI)) {
      builder.pypi(
          jsonApi.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "the pypi vulnerability service reads PyPI's JSON API: it needs that API as"
                          + " the index (--index), or choose osv")));
    }
    if (chosen.contains(VulnerabilityService.OSV)) {
      builder.osv(
          osvUrl.orElseThrow(() -> new IllegalArgumentException("the osv service needs a URL")),
          settings);
    }
    return Optional.of(builder.build());
  }

  /**
   * {@link #forIndex} with the services, URL and ignore rules of {@code options}; empty when off.
   *
   * @param index the index the pins are read through
   * @param options the advisory options
   * @param settings the index settings whose limits and cache the services use
   * @return the look-up, or empty when off
   */
  public static Optional<AdvisoryLookup> forIndex(
      PackageIndex index, AdvisoryOptions options, IndexSettings settings) {
    return options.enabled()
        ? forIndex(index, options.services(), options.osvUrl(), settings, options.ignores())
        : Optional.empty();
  }

  /** The JSON API index {@code index} is or wraps. */
  private static Optional<PypiJsonIndex> jsonApiOf(PackageIndex index) {
    PackageIndex inner = index;
    while (inner instanceof CachingIndex caching) {
      inner = caching.delegate();
    }
    return inner instanceof PypiJsonIndex json ? Optional.of(json) : Optional.empty();
  }

  /**
   * The rule that makes {@code vulnerability} ignored, if any (unexpired).
   *
   * @param vulnerability the vulnerability
   * @return the rule, or empty
   */
  public Optional<IgnoreRule> ignoreRuleFor(Vulnerability vulnerability) {
    return ignores.stream()
        .filter(rule -> rule.matches(vulnerability) && !rule.isExpired(today))
        .findFirst();
  }

  @Override
  public void close() {
    osv.ifPresent(OsvClient::close);
  }

  /** Which services to ask, and what to ignore. */
  public static final class Builder {
    private Optional<PypiJsonIndex> pypi = Optional.empty();
    private Optional<String> osvUrl = Optional.empty();
    private IndexSettings osvSettings = IndexSettings.defaults();
    private final List<IgnoreRule> ignores = new ArrayList<>();
    private LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    private Builder() {}

    /**
     * Asks PyPI's JSON API through {@code index} (the same requests and cache as its file
     * look-ups); the caller closes the index.
     *
     * @param index PyPI's JSON API
     * @return this builder
     */
    public Builder pypi(PypiJsonIndex index) {
      this.pypi = Optional.of(Objects.requireNonNull(index, "index"));
      return this;
    }

    /**
     * Asks OSV at {@code baseUrl} (such as an internal mirror), with the index settings' limits and
     * cache.
     *
     * @param baseUrl OSV's base URL
     * @param settings the index settings whose limits and cache it uses
     * @return this builder
     */
    public Builder osv(String baseUrl, IndexSettings settings) {
      this.osvUrl = Optional.of(Objects.requireNonNull(baseUrl, "baseUrl"));
      this.osvSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Adds ignore rules.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder ignore(Collection<IgnoreRule> rules) {
      ignores.addAll(rules);
      return this;
    }

    /**
     * The day expiry is judged on (default: today in UTC).
     *
     * @param value the day
     * @return this builder
     */
    public Builder today(LocalDate value) {
      this.today = Objects.requireNonNull(value, "today");
      return this;
    }

    /**
     * @return the look-up
     * @throws IllegalStateException when no service was chosen
     */
    public AdvisoryLookup build() {
      if (pypi.isEmpty() && osvUrl.isEmpty()) {
        throw new IllegalStateException("no vulnerability service chosen");
      }
      return new AdvisoryLookup(this);
    }
  }
}
