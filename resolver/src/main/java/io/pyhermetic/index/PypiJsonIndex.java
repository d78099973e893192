package io.pyhermetic.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.index.internal.Json;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The PyPI JSON API ({@code /pypi/<project>/<version>/json}, {@code /pypi/<project>/json}). Names
 * are requested in their PEP 503 normalized form, so PyPI's 301 for other spellings is not needed.
 * This API is PyPI-specific; use {@link SimpleIndex} for other indexes. A response that is not the
 * JSON this API documents is an index failure, never read as a release without files: not JSON, or
 * without the key a look-up reads ({@code urls}, a list of files each with {@code filename}, {@code
 * url} and a {@code digests} object; {@code info}, an object; {@code releases}, an object).
 */
public final class PypiJsonIndex extends HttpIndex {
  /** PyPI's JSON API. */
  public static final String DEFAULT_BASE_URL = "https://pypi.org/pypi";

  private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");

  /** PyPI's JSON API with a default transport. */
  public PypiJsonIndex() {
    this(DEFAULT_BASE_URL);
  }

  /**
   * The JSON API at {@code baseUrl} (may carry {@code user:password@}), default settings.
   *
   * @param baseUrl the API's base URL
   */
  public PypiJsonIndex(String baseUrl) {
    this(baseUrl, IndexSettings.defaults());
  }

  /**
   * The JSON API at {@code baseUrl} with {@code settings}; {@link #close} releases connections.
   *
   * @param baseUrl the API's base URL
   * @param settings the index settings
   */
  public PypiJsonIndex(String baseUrl, IndexSettings settings) {
    this(baseUrl, new HttpTransport(settings.transportOptions(baseUrl)), true);
  }

  /** Over a shared transport that the caller closes. */
  PypiJsonIndex(String baseUrl, HttpTransport transport) {
    this(baseUrl, transport, false);
  }

  private PypiJsonIndex(String baseUrl, HttpTransport transport, boolean ownsTransport) {
    super(withoutTrailingSlashes(baseUrl), transport, ownsTransport);
  }

