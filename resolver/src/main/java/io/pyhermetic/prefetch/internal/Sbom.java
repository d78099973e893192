package io.pyhermetic.prefetch.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.text.JsonText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code bom.json}: the CycloneDX 1.6 SBOM Hermeto's {@code fetch-deps} writes for pip, with this
 * library named as the tool, the annotator and the {@code found_by} value.
 */
public final class Sbom {
  /** The tool, annotator and {@code hermeto:found_by} value. */
  public static final String TOOL = "pyhermetic";

  /** PyPI's simple index: a dependency from any other index gets a {@code repository_url}. */
  private static final String PYPI_SIMPLE = stripSlash(SimpleIndex.DEFAULT_BASE_URL);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Sbom() {}

  /** One CycloneDX property. */
  public record Property(String name, String value) {
    /**
     * Checks that both parts are given.
     *
     * @param name see {@link #name()}
     * @param value see {@link #value()}
     */
    public Property {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * One component before it is merged with the others of the same purl.
   *
   * @param name the name (as written for a main package, canonical for a dependency)
   * @param version the version as written, if any
   * @param purl the package URL, also the {@code bom-ref}
   * @param binary whether a wheel of it was downloaded
   * @param buildDependency whether it comes from a build requirements file
   * @param missingHashIn the requirements files (relative to the source root) that list it without
   *     a {@code --hash}
   */
  public record Component(
      String name,
      Optional<String> version,
      String purl,
      boolean binary,
      boolean buildDependency,
      SortedSet<String> missingHashIn) {

    /**
     * Checks the parts and copies the files.
     *
     * @param name see {@link #name()}
     * @param version see {@link #version()}
     * @param purl see {@link #purl()}
     * @param binary see {@link #binary()}
     * @param buildDependency see {@link #buildDependency()}
     * @param missingHashIn see {@link #missingHashIn()}
     */
    public Component {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(purl, "purl");
      missingHashIn = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(missingHashIn));
    }

    /**
     * A main package: no properties but {@code found_by}.
     *
     * @param main the package
     * @return its component
     */
    public static Component main(MainPackage main) {
      return new Component(main.name(), main.version(), main.purl(), false, false, new TreeSet<>());
    }

    /**
     * A pinned dependency from an index.
     *
     * @param repositoryUrl the index, when it is not PyPI's simple index (compared without a final
     *     slash), as the {@code repository_url} qualifier
     * @param canonicalName the project's canonical name
     * @param version the pinned version as written
     * @param binary whether a wheel was selected for it
     * @param buildDependency whether it comes from a build requirements file
     * @param missingHashIn the requirements file that pins it without hashes, if it does
     * @return its component
     */
    public static Component dependency(
        String canonicalName,
        String version,
        Optional<String> repositoryUrl,
        boolean binary,
        boolean buildDependency,
        Optional<String> missingHashIn) {
      java.util.TreeMap<String, String> qualifiers = new java.util.TreeMap<>();
      repositoryUrl
          .filter(u -> !stripSlash(u).equals(PYPI_SIMPLE))
          .ifPresent(u -> qualifiers.put("repository_url", u));
      return new Component(
          canonicalName,
          Optional.of(version),
          Purl.pypi(canonicalName, Optional.of(version), qualifiers, Optional.empty()),
          binary,
          buildDependency,
          missingHashIn.map(f -> new TreeSet<>(List.of(f))).orElseGet(TreeSet::new));
    }

    /**
     * This component merged with another of the same purl, as Hermeto merges property sets: binary
     * OR-ed, build dependency AND-ed (a package also needed at run time is not a build dependency),
     * the files without hashes united.
     *
     * @param other a component of the same purl
     * @return the merged component
     * @throws IllegalArgumentException when the purls differ
     */
    public Component merge(Component other) {
      if (!purl.equals(other.purl)) {
        throw new IllegalArgumentException("different purls: " + purl + ", " + other.purl);
      }
      SortedSet<String> files = new TreeSet<>(missingHashIn);
      files.addAll(other.missingHashIn);
      return new Component(
          name,
          version,
          purl,
          binary || other.binary,
          buildDependency && other.buildDependency,
          files);
    }

    /**
     * Its properties, sorted by name then value.
     *
     * @return the {@code hermeto:} properties
     */
    public List<Property> properties() {
      List<Property> out = new ArrayList<>();
      out.add(new Property("hermeto:found_by", TOOL));
      missingHashIn.forEach(f -> out.add(new Property("hermeto:missing_hash:in_file", f)));
      if (binary) {
        out.add(new Property("hermeto:pip:package:binary", "true"));
      }
      if (buildDependency) {
        out.add(new Property("hermeto:pip:package:build-dependency", "true"));
      }
      out.sort(Comparator.comparing(Property::name).thenComparing(Property::value));
      return out;
    }
  }

  /**
   * The components de-duplicated by purl (merging each group) and sorted by purl.
   *
   * @param components the components, in any order
   * @return one per purl
   */
  public static List<Component> merged(List<Component> components) {
    Map<String, Component> byPurl = new LinkedHashMap<>();
    for (Component c : components) {
      byPurl.merge(c.purl(), c, Component::merge);
    }
    List<Component> out = new ArrayList<>(byPurl.values());
    out.sort(Comparator.comparing(Component::purl));
    return out;
  }

  /**
   * The document: CycloneDX 1.6 with the merged components and one {@code hermeto:backend:pip}
   * annotation naming them all; two-space indentation, LF line ends, a final newline.
   *
   * @param toolVersion this library's version
   * @param timestamp when the annotation was made (written to the second, in UTC)
   * @param components every component, merged here
   * @return the JSON text
   */
  public static String json(List<Component> components, String toolVersion, Instant timestamp) {
    return json(components, SbomAdvisories.none(), toolVersion, timestamp);
  }

  /**
   * The document with the licences and known vulnerabilities of {@code advisories}.
   *
   * @param components every component, merged here
   * @param advisories the licences and vulnerabilities to record
   * @param toolVersion this library's version
   * @param timestamp when the annotation was made
   * @return the JSON text
   */
  public static String json(
      List<Component> components,
      SbomAdvisories advisories,
      String toolVersion,
      Instant timestamp) {
    List<Component> all = merged(components);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("bomFormat", "CycloneDX");
    root.put("specVersion", "1.6");
    root.put("version", 1);
    ObjectNode tool = root.putObject("metadata").putArray("tools").addObject();
    tool.put("name", TOOL);
    tool.put("version", toolVersion);
    ArrayNode list = root.putArray("components");
    for (Component c : all) {
      ObjectNode node = list.addObject();
      node.put("bom-ref", c.purl());
      node.put("type", "library");
      node.put("name", c.name());
      c.version().ifPresent(v -> node.put("version", v));
      node.put("purl", c.purl());
      advisories.writeLicense(node, c.purl());
      ArrayNode properties = node.putArray("properties");
      for (Property p : c.properties()) {
        properties.addObject().put("name", p.name()).put("value", p.value());
      }
    }
    ObjectNode annotation = root.putArray("annotations").addObject();
    ArrayNode subjects = annotation.putArray("subjects");
    all.forEach(c -> subjects.add(c.purl()));
    annotation.putObject("annotator").putObject("organization").put("name", TOOL);
    annotation.put(
        "timestamp",
        DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.SECONDS)));
    annotation.put("text", "hermeto:backend:pip");
    advisories.writeVulnerabilities(root);
    return write(root);
  }

  private static String write(ObjectNode node) {
    return JsonText.pretty(node);
  }

  private static String stripSlash(String url) {
    String u = url;
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
