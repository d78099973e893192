package io.pyhermetic.advisory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.index.internal.Json;
import io.pyhermetic.index.internal.ResponseCache;
import io.pyhermetic.index.internal.TransportOptions;
import io.pyhermetic.requirement.ProjectName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * OSV's API: {@code POST /v1/querybatch} with one query per release (in batches, each batch one
 * request, all at once; further pages asked for by their {@code page_token}), then {@code GET
 * /v1/vulns/<id>} once per advisory found, through one transport with the index settings' limits,
 * retries and response cache.
 */
public final class OsvClient implements AutoCloseable {
  /** OSV's public API. */
  public static final String DEFAULT_BASE_URL = "https://api.osv.dev";

  /** Queries per request; OSV accepts up to 1000. */
  static final int BATCH = 500;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");

  private final String baseUrl;
  private final HttpTransport transport;

  /**
   * A client of the OSV service at {@code baseUrl}.
   *
   * @param baseUrl OSV's base URL
   * @param settings the index settings whose limits and cache it uses
   */
  public OsvClient(String baseUrl, IndexSettings settings) {
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.baseUrl = base;
    this.transport =
        new HttpTransport(
            TransportOptions.defaults()
                .withMaxConcurrency(settings.maxConcurrency())
                .withTimeouts(settings.connectTimeout(), settings.responseTimeout())
                .withMaxTries(settings.maxTries())
                .withMaxBodyBytes(settings.maxBodyBytes())
                .withCache(
                    settings
                        .cacheDirectory()
                        .map(
                            dir ->
                                new ResponseCache.Settings(
                                    dir, settings.cacheMaxAge(), settings.offline()))));
  }

  /**
   * Asks about every release; failures are per release, never thrown.
   *
   * @param releases the releases
   * @return the answer
   */
  public CompletableFuture<SourceAnswer> lookup(List<Release> releases) {
    List<CompletableFuture<Map<Release, Object>>> batches = new ArrayList<>();
    for (int i = 0; i < releases.size(); i += BATCH) {
      batches.add(ids(releases.subList(i, Math.min(releases.size(), i + BATCH))));
    }
    return CompletableFuture.allOf(batches.toArray(new CompletableFuture<?>[0]))
        .thenCompose(
            done -> {
              // per release: its advisory ids, or the failure's message
              Map<Release, Object> idsOrFailure = new LinkedHashMap<>();
              batches.forEach(b -> idsOrFailure.putAll(b.join()));
              Set<String> all = new LinkedHashSet<>();
              idsOrFailure.values().stream()
                  .filter(v -> v instanceof List<?>)
                  .forEach(v -> ((List<?>) v).forEach(id -> all.add((String) id)));
              Map<String, CompletableFuture<JsonNode>> records = new LinkedHashMap<>();
              all.forEach(id -> records.put(id, record(id)));
              return CompletableFuture.allOf(records.values().toArray(new CompletableFuture<?>[0]))
                  .handle((ok, error) -> answer(idsOrFailure, records));
            });
  }

  private SourceAnswer answer(
      Map<Release, Object> idsOrFailure, Map<String, CompletableFuture<JsonNode>> records) {
    Map<Release, List<Vulnerability>> found = new LinkedHashMap<>();
    Map<Release, String> failures = new LinkedHashMap<>();
    idsOrFailure.forEach(
        (release, value) -> {
          if (value instanceof String failure) {
            failures.put(release, failure);
            return;
          }
          List<Vulnerability> list = new ArrayList<>();
          for (Object id : (List<?>) value) {
            try {
              list.add(vulnerability(records.get(id).join(), release.name()));
            } catch (RuntimeException e) {
              failures.put(release, "osv: " + Futures.unwrap(e).getMessage());
              return;
            }
          }
          found.put(release, list);
        });
    return new SourceAnswer(found, Map.of(), failures);
  }

  /** One batch: per release, its advisory ids (a {@code List<String>}) or the failure message. */
  private CompletableFuture<Map<Release, Object>> ids(List<Release> batch) {
    Map<Release, Object> out = new LinkedHashMap<>();
    batch.forEach(r -> out.put(r, new ArrayList<String>()));
    Map<Release, Optional<String>> pending = new LinkedHashMap<>();
    batch.forEach(r -> pending.put(r, Optional.empty()));
    return page(pending, out);
  }

