package io.pyhermetic.index.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed project page of a simple repository: PEP 691 JSON or PEP 503 HTML.
 *
 * @param files every file listed, in page order
 * @param versions the page's own {@code versions} list (JSON ≥ 1.1), else empty
 */
public record SimplePage(List<ReleaseFile> files, List<String> versions) {
  public static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

  private static final Pattern ANCHOR =
      Pattern.compile("<a\\b([^>]*)>(.*?)</a\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern BASE =
      Pattern.compile("<base\\b([^>]*)>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?", Pattern.DOTALL);
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

  /** Parses {@code response} according to its {@code Content-Type}. */
  public static SimplePage parse(String subject, HttpTransport.Response response) {
    String type = response.mediaType();
    if (type.equals(JSON_TYPE) || type.equals("application/json")) {
      return parseJson(subject, response);
    }
    return parseHtml(response.uri(), response.bodyText());
  }

  static SimplePage parseJson(String subject, HttpTransport.Response response) {
    JsonNode root = Json.parseObject(subject, response);
    URI page = response.uri();
    String apiVersion = Json.text(root.path("meta"), "api-version").orElse("1.0");
    if (!apiVersion.startsWith("1.") && !apiVersion.equals("1")) {
      throw new IndexException(
          subject,
          page.toString(),
          "unsupported simple API version " + apiVersion,
          response.status(),
          null);
    }
    JsonNode filesNode = root.path("files");
    if (!filesNode.isArray()) {
      throw new IndexException(
          subject,
          page.toString(),
          "malformed JSON response: no \"files\" list",
          response.status(),
          null);
    }
    List<ReleaseFile> files = new ArrayList<>();
    for (JsonNode entry : filesNode) {
      Optional<String> filename = Json.text(entry, "filename");
      Optional<String> href = Json.text(entry, "url");
      if (filename.isEmpty() || href.isEmpty()) {
        continue;
      }
      Optional<URI> resolved = resolve(page, href.get());
      if (resolved.isEmpty()) {
        continue;
      }
      ReleaseFile.Builder file =
          ReleaseFile.builder(filename.get(), withoutFragment(resolved.get()));
      Json.text(entry.path("hashes"), "sha256").ifPresent(file::sha256);
      Json.text(entry, "requires-python").ifPresent(file::requiresPython);
      JsonNode yanked = entry.path("yanked");
      if (yanked.isTextual()) {
        file.yanked(!yanked.asText().isEmpty()).yankedReason(yanked.asText());
      } else {
        file.yanked(yanked.asBoolean(false));
      }
      Json.number(entry, "size").ifPresent(file::size);
      Json.instant(entry, "upload-time").ifPresent(file::uploadTime);
      JsonNode core = entry.get("core-metadata");
      if (core == null) {
        core = entry.get("dist-info-metadata");
      }
      if (core == null) {
        core = entry.get("data-dist-info-metadata");
      }
      if (core != null && core.isObject()) {
        file.coreMetadata(true);
        Json.text(core, "sha256").ifPresent(file::coreMetadataSha256);
      } else if (core != null) {
        file.coreMetadata(core.asBoolean(false));
      }
      files.add(file.build());
    }
    List<String> versions = new ArrayList<>();
    for (JsonNode version : root.path("versions")) {
      if (version.isTextual()) {
        versions.add(version.asText());
      }
    }
    return new SimplePage(List.copyOf(files), List.copyOf(versions));
  }

  static SimplePage parseHtml(URI page, String html) {
    URI base = page;
    Matcher baseTag = BASE.matcher(html);
    if (baseTag.find()) {
      String href = attributes(baseTag.group(1)).get("href");
      if (href != null) {
        base = resolve(page, href).orElse(page);
      }
    }
    List<ReleaseFile> files = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(html);
    while (anchor.find()) {
      Map<String, String> attrs = attributes(anchor.group(1));
      String href = attrs.get("href");
      if (href == null || href.isEmpty()) {
        continue;
      }
      Optional<URI> resolved = resolve(base, href);
      if (resolved.isEmpty()) {
        continue;
      }
      URI uri = resolved.get();
      String filename = unescape(TAGS.matcher(anchor.group(2)).replaceAll("")).trim();
      if (filename.isEmpty()) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        filename = path.substring(path.lastIndexOf('/') + 1);
      }
      if (filename.isEmpty()) {
        continue;
      }
      ReleaseFile.Builder file = ReleaseFile.builder(filename, withoutFragment(uri));
      String fragment = uri.getRawFragment();
      if (fragment != null && fragment.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
        file.sha256(fragment.substring("sha256=".length()));
      }
      String requiresPython = attrs.get("data-requires-python");
      if (requiresPython != null) {
        file.requiresPython(requiresPython);
      }
      if (attrs.containsKey("data-yanked")) {
        file.yanked(true).yankedReason(attrs.get("data-yanked"));
      }
      String core = attrs.get("data-core-metadata");
      if (core == null) {
        core = attrs.get("data-dist-info-metadata");
      }
      if (core != null && !core.equalsIgnoreCase("false")) {
        file.coreMetadata(true);
        if (core.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
          file.coreMetadataSha256(core.substring("sha256=".length()));
        }
      }
      files.add(file.build());
    }
    return new SimplePage(List.copyOf(files), List.of());
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attrs = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      String value =
          m.group(2) != null
              ? m.group(2)
              : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
      attrs.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
    }
    return attrs;
  }

  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String entity = m.group(1);
      String replacement;
      if (entity.startsWith("#")) {
        replacement = numeric(entity).orElse(m.group());
      } else {
        switch (entity) {
          case "lt":
            replacement = "<";
            break;
          case "gt":
            replacement = ">";
            break;
          case "amp":
            replacement = "&";
            break;
          case "quot":
            replacement = "\"";
            break;
          case "apos":
            replacement = "'";
            break;
          default:
            replacement = m.group();
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<String> numeric(String entity) {
    try {
      boolean hex = entity.startsWith("#x") || entity.startsWith("#X");
      int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Optional.of(new String(Character.toChars(code)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<URI> resolve(URI base, String href) {
    try {
      return Optional.of(base.resolve(new URI(href.trim().replace(" ", "%20"))));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String withoutFragment(URI uri) {
    String text = uri.toString();
    int hash = text.indexOf('#');
    return hash < 0 ? text : text.substring(0, hash);
  }
}
