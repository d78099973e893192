package io.pyhermetic.advisory.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.advisory.License;
import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.index.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code vulnerabilities} and the licence fields of PyPI's JSON API for each release, read from
 * the document the index fetches for the release's files (one request for both).
 */
public final class PypiAdvisories {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PypiJsonIndex index;

  /**
   * Advisories read through {@code index}, sharing its requests and cache.
   *
   * @param index PyPI's JSON API
   */
  public PypiAdvisories(PypiJsonIndex index) {
    this.index = index;
  }

  /**
   * Asks for every release at once.
   *
   * @param releases the releases
   * @return the answer
   */
  public CompletableFuture<SourceAnswer> lookup(List<Release> releases) {
    Map<Release, CompletableFuture<String>> started = new LinkedHashMap<>();
    for (Release r : releases) {
      started.put(r, index.releaseJsonAsync(r.name(), r.version()));
    }
    return CompletableFuture.allOf(started.values().toArray(new CompletableFuture<?>[0]))
        .handle((ok, error) -> null)
        .thenApply(
            ignored -> {
              Map<Release, List<Vulnerability>> found = new LinkedHashMap<>();
              Map<Release, License> licenses = new LinkedHashMap<>();
              Map<Release, String> failures = new LinkedHashMap<>();
              started.forEach(
                  (release, future) -> {
                    try {
                      JsonNode root = read(future.join());
                      found.put(release, vulnerabilities(root));
                      license(root).ifPresent(l -> licenses.put(release, l));
                    } catch (RuntimeException e) {
                      failures.put(release, "pypi: " + Futures.unwrap(e).getMessage());
                    }
                  });
              return new SourceAnswer(found, licenses, failures);
            });
  }

  private static JsonNode read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("malformed JSON response: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("malformed JSON response: expected an object");
    }
    JsonNode list = root.get("vulnerabilities");
    if (list != null && !list.isArray() && !list.isNull()) {
      throw new IllegalArgumentException(
          "malformed JSON response: \"vulnerabilities\" is not a list");
    }
    return root;
  }

  /** The release's advisories, withdrawn ones included, in the order given. */
  static List<Vulnerability> vulnerabilities(JsonNode root) {
    List<Vulnerability> out = new ArrayList<>();
    for (JsonNode v : root.path("vulnerabilities")) {
      Optional<String> id = Json.text(v, "id");
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            "malformed JSON response: a vulnerability without an \"id\"");
      }
      out.add(
          new Vulnerability(
              id.get(),
              strings(v.path("aliases")),
              Json.text(v, "summary").map(String::strip).filter(s -> !s.isEmpty()),
              Json.text(v, "details").map(String::strip).filter(s -> !s.isEmpty()),
              Json.text(v, "link"),
              List.of("pypi"),
              strings(v.path("fixed_in")),
              withdrawn(v),
              List.of()));
    }
    return out;
  }

  /** An RFC 3339 time, or (leniently) any other non-empty value, means withdrawn. */
  private static Optional<java.time.Instant> withdrawn(JsonNode v) {
    JsonNode w = v.get("withdrawn");
    if (w == null || w.isNull() || (w.isTextual() && w.asText().isBlank())) {
      return Optional.empty();
    }
    if (w.isBoolean() && !w.asBoolean()) {
      return Optional.empty();
    }
    return Optional.of(Json.instant(v, "withdrawn").orElse(java.time.Instant.EPOCH));
  }

  static Optional<License> license(JsonNode root) {
    JsonNode info = root.path("info");
    return License.of(
        Json.text(info, "license_expression"),
        Json.text(info, "license"),
        strings(info.path("classifiers")));
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (n.isTextual() && !n.asText().isBlank()) {
        out.add(n.asText().strip());
      }
    }
    return out;
  }
}