  @SuppressWarnings("unchecked")
  private CompletableFuture<Map<Release, Object>> page(
      Map<Release, Optional<String>> pending, Map<Release, Object> out) {
    List<Release> asked = new ArrayList<>(pending.keySet());
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode queries = body.putArray("queries");
    for (Release r : asked) {
      ObjectNode q = queries.addObject();
      q.putObject("package").put("name", r.name().canonical()).put("ecosystem", "PyPI");
      q.put("version", r.version().toString());
      pending.get(r).ifPresent(token -> q.put("page_token", token));
    }
    String url = baseUrl + "/v1/querybatch";
    String subject = asked.size() == 1 ? asked.get(0).toString() : asked.size() + " releases";
    byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
    return transport
        .post(subject, url, Map.of("Accept", "application/json"), json, "application/json")
        .handle(
            (response, error) -> {
              Map<Release, Optional<String>> next = new LinkedHashMap<>();
              try {
                if (error != null) {
                  throw Futures.unwrap(error);
                }
                if (response.status() != 200) {
                  throw new IndexException(
                      subject,
                      url,
                      "unexpected HTTP " + response.status(),
                      response.status(),
                      null);
                }
                JsonNode results = Json.parseObject(subject, response).path("results");
                if (!results.isArray() || results.size() != asked.size()) {
                  throw new IndexException(
                      subject,
                      url,
                      "malformed OSV response: expected " + asked.size() + " results",
                      200,
                      null);
                }
                for (int i = 0; i < asked.size(); i++) {
                  JsonNode result = results.get(i);
                  List<String> ids = (List<String>) out.get(asked.get(i));
                  for (JsonNode v : result.path("vulns")) {
                    Json.text(v, "id").filter(id -> !ids.contains(id)).ifPresent(ids::add);
                  }
                  Release release = asked.get(i);
                  Json.text(result, "next_page_token")
                      .ifPresent(token -> next.put(release, Optional.of(token)));
                }
              } catch (RuntimeException e) {
                String message = "osv: " + e.getMessage();
                asked.forEach(r -> out.put(r, message));
                return CompletableFuture.completedFuture(out);
              }
              return next.isEmpty() ? CompletableFuture.completedFuture(out) : page(next, out);
            })
        .thenCompose(f -> f);
  }

  private CompletableFuture<JsonNode> record(String id) {
    String url = baseUrl + "/v1/vulns/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
    return transport
        .get(id, url, HEADERS)
        .thenApply(
            response -> {
              if (response.status() != 200) {
                throw new IndexException(
                    id, url, "unexpected HTTP " + response.status(), response.status(), null);
              }
              return Json.parseObject(id, response);
            });
  }

  /** An OSV record as the advisory of {@code project}: its fix versions are that project's. */
  static Vulnerability vulnerability(JsonNode record, ProjectName project) {
    String id =
        Json.text(record, "id")
            .orElseThrow(() -> new IllegalArgumentException("an OSV record without an \"id\""));
    List<String> fixed = new ArrayList<>();
    for (JsonNode affected : record.path("affected")) {
      JsonNode pkg = affected.path("package");
      boolean ours =
          Json.text(pkg, "ecosystem").filter(e -> e.equalsIgnoreCase("PyPI")).isPresent()
              && Json.text(pkg, "name")
                  .filter(ProjectName::isValid)
                  .map(n -> ProjectName.of(n).canonical().equals(project.canonical()))
                  .orElse(false);
      if (!ours) {
        continue;
      }
      for (JsonNode range : affected.path("ranges")) {
        if (!Json.text(range, "type").orElse("").equals("GIT")) {
          for (JsonNode event : range.path("events")) {
            Json.text(event, "fixed").ifPresent(fixed::add);
          }
        }
      }
    }
    return new Vulnerability(
        id,
        PypiAdvisories.strings(record.path("aliases")),
        Json.text(record, "summary").map(String::strip).filter(s -> !s.isEmpty()),
        Json.text(record, "details").map(String::strip).filter(s -> !s.isEmpty()),
        Optional.of("https://osv.dev/vulnerability/" + id),
        List.of("osv"),
        fixed,
        Json.instant(record, "withdrawn"),
        ratings(record));
  }

  /** CVSS vectors from {@code severity}, and GitHub's word from {@code database_specific}. */
  static List<Vulnerability.Rating> ratings(JsonNode record) {
    Optional<String> word =
        Json.text(record.path("database_specific"), "severity")
            .map(s -> s.toLowerCase(Locale.ROOT))
            .map(s -> s.equals("moderate") ? "medium" : s)
            .filter(s -> List.of("critical", "high", "medium", "low").contains(s));
    List<Vulnerability.Rating> out = new ArrayList<>();
    for (JsonNode s : record.path("severity")) {
      Optional<String> vector = Json.text(s, "score");
      String type = Json.text(s, "type").orElse("");
      String method =
          switch (type) {
            case "CVSS_V2" -> "CVSSv2";
            case "CVSS_V3" ->
                vector.filter(v -> v.startsWith("CVSS:3.1/")).isPresent() ? "CVSSv31" : "CVSSv3";
            case "CVSS_V4" -> "CVSSv4";
            default -> "other";
          };
      out.add(new Vulnerability.Rating(method, vector, word));
    }
    if (out.isEmpty() && word.isPresent()) {
      out.add(new Vulnerability.Rating("other", Optional.empty(), word));
    }
    return out;
  }

  @Override
  public void close() {
    transport.close();
  }
}
