package io.pyhermetic.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.advisory.ReleaseVulnerabilities;
import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.error.Location;
import io.pyhermetic.text.JsonText;
import io.pyhermetic.text.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The audit's known vulnerabilities as SARIF 2.1.0, for code-scanning views: one rule per
 * vulnerability, one result per finding and place the pin is written (a pin on several lines of the
 * targets' files gets one result per line, naming its targets). A service that did not answer for
 * some pin makes the run's invocation unsuccessful, with one notification per pin.
 */
public final class SarifRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The schema the document names. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifRenderer() {}

  /**
   * With this library's version as the tool's.
   *
   * @param report the report
   * @param shown the packages to report
   * @return the SARIF JSON text
   */
  public static String sarif(AuditReport report, List<PackageAudit> shown) {
    return sarif(report, shown, io.pyhermetic.index.internal.HttpTransport.LIBRARY_VERSION);
  }

  /**
   * @param report the report
   * @param shown the packages to report
   * @param toolVersion this library's version, as the tool's driver names it
   * @return the SARIF JSON text
   */
  public static String sarif(AuditReport report, List<PackageAudit> shown, String toolVersion) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pyhermetic");
    driver.put("version", toolVersion);
    Map<String, Vulnerability> rules = new TreeMap<>();
    ArrayNode results = MAPPER.createArrayNode();
    List<String> notifications = new ArrayList<>();
    for (PackageAudit p : shown) {
      Optional<ReleaseVulnerabilities> found = report.vulnerabilitiesOf(p);
      if (found.isEmpty()) {
        continue;
      }
      ReleaseVulnerabilities v = found.get();
      String pin = p.name() + " " + p.version();
      v.failures().forEach(f -> notifications.add(pin + ": " + Redaction.redact(f)));
      Map<Location, List<String>> places = new LinkedHashMap<>();
      p.targets()
          .forEach((t, r) -> places.computeIfAbsent(r.location(), k -> new ArrayList<>()).add(t));
      for (Vulnerability f : v.findings()) {
        rules.putIfAbsent(f.id(), f);
        places.forEach((location, targets) -> result(results, p, v, f, location, targets));
      }
    }
    ArrayNode ruleNodes = driver.putArray("rules");
    rules.values().forEach(f -> rule(ruleNodes.addObject(), f));
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", notifications.isEmpty());
    if (!notifications.isEmpty()) {
      ArrayNode list = invocation.putArray("toolExecutionNotifications");
      for (String n : notifications) {
        ObjectNode note = list.addObject();
        note.put("level", "error");
        note.putObject("message").put("text", "vulnerabilities unknown: " + n);
      }
    }
    run.set("results", results);
    return JsonText.pretty(root);
  }

  private static void rule(ObjectNode node, Vulnerability f) {
    node.put("id", f.id());
    node.putObject("shortDescription")
        .put("text", VulnerabilityRenderer.summaryOf(f).orElse(f.id()));
    f.details().ifPresent(d -> node.putObject("fullDescription").put("text", d));
    f.link().ifPresent(l -> node.put("helpUri", l));
    ObjectNode properties = node.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security");
    tags.add("vulnerability");
    if (!f.aliases().isEmpty()) {
      ArrayNode aliases = properties.putArray("aliases");
      f.aliases().forEach(aliases::add);
    }
  }

  private static void result(
      ArrayNode results,
      PackageAudit p,
      ReleaseVulnerabilities v,
      Vulnerability f,
      Location location,
      List<String> targets) {
    ObjectNode r = results.addObject();
    r.put("ruleId", f.id());
    r.put("level", level(f));
    String fix =
        f.fixedIn().isEmpty() ? "no fix is known" : "fixed in " + String.join(", ", f.fixedIn());
    String upgrade =
        v.fixVersion().map(x -> "; " + x + " fixes every finding of this pin").orElse("");
    r.putObject("message")
        .put(
            "text",
            p.name()
                + " "
                + p.version()
                + " ["
                + String.join(", ", targets)
                + "] has "
                + VulnerabilityRenderer.describe(f)
                + " ("
                + fix
                + upgrade
                + ")");
    ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(location.source()));
    physical.putObject("region").put("startLine", Math.max(1, location.line()));
    ObjectNode properties = r.putObject("properties");
    properties.put("package", p.name());
    properties.put("version", p.version());
    ArrayNode ts = properties.putArray("targets");
    targets.forEach(ts::add);
    r.putObject("partialFingerprints").put("pin/v1", p.name() + "==" + p.version() + ":" + f.id());
  }

  /** {@code error} for critical and high ratings, {@code note} for low, else {@code warning}. */
  private static String level(Vulnerability f) {
    List<String> severities =
        f.ratings().stream().map(Vulnerability.Rating::severity).flatMap(Optional::stream).toList();
    if (severities.contains("critical") || severities.contains("high")) {
      return "error";
    }
    if (!severities.isEmpty() && severities.stream().allMatch("low"::equals)) {
      return "note";
    }
    return "warning";
  }

  /** A file path as a relative URI reference (forward slashes, escaped). */
  private static String uri(String path) {
    String slashed = Redaction.redact(path).replace('\\', '/');
    try {
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      return slashed;
    }
  }
}
