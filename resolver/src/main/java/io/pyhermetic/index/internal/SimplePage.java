package io.pyhermetic.index.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.requirement.ProjectName;
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
 * <p>What is a project page, and what is not (a login or error page that a proxy answers with HTTP
 * 200, a truncated or foreign document) is decided here, because such a page must not read as a
 * project without files: its pins would then all look stale. Anything that is not a project page is
 * an {@link IndexException} that is not {@linkplain IndexException#isNotFound() not found}, naming
 * the project and the (redacted) URL. A project page is
 *
 * <ul>
 *   <li>PEP 691 JSON, by {@code Content-Type} {@code application/vnd.pypi.simple.v1+json} (or
 *       {@code application/json}): a JSON object with {@code meta.api-version} a string of major
 *       version 1, {@code name} a string that normalizes to the project's name, {@code files} an
 *       array of objects each with string {@code filename} and {@code url} and an object {@code
 *       hashes} (which may be empty), and {@code versions}, where present, an array of strings;
 *   <li>PEP 503 HTML, by {@code Content-Type} {@code text/html} or {@code
 *       application/vnd.pypi.simple.v1+html}: markup (the first character after any byte order mark
 *       and white space is {@code <}) with no {@code <form>} or {@code <input>} (those are login
 *       and search pages), closing its {@code <html>} element when it opens one (else it was cut
 *       off). A page without links is a project without files, as PEP 503 allows;
 *   <li>without a {@code Content-Type}, whichever of the two the body starts like (<code>&#123;
 *       </code> or {@code <}), checked as above.
 * </ul>
 *
 * Any other {@code Content-Type} ({@code text/plain}, {@code application/octet-stream}, …) is not a
 * project page.
 *
 * @param files every file listed, in page order
 * @param versions the page's own {@code versions} list (JSON ≥ 1.1), else empty
 */
public record SimplePage(List<ReleaseFile> files, List<String> versions) {
  /** The media type of a PEP 691 JSON page. */
  public static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

  /** The media type of a PEP 691 HTML page. */
  public static final String HTML_TYPE = "application/vnd.pypi.simple.v1+html";

  // Tags are found by their openers, and each opener's end by a search that never goes back:
  // a pattern such as <a\b([^>]*)>(.*?)</a\s*> searches to the end of the page again from
  // every opener that is never closed, which takes time quadratic in the number of openers.
  private static final Pattern ANCHOR_OPEN = Pattern.compile("<a\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANCHOR_CLOSE = Pattern.compile("</a\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BASE_OPEN = Pattern.compile("<base\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
  private static final Pattern FORM = Pattern.compile("<(form|input)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_OPEN = Pattern.compile("<html\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_CLOSE =
      Pattern.compile("</html\\s*>", Pattern.CASE_INSENSITIVE);

  /**
   * Parses {@code response}, the page of {@code project}, according to its {@code Content-Type}.
   *
   * @param subject what the look-up is for, named in errors
   * @param project the project whose page was asked for
   * @param response the response
   * @return the page
   * @throws IndexException when the response is not a project page (see the class comment)
   */
  public static SimplePage parse(
      String subject, ProjectName project, HttpTransport.Response response) {
    String type = response.mediaType();
    if (type.equals(JSON_TYPE) || type.equals("application/json")) {
      return parseJson(subject, project, response);
    }
    if (type.equals("text/html") || type.equals(HTML_TYPE)) {
      return parseHtml(subject, response);
    }
    if (type.isEmpty()) {
      String start = leading(response.bodyText());
      if (start.startsWith("{")) {
        return parseJson(subject, project, response);
      }
      if (start.startsWith("<")) {
        return parseHtml(subject, response);
      }
    }
    throw notAPage(
        subject,
        response,
        type.isEmpty() ? "no Content-Type, and the body is neither JSON nor HTML" : type);
  }

  private static IndexException notAPage(
      String subject, HttpTransport.Response response, String why) {
    return new IndexException(
        subject,
        response.uri().toString(),
        "not a simple-index project page (" + why + ")",
        response.status(),
        null);
  }

  /** The text without a leading byte order mark and white space. */
  private static String leading(String text) {
    int i = 0;
    while (i < text.length()
        && (text.charAt(i) == '\ufeff' || Character.isWhitespace(text.charAt(i)))) {
      i++;
    }
    return text.substring(i);
  }

  static SimplePage parseJson(
      String subject, ProjectName project, HttpTransport.Response response) {
    JsonNode root = Json.parseObject(subject, response);
    URI page = response.uri();
    JsonNode apiVersion = root.path("meta").path("api-version");
    if (!apiVersion.isTextual()) {
      throw malformed(subject, response, "no \"meta\": {\"api-version\"}");
    }
    String version = apiVersion.asText();
    if (!version.equals("1") && !version.startsWith("1.")) {
      throw new IndexException(
          subject,
          page.toString(),
          "unsupported simple API version " + version,
          response.status(),
          null);
    }
    JsonNode name = root.path("name");
    if (!name.isTextual()) {
      throw malformed(subject, response, "no \"name\"");
    }
    if (!ProjectName.canonicalize(name.asText()).equals(project.canonical())) {
      throw malformed(
          subject, response, "the page is for " + name.asText() + ", not " + project.canonical());
    }
    JsonNode filesNode = root.path("files");
    if (!filesNode.isArray()) {
      throw malformed(subject, response, "no \"files\" list");
    }
    List<ReleaseFile> files = new ArrayList<>();
    for (int i = 0; i < filesNode.size(); i++) {
      JsonNode entry = filesNode.get(i);
      Optional<String> filename = Json.text(entry, "filename");
      Optional<String> href = Json.text(entry, "url");
      if (!entry.isObject()
          || filename.isEmpty()
          || href.isEmpty()
          || !entry.path("hashes").isObject()) {
        throw malformed(
            subject,
            response,
            "files[" + i + "] lacks a \"filename\", \"url\" or \"hashes\" object");
      }
      Optional<URI> resolved = resolve(page, href.get());
      if (resolved.isEmpty()) {
        continue; // as pip does with a link it cannot follow
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
    JsonNode versionsNode = root.path("versions");
    if (!versionsNode.isMissingNode() && !versionsNode.isArray()) {
      throw malformed(subject, response, "\"versions\" is not a list");
    }
    List<String> versions = new ArrayList<>();
    for (JsonNode v : versionsNode) {
      if (!v.isTextual()) {
        throw malformed(subject, response, "\"versions\" holds a non-string");
      }
      versions.add(v.asText());
    }
    return new SimplePage(List.copyOf(files), List.copyOf(versions));
  }

  private static IndexException malformed(
      String subject, HttpTransport.Response response, String why) {
    return new IndexException(
        subject,
        response.uri().toString(),
        "malformed JSON project page: " + why,
        response.status(),
        null);
  }

  static SimplePage parseHtml(String subject, HttpTransport.Response response) {
    String html = response.bodyText();
    if (!leading(html).startsWith("<")) {
      throw notAPage(subject, response, "HTML that does not start with markup");
    }
    Matcher form = FORM.matcher(html);
    if (form.find()) {
      throw notAPage(
          subject,
          response,
          "HTML with a <" + form.group(1).toLowerCase(Locale.ROOT) + ">, such as a login page");
    }
    if (HTML_OPEN.matcher(html).find() && !HTML_CLOSE.matcher(html).find()) {
      throw notAPage(subject, response, "HTML cut off before </html>");
    }
    return parseHtml(response.uri(), html);
  }

  static SimplePage parseHtml(URI page, String html) {
    URI base = page;
    Matcher baseTag = BASE_OPEN.matcher(html);
    // only the first <base: a later one has no '>' after it either when the first has none
    int baseEnd = baseTag.find() ? html.indexOf('>', baseTag.end()) : -1;
    if (baseEnd >= 0) {
      String href = attributes(html.substring(baseTag.end(), baseEnd)).get("href");
      if (href != null) {
        base = resolve(page, href).orElse(page);
      }
    }
    List<ReleaseFile> files = new ArrayList<>();
    Matcher opener = ANCHOR_OPEN.matcher(html);
    Matcher closer = ANCHOR_CLOSE.matcher(html);
    int from = 0;
    while (from < html.length() && opener.find(from)) {
      // An opener without a '>' after it, or without a </a> after that '>', ends the links:
      // every later opener would search the same rest of the page in vain.
      int tagEnd = html.indexOf('>', opener.end());
      if (tagEnd < 0 || !closer.find(tagEnd + 1)) {
        break;
      }
      from = closer.end();
      Map<String, String> attrs = attributes(html.substring(opener.end(), tagEnd));
      String href = attrs.get("href");
      if (href == null || href.isEmpty()) {
        continue;
      }
      Optional<URI> resolved = resolve(base, href);
      if (resolved.isEmpty()) {
        continue;
      }
      URI uri = resolved.get();
      String filename = unescape(withoutTags(html.substring(tagEnd + 1, closer.start()))).trim();
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

  /**
   * The text without its tags ({@code <} to the next {@code >}), keeping a {@code <} that no {@code
   * >} follows and the text after it.
   */
  private static String withoutTags(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (true) {
      int open = text.indexOf('<', at);
      int close = open < 0 ? -1 : text.indexOf('>', open + 1);
      if (close < 0) {
        break; // no later '<' has a '>' after it either
      }
      out.append(text, at, open);
      at = close + 1;
    }
    return out.append(text, at, text.length()).toString();
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
