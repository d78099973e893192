package io.pyhermetic.index;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.internal.Archives;
import io.pyhermetic.index.internal.CoreMetadata;
import io.pyhermetic.index.internal.Digests;
import io.pyhermetic.index.internal.FileCopy;
import io.pyhermetic.index.internal.Filenames;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.index.internal.HttpUrls;
import io.pyhermetic.index.internal.MetadataCache;
import io.pyhermetic.index.internal.RangedWheel;
import io.pyhermetic.index.internal.SimplePage;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.text.Redaction;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A simple repository (PEP 503 HTML, PEP 691 JSON) such as PyPI's {@code /simple/}, devpi, Nexus,
 * Artifactory or pypiserver. Asks for JSON and falls back to HTML by the response's {@code
 * Content-Type}; a file's version is read from its name; metadata comes from the PEP 658/714 {@code
 * .metadata} file when the index offers one, else from inside the smallest wheel (or an sdist). A
 * response that is not a project page is an index failure, never read as a project without files: a
 * project page is PEP 691 JSON ({@code meta.api-version} 1.x, the project's {@code name}, {@code
 * files} each with {@code filename}, {@code url} and {@code hashes}) or PEP 503 HTML (markup
 * without forms that closes its {@code html} element), by {@code Content-Type}; plain text, a login
 * page, truncated or foreign JSON are not.
 */
public final class SimpleIndex extends HttpIndex implements ProjectListing {
  /** PyPI's simple index. */
  public static final String DEFAULT_BASE_URL = "https://pypi.org/simple/";

  /** JSON preferred, HTML accepted (the PEP 691 recommended value). */
  public static final String ACCEPT =
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2,"
          + " text/html;q=0.01";

  private final Optional<MetadataCache> metadataCache;

  /** PyPI's simple index with a default transport. */
  public SimpleIndex() {
    this(DEFAULT_BASE_URL);
  }

  /**
   * The simple index at {@code baseUrl} (may carry {@code user:password@}), default settings.
   *
   * @param baseUrl the index's base URL
   */
  public SimpleIndex(String baseUrl) {
    this(baseUrl, IndexSettings.defaults());
  }

  /**
   * The simple index at {@code baseUrl} with {@code settings}; {@link #close} releases connections.
   *
   * @param baseUrl the index's base URL
   * @param settings the index settings
   */
  public SimpleIndex(String baseUrl, IndexSettings settings) {
    this(baseUrl, new HttpTransport(settings.transportOptions(baseUrl)), true);
  }

  /** Over a shared transport that the caller closes. */
  SimpleIndex(String baseUrl, HttpTransport transport) {
    this(baseUrl, transport, false);
  }

  private SimpleIndex(String baseUrl, HttpTransport transport, boolean ownsTransport) {
    super(
        Objects.requireNonNull(baseUrl, "baseUrl").endsWith("/") ? baseUrl : baseUrl + "/",
        transport,
        ownsTransport);
    this.metadataCache =
        transport
            .options()
            .cache()
            .map(
                cache ->
                    new MetadataCache(
                        cache.directory().resolve("metadata"), transport.options().credentials()));
  }

  @Override
  public CompletableFuture<List<ReleaseFile>> filesAsync(ProjectName project, Version version) {
    return listingAsync(project, project + "==" + version)
        .thenApply(listing -> listing.filesOf(version));
  }

  @Override
  public CompletableFuture<List<Version>> versionsAsync(ProjectName project) {
    return listingAsync(project).thenApply(Listing::versions);
  }

  @Override
  public CompletableFuture<Listing> listingAsync(ProjectName project) {
    return listingAsync(project, project.toString());
  }

  private CompletableFuture<Listing> listingAsync(ProjectName project, String subject) {
    return page(project, subject)
        .thenApply(
            page -> {
              LinkedHashSet<Version> versions = new LinkedHashSet<>();
              for (String text : page.versions()) {
                Version.tryParse(text).ifPresent(versions::add);
              }
              Map<Version, List<ReleaseFile>> files = new HashMap<>();
              for (ReleaseFile file : page.files()) {
                Optional<Version> version = Filenames.version(project, file.filename());
                if (version.isPresent()) {
                  versions.add(version.get());
                  files.computeIfAbsent(version.get(), v -> new ArrayList<>()).add(file);
                }
              }
              files.replaceAll(
                  (v, list) -> {
                    list.sort(Comparator.comparing(ReleaseFile::filename));
                    return List.copyOf(list);
                  });
              List<Version> sorted = new ArrayList<>(versions);
              Version.sort(sorted);
              return new Listing(sorted, files);
            });
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(ProjectName project, Version version) {
    return filesAsync(project, version)
        .thenCompose(files -> metadataAsync(project, version, files));
  }

  @Override
  public CompletableFuture<ReleaseMetadata> metadataAsync(
      ProjectName project, Version version, List<ReleaseFile> files) {
    String subject = project + "==" + version;
    Optional<ReleaseFile> source =
        files.stream()
            .filter(ReleaseFile::coreMetadata)
            .min(Comparator.comparing((ReleaseFile f) -> !f.isWheel()));
    if (files.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IndexException(
              subject,
              projectUrl(project),
              "no release " + version + " of " + project.canonical() + " on the index",
              404,
              null));
    }
    if (source.isEmpty()) {
      return metadataFromArchive(project, version, files);
    }
    ReleaseFile file = source.get();
    String url = HttpUrls.inheritCredentials(baseUrl, file.url() + ".metadata");
    return transport
        .get(subject, url, Map.of())
        .thenApply(
            response -> {
              if (response.status() != 200) {
                throw new IndexException(
                    subject,
                    url,
                    "HTTP " + response.status() + " for the core metadata file",
                    response.status(),
                    null);
              }
              file.coreMetadataSha256()
                  .ifPresent(expected -> verify(subject, url, expected, response.body()));
              String text = new String(response.body(), StandardCharsets.UTF_8);
              return CoreMetadata.parse(text)
                  .toReleaseMetadata(project, version, ReleaseMetadata.Source.CORE_METADATA_FILE);
            });
  }