  private static String withoutTrailingSlashes(String baseUrl) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl");
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }

  @Override
  public CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
    String subject = project + "==" + version;
    String url = releaseUrl(project, version);
    return release(project, version).thenApply(root -> parseFiles(subject, url, root));
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(ProjectName project, Version version) {
    String subject = project + "==" + version;
    String url = releaseUrl(project, version);
    return release(project, version)
        .thenApply(
            root -> {
              requireObject(subject, url, root, "info");
              return parseMetadata(project, version, root);
            });
  }

  @Override
  public CompletableFuture<List<Version>> versionsAsync(ProjectName project) {
    String subject = project.toString();
    String url = baseUrl + "/" + project.canonical() + "/json";
    return transport
        .get(subject, url, HEADERS)
        .thenApply(
            response -> {
              check(subject, url, response, "no project " + project.canonical() + " on the index");
              JsonNode releases =
                  requireObject(subject, url, Json.parseObject(subject, response), "releases");
              LinkedHashSet<Version> versions = new LinkedHashSet<>();
              for (Iterator<String> it = releases.fieldNames(); it.hasNext(); ) {
                Version.tryParse(it.next()).ifPresent(versions::add);
              }
              List<Version> sorted = new ArrayList<>(versions);
              Version.sort(sorted);
              return List.copyOf(sorted);
            });
  }

  /**
   * The release's JSON document as the API sent it, for readers of the fields this class does not
   * model (advisories, licences). It is the request {@link #filesAsync} makes, through the same
   * transport: asked while that one is under way, both share it, and the response cache answers
   * both. Fails as {@link #filesAsync} does (a 404 is {@link IndexException#isNotFound()}).
   *
   * @param project the project
   * @param version the version
   * @return the JSON text, when it arrives
   */
  public CompletableFuture<String> releaseJsonAsync(ProjectName project, Version version) {
    return releaseResponse(project, version).thenApply(HttpTransport.Response::bodyText);
  }

  private CompletableFuture<JsonNode> release(ProjectName project, Version version) {
    String subject = project + "==" + version;
    return releaseResponse(project, version)
        .thenApply(response -> Json.parseObject(subject, response));
  }

  /** The release document's response, checked (a 404 says which release the index lacks). */
  private CompletableFuture<HttpTransport.Response> releaseResponse(
      ProjectName project, Version version) {
    String subject = project + "==" + version;
    String url = releaseUrl(project, version);
    return transport
        .get(subject, url, HEADERS)
        .thenApply(
            response -> {
              check(
                  subject,
                  url,
                  response,
                  "no release " + version + " of " + project.canonical() + " on the index");
              return response;
            });
  }

  private String releaseUrl(ProjectName project, Version version) {
    return baseUrl + "/" + project.canonical() + "/" + version + "/json";
  }

  private static void check(
      String subject, String url, HttpTransport.Response response, String notFound) {
    int status = response.status();
    if (status == 404 || status == 410) {
      throw new IndexException(subject, url, notFound, status, null);
    }
    if (status != 200) {
      throw new IndexException(subject, url, "unexpected HTTP " + status, status, null);
    }
  }

  /**
   * {@code root.field} as an object; a response without it is some other document (an error or
   * login page's JSON), not an answer, so it is an index failure rather than "no files".
   */
  private static JsonNode requireObject(String subject, String url, JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isObject()) {
      throw new IndexException(
          subject, url, "malformed JSON response: no \"" + field + "\" object", 200, null);
    }
    return node;
  }

  static List<ReleaseFile> parseFiles(String subject, String pageUrl, JsonNode root) {
    JsonNode urls = root.path("urls");
    if (!urls.isArray()) {
      throw new IndexException(
          subject, pageUrl, "malformed JSON response: no \"urls\" list", 200, null);
    }
    List<ReleaseFile> files = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      JsonNode entry = urls.get(i);
      Optional<String> filename = Json.text(entry, "filename");
      Optional<String> url = Json.text(entry, "url");
      if (!entry.isObject()
          || filename.isEmpty()
          || url.isEmpty()
          || !entry.path("digests").isObject()) {
        throw new IndexException(
            subject,
            pageUrl,
            "malformed JSON response: urls["
                + i
                + "] lacks a \"filename\", \"url\" or"
                + " \"digests\" object",
            200,
            null);
      }
      ReleaseFile.Builder file = ReleaseFile.builder(filename.get(), url.get());
      Json.text(entry.path("digests"), "sha256").ifPresent(file::sha256);
      Json.number(entry, "size").ifPresent(file::size);
      Json.text(entry, "requires_python").ifPresent(file::requiresPython);
      file.yanked(entry.path("yanked").asBoolean(false));
      Json.text(entry, "yanked_reason").ifPresent(file::yankedReason);
      Json.instant(entry, "upload_time_iso_8601")
          .or(() -> Json.instant(entry, "upload_time"))
          .ifPresent(file::uploadTime);
      JsonNode core = entry.path("core-metadata");
      if (core.isObject()) {
        file.coreMetadata(true);
        Json.text(core, "sha256").ifPresent(file::coreMetadataSha256);
      } else {
        file.coreMetadata(core.asBoolean(false));
      }
      files.add(file.build());
    }
    files.sort(Comparator.comparing(ReleaseFile::filename));
    return List.copyOf(files);
  }

  static ReleaseMetadata parseMetadata(ProjectName project, Version version, JsonNode root) {
    JsonNode info = root.path("info");
    ProjectName name =
        Json.text(info, "name").filter(ProjectName::isValid).map(ProjectName::of).orElse(project);
    Version v = Json.text(info, "version").flatMap(Version::tryParse).orElse(version);
    List<String> requires = new ArrayList<>();
    for (JsonNode r : info.path("requires_dist")) {
      if (r.isTextual() && !r.asText().isBlank()) {
        requires.add(r.asText());
      }
    }
    return new ReleaseMetadata(
        name,
        v,
        requires,
        Json.text(info, "requires_python"),
        ReleaseMetadata.Source.JSON_API,
        Optional.empty());
  }

  @Override
  public String toString() {
    return "PypiJsonIndex[" + io.pyhermetic.text.Redaction.redact(baseUrl) + "]";
  }
}
