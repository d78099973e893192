package io.pyhermetic.reqfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.testdata.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against pip 23.2.1's own parser (vectors from {@code
 * testdata/generator/generate_reqfile_vectors.py}): the same verdict on every case, and for every
 * entry the same line, name, specifier, extras, marker, URL, hashes and flags.
 */
class RequirementsFileParserTest {

  /**
   * Cases where pip 23.2.1 (which bundles packaging 21.3) and pyhermetic (packaging 26 rules, pip
   * 25 decoding) disagree on purpose. Each is listed in core/DEVIATIONS.md.
   */
  static final Map<String, String> DEVIATIONS =
      Map.of(
          "req-legacy-spec",
              "packaging 22+ has no legacy specifiers: foo>=1.0-beta_weird is rejected",
          "req-local-with-ge", "packaging 22+ rejects a local label with >=",
          "req-trailing-comma", "packaging 26 accepts a trailing comma in a specifier",
          "req-pep508-url-bad", "packaging 23.2+ does not validate the URL of name @ url",
          "enc-utf32-le-bom",
              "pip 25 reads a UTF-32-LE BOM correctly; pip 23 misreads it as UTF-16");

  @TempDir Path temp;

  @Test
  void agreesWithPipOnEveryOracleCase() throws IOException {
    List<Vectors.Case> cases = loadCases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(140);
    List<String> failures = new ArrayList<>();
    int index = 0;
    for (Vectors.Case c : cases) {
      JsonNode input = c.node().get("case");
      String id = input.get("id").asText();
      Path work =
          Files.createDirectories(temp.resolve("case" + index++).resolve("req_oracle_work"));
      String failure = runCase(input, c.expect(), work);
      if (DEVIATIONS.containsKey(id)) {
        boolean pipOk = c.expect().get("ok").asBoolean();
        boolean ours = acceptedBy(input, work);
        if (ours == pipOk) {
          failures.add(id + ": documented deviation no longer holds (" + DEVIATIONS.get(id) + ")");
        }
      } else if (failure != null) {
        failures.add(id + ": " + failure);
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void agreesWithPipOnTheCorpus() {
    List<Vectors.Case> corpus =
        Vectors.loadResource("/io/pyhermetic/testdata/reqfile/corpus.jsonl");
    assertThat(corpus).hasSize(4);
    for (Vectors.Case c : corpus) {
      String name = c.node().get("file").asText();
      RequirementsFile parsed =
          new RequirementsFileParser().withEnvironment(Map.of()).parse(CorpusFiles.path(name));
      String failure =
          compareEntries(
              c.expect().get("entries"),
              parsed.allEntries(),
              CorpusFiles.path(name).getParent().toString(),
              "");
      assertThat(failure).as(name).isNull();
      assertThat(parsed.options().indexUrls())
          .as(name)
          .isEqualTo(strings(c.expect().get("finder").get("index_urls")));
      assertThat(parsed.hashMode()).isEqualTo(c.expect().get("require_hashes").asBoolean());
    }
  }

  private static List<Vectors.Case> loadCases() {
    return Vectors.loadResource("/io/pyhermetic/testdata/reqfile/req-cases.jsonl");
  }

  private boolean acceptedBy(JsonNode input, Path work) {
    try {
      parse(input, work);
      return true;
    } catch (RequirementsFileException e) {
      return false;
    }
  }

  private RequirementsFile parse(JsonNode input, Path work) {
    String main = input.has("main") ? input.get("main").asText() : "requirements.txt";
    clear(work);
    write(
        work.resolve(main),
        input.has("content_b64")
            ? Base64.getDecoder().decode(input.get("content_b64").asText())
            : input.path("content").asText("").getBytes(StandardCharsets.UTF_8));
    if (input.has("files")) {
      Iterator<Map.Entry<String, JsonNode>> files = input.get("files").fields();
      while (files.hasNext()) {
        Map.Entry<String, JsonNode> f = files.next();
        Path target = work.resolve(f.getKey());
        JsonNode value = f.getValue();
        if (value.isObject() && value.path("dir").asBoolean()) {
          createDirectories(target);
        } else if (value.isObject() && value.has("b64")) {
          write(target, Base64.getDecoder().decode(value.get("b64").asText()));
        } else {
          write(target, value.asText().getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    Map<String, String> env = new HashMap<>();
    if (input.has("env")) {
      input.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    RequirementsFileParser parser =
        new RequirementsFileParser().withEnvironment(env).withWorkingDirectory(work);
    Path file = work.resolve(main);
    return input.path("constraint").asBoolean()
        ? parser.parseConstraints(file)
        : parser.parse(file);
  }

  private String runCase(JsonNode input, JsonNode expect, Path work) {
    RequirementsFile parsed;
    try {
      parsed = parse(input, work);
    } catch (RequirementsFileException e) {
      return expect.get("ok").asBoolean() ? "rejected: " + e.getMessage() : null;
    }
    if (!expect.get("ok").asBoolean()) {
      return "accepted, pip said: " + expect.path("error").asText();
    }
    String workdir = work.toString();
    String failure =
        compareEntries(
            expect.get("entries"), parsed.allEntries(), workdir, work.getParent().toString());
    if (failure != null) {
      return failure;
    }
    JsonNode finder = expect.get("finder");
    GlobalOptions options = parsed.options();
    return first(
        diff("index_urls", strings(finder.get("index_urls")), options.indexUrls()),
        diff("no_index", finder.get("no_index").asBoolean(), options.noIndex()),
        diff(
            "find_links",
            replace(strings(finder.get("find_links")), workdir, work.getParent().toString()),
            options.findLinks()),
        diff(
            "no_binary",
            new TreeSet<>(strings(finder.get("format_control").get("no_binary"))),
            options.noBinary()),
        diff(
            "only_binary",
            new TreeSet<>(strings(finder.get("format_control").get("only_binary"))),
            options.onlyBinary()),
        diff("pre", finder.get("allow_all_prereleases").asBoolean(), options.pre()),
        diff("prefer_binary", finder.get("prefer_binary").asBoolean(), options.preferBinary()),
        diff("trusted_hosts", strings(finder.get("trusted_hosts")), options.trustedHosts()),
        diff("require_hashes", expect.get("require_hashes").asBoolean(), parsed.hashMode()));
  }

  static String compareEntries(
      JsonNode expected, List<Entry> actual, String workdir, String parent) {
    if (expected.size() != actual.size()) {
      List<String> ours = new ArrayList<>();
      actual.forEach(e -> ours.add(e.requirementText()));
      return "expected " + expected.size() + " entries, got " + actual.size() + ": " + ours;
    }
    for (int i = 0; i < actual.size(); i++) {
      JsonNode e = expected.get(i);
      Entry a = actual.get(i);
      List<String> extras = new ArrayList<>();
      a.extras().forEach(x -> extras.add(safeExtra(x)));
      extras.sort(null);
      Map<String, List<String>> hashes = new TreeMap<>();
      e.get("hashes").fields().forEachRemaining(h -> hashes.put(h.getKey(), strings(h.getValue())));
      String failure =
          first(
              diff("line", e.get("line").asInt(), a.line()),
              diff(
                  "name",
                  text(e, "name_normalized"),
                  a.name().map(n -> n.canonical()).orElse(null)),
              diff(
                  "specifier",
                  text(e, "specifier"),
                  a.requirement().map(r -> r.specifier().toString()).orElse(null)),
              diff("extras", new TreeSet<>(strings(e.get("extras"))), new TreeSet<>(extras)),
              diff("marker", text(e, "marker"), a.marker().map(Object::toString).orElse(null)),
              diff("url", replace(text(e, "url"), workdir, parent), a.link().orElse(null)),
              diff("hashes", hashes, new TreeMap<>(a.hashes())),
              diff("editable", e.get("editable").asBoolean(), a.isEditable()),
              diff("constraint", e.get("is_constraint").asBoolean(), a.isConstraint()),
              diff("pinned", e.get("is_pinned").asBoolean(), a.isPinned()));
      if (failure != null) {
        return "entry " + i + " (" + a.requirementText() + "): " + failure;
      }
    }
    return null;
  }

  /** pip 23.2.1 stores extras through setuptools' safe_extra. */
  static String safeExtra(String extra) {
    return extra.replaceAll("[^A-Za-z0-9.-]+", "_").toLowerCase(java.util.Locale.ROOT);
  }

  private static String replace(String value, String workdir, String parent) {
    return value == null
        ? null
        : value
            .replace("${WORKDIR_PARENT}", parent)
            .replace("${WORKDIR}", workdir)
            .replace("${DIR}", workdir);
  }

  private static List<String> replace(List<String> values, String workdir, String parent) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(replace(v, workdir, parent)));
    return out;
  }

  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String diff(String what, Object expected, Object actual) {
    return Objects.equals(expected, actual)
        ? null
        : what + ": pip <" + expected + "> ours <" + actual + ">";
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void clear(Path work) {
    // each case gets its own directory; nothing to clear
  }
}