  /**
   * Without a PEP 658 file, the metadata inside a distribution: the smallest wheel (wheel metadata
   * is static), read with range requests where the server allows ({@link RangedWheel}), else an
   * sdist's {@code PKG-INFO}; a file that must be read whole is downloaded to a temporary file,
   * checked against the listed sha256 and deleted afterwards. What was read is kept in the {@link
   * MetadataCache} when there is an on-disk cache, so a later run reads no archive.
   */
  private CompletableFuture<ReleaseMetadata> metadataFromArchive(
      ProjectName project, Version version, List<ReleaseFile> files) {
    String subject = project + "==" + version;
    Optional<ReleaseFile> chosen =
        files.stream()
            .filter(ReleaseFile::isWheel)
            .min(
                Comparator.comparingLong((ReleaseFile f) -> f.size().orElse(Long.MAX_VALUE))
                    .thenComparing(ReleaseFile::filename))
            .or(() -> files.stream().filter(ReleaseFile::isSdist).findFirst());
    if (chosen.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IndexException(
              subject,
              projectUrl(project),
              "the release has no wheel or sdist to read core metadata from"));
    }
    ReleaseFile file = chosen.get();
    String url = HttpUrls.inheritCredentials(baseUrl, file.url());
    ReleaseMetadata.Source source = CoreMetadata.sourceOf(file.filename());
    Optional<String> cached = metadataCache.flatMap(cache -> cache.read(file, url));
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(
          CoreMetadata.parse(cached.get()).toReleaseMetadata(project, version, source));
    }
    CompletableFuture<String> text =
        file.isWheel() && !FileCopy.isFileUrl(file.url())
            ? RangedWheel.readMetadata(transport, subject, url, file)
                .thenCompose(
                    ranged ->
                        ranged.isPresent()
                            ? CompletableFuture.completedFuture(ranged.get())
                            : downloadedMetadata(subject, file))
            : downloadedMetadata(subject, file);
    return text.thenApply(
        metadata -> {
          metadataCache.ifPresent(cache -> cache.write(file, url, metadata));
          return CoreMetadata.parse(metadata).toReleaseMetadata(project, version, source);
        });
  }

  /** The core metadata text inside {@code file}, downloaded whole into a temporary file. */
  private CompletableFuture<String> downloadedMetadata(String subject, ReleaseFile file) {
    Path temp;
    try {
      temp = Files.createTempFile("pyhermetic-metadata-", ".part");
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new IndexException(
              subject,
              file.url(),
              "cannot create a temporary file: " + Failures.describe(e),
              -1,
              e));
    }
    return downloadAsync(file, temp)
        .thenApply(
            sha256 -> {
              file.requireListedSha256(sha256, subject, file.url());
              try {
                return Archives.readMetadata(temp, file.filename())
                    .orElseThrow(
                        () ->
                            new IndexException(
                                subject,
                                file.url(),
                                file.filename() + " holds no core metadata file"));
              } catch (IOException e) {
                throw new IndexException(
                    subject,
                    file.url(),
                    "cannot read " + file.filename() + ": " + Failures.describe(e),
                    -1,
                    e);
              }
            })
        .whenComplete(
            (metadata, error) -> {
              try {
                Files.deleteIfExists(temp);
              } catch (IOException e) {
                // a leftover temporary file is harmless
              }
            });
  }

  private static void verify(String subject, String url, String expected, byte[] body) {
    String actual = Digests.sha256(body);
    if (!actual.equalsIgnoreCase(expected)) {
      throw new IndexException(
          subject,
          url,
          "core metadata file sha256 " + actual + " does not match the index's " + expected);
    }
  }

  private String projectUrl(ProjectName project) {
    return baseUrl + project.canonical() + "/";
  }

  /**
   * The project's page; simultaneous askers share one request (the transport's), and nothing is
   * kept once it is answered ({@link CachingIndex} keeps it for a run).
   */
  private CompletableFuture<SimplePage> page(ProjectName project, String subject) {
    String url = projectUrl(project);
    return transport
        .get(subject, url, Map.of("Accept", ACCEPT))
        .thenApply(
            response -> {
              int status = response.status();
              if (status == 404 || status == 410) {
                throw new IndexException(
                    subject,
                    url,
                    "no project " + project.canonical() + " on the index",
                    status,
                    null);
              }
              if (status != 200) {
                throw new IndexException(subject, url, "unexpected HTTP " + status, status, null);
              }
              return SimplePage.parse(subject, project, response);
            });
  }

  @Override
  public String toString() {
    return "SimpleIndex[" + Redaction.redact(baseUrl) + "]";
  }
}
