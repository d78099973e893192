package io.pyhermetic.prefetch.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.advisory.AdvisoryReport;
import io.pyhermetic.advisory.IgnoreRule;
import io.pyhermetic.advisory.License;
import io.pyhermetic.advisory.ReleaseVulnerabilities;
import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.index.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What {@code bom.json} adds from the advisory services: each dependency's licence, and the known
 * vulnerabilities as CycloneDX 1.6 VEX entries ({@code affects} by the components' {@code bom-ref},
 * {@code analysis.state} {@code exploitable}, or {@code not_affected} with the ignore rule's
 * justification for ignored ones).
 *
 * @param licenses by component purl
 * @param vulnerabilities one per vulnerability id, sorted by id
 */
public record SbomAdvisories(Map<String, License> licenses, List<Entry> vulnerabilities) {
  /**
   * Copies the licences, sorted by purl, and the vulnerabilities.
   *
   * @param licenses see {@link #licenses()}
   * @param vulnerabilities see {@link #vulnerabilities()}
   */
  public SbomAdvisories {
    licenses = java.util.Collections.unmodifiableMap(new TreeMap<>(licenses));
    vulnerabilities = List.copyOf(vulnerabilities);
  }

  /**
   * One vulnerability and the components it affects.
   *
   * @param affects the purls of the components it affects, sorted
   * @param ignoredBy the rule that ignores it, when it is ignored
   */
  public record Entry(
      Vulnerability vulnerability, List<String> affects, Optional<IgnoreRule> ignoredBy) {
    /**
     * Copies the purls, sorted.
     *
     * @param vulnerability see {@link #vulnerability()}
     * @param affects see {@link #affects()}
     * @param ignoredBy see {@link #ignoredBy()}
     */
    public Entry {
      affects = List.copyOf(new TreeSet<>(affects));
    }
  }

  /**
   * Nothing to add.
   *
   * @return no licences and no vulnerabilities
   */
  public static SbomAdvisories none() {
    return new SbomAdvisories(Map.of(), List.of());
  }

  /**
   * From an advisory report.
   *
   * @param purls each release's component purl
   * @param ignoreRule the rule that ignores a vulnerability, if any
   * @param report the advisory look-up's report
   * @return the licences and vulnerabilities of the components
   */
  public static SbomAdvisories of(
      AdvisoryReport report,
      Map<Release, String> purls,
      Function<Vulnerability, Optional<IgnoreRule>> ignoreRule) {
    Map<String, License> licenses = new LinkedHashMap<>();
    Map<String, Vulnerability> byId = new TreeMap<>();
    Map<String, List<String>> affects = new LinkedHashMap<>();
    for (ReleaseVulnerabilities r : report.releases()) {
      String purl = purls.get(r.release());
      if (purl == null) {
        continue;
      }
      r.license().ifPresent(l -> licenses.put(purl, l));
      List<Vulnerability> all = new ArrayList<>(r.findings());
      all.addAll(r.ignored());
      for (Vulnerability v : all) {
        byId.putIfAbsent(v.id(), v);
        affects.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(purl);
      }
    }
    List<Entry> entries = new ArrayList<>();
    byId.forEach((id, v) -> entries.add(new Entry(v, affects.get(id), ignoreRule.apply(v))));
    return new SbomAdvisories(licenses, entries);
  }

  /** Adds the {@code licenses} of the component {@code purl}, when known. */
  void writeLicense(ObjectNode component, String purl) {
    License license = licenses.get(purl);
    if (license == null) {
      return;
    }
    ArrayNode list = component.putArray("licenses");
    if (license.spdx()) {
      list.addObject().put("expression", license.value());
    } else {
      list.addObject().putObject("license").put("name", license.value());
    }
  }

  /** Adds the {@code vulnerabilities} array, when there are any. */
  void writeVulnerabilities(ObjectNode root) {
    if (vulnerabilities.isEmpty()) {
      return;
    }
    ArrayNode list = root.putArray("vulnerabilities");
    for (Entry e : vulnerabilities) {
      Vulnerability v = e.vulnerability();
      ObjectNode node = list.addObject();
      node.put("id", v.id());
      source(node.putObject("source"), v.id(), v.link());
      if (!v.aliases().isEmpty()) {
        ArrayNode references = node.putArray("references");
        for (String alias : v.aliases()) {
          ObjectNode ref = references.addObject();
          ref.put("id", alias);
          source(ref.putObject("source"), alias, Optional.empty());
        }
      }
      if (!v.ratings().isEmpty()) {
        ArrayNode ratings = node.putArray("ratings");
        for (Vulnerability.Rating rating : v.ratings()) {
          ObjectNode r = ratings.addObject();
          rating.severity().ifPresent(s -> r.put("severity", s));
          r.put("method", rating.method());
          rating.vector().ifPresent(vector -> r.put("vector", vector));
        }
      }
      v.summary().ifPresent(s -> node.put("description", s));
      v.details().ifPresent(d -> node.put("detail", d));
      if (!v.fixedIn().isEmpty()) {
        node.put("recommendation", "Upgrade to a fixed version: " + String.join(", ", v.fixedIn()));
      }
      v.link().ifPresent(link -> node.putArray("advisories").addObject().put("url", link));
      ObjectNode analysis = node.putObject("analysis");
      if (e.ignoredBy().isPresent()) {
        IgnoreRule rule = e.ignoredBy().get();
        analysis.put("state", "not_affected");
        rule.justification().ifPresent(j -> analysis.put("justification", j));
        analysis.put(
            "detail",
            "ignored by --ignore-vuln "
                + rule
                + rule.until().map(d -> " (until " + d + ")").orElse(""));
      } else {
        analysis.put("state", "exploitable");
      }
      ArrayNode affected = node.putArray("affects");
      e.affects().forEach(ref -> affected.addObject().put("ref", ref));
    }
  }

  /** OSV publishes every id it knows (its own, PYSEC, GHSA, CVE) under one URL form. */
  private static void source(ObjectNode source, String id, Optional<String> link) {
    source.put("name", "OSV");
    source.put("url", link.orElse("https://osv.dev/vulnerability/" + id));
  }
}
