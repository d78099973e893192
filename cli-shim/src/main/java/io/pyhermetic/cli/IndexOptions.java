package io.pyhermetic.cli;

import io.pyhermetic.error.Failures;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.FileCache;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.IndexSettingsBuilder;
import io.pyhermetic.index.Indexes;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.index.RequestTimeline;
import io.pyhermetic.sdist.Downloader;
import io.pyhermetic.text.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which package index a command reads, shared by every command that needs one. */
final class IndexOptions {

  @Option(
      names = "--index",
      paramLabel = "URL",
      description =
          "A PyPI-style JSON API base URL (default: $PIP_INDEX_URL, then $UV_INDEX_URL as simple"
              + " indexes, else PyPI's JSON API).")
  String jsonIndex;

  @Option(
      names = {"--simple-index", "--index-url"},
      paramLabel = "URL",
      description =
          "A PEP 691/503 simple index URL, as pip's --index-url (user:password@ in it is used and"
              + " redacted).")
  String simpleIndex;

  @Option(
      names = "--find-links",
      paramLabel = "DIR",
      description = "A directory of distribution files (such as Hermeto's deps/pip).")
  Path findLinks;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "50",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "How often a failed request (a reset, a timeout, 429 or 5xx) is tried again, with"
              + " backoff (default: 3).")
  Integer retries;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "The most time one request to the index may take, its retries and the waits between"
              + " them included; time queued behind other requests and a download's body once it"
              + " flows are not counted (default: 30, so a server that never answers costs 30 s).")
  Long timeoutSeconds;

  @Option(
      names = "--timings",
      description =
          "After the run, print every request to the index on stderr (start, duration, status,"
              + " tries, bytes, priority, URL), the wall time and the critical path: the longest"
              + " chain of round trips in which each request was asked for only after the"
              + " previous one had ended (cache answers are no round trips).")
  boolean timings;

  /** Every request of the run, when {@code --timings} asks for them. */
  private final RequestTimeline timeline = new RequestTimeline();

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Where index responses are cached (default: $XDG_CACHE_HOME/pyhermetic or"
              + " ~/.cache/pyhermetic). Credentials: user:password@ in the URL, else"
              + " $PYHERMETIC_INDEX_TOKEN (sent as __token__), else ~/.netrc or $NETRC.")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Neither read nor write the response cache.")
  boolean noCache;

  @Option(
      names = "--offline",
      description = "Answer from the response cache only; a response not in it is an error.")
  boolean offline;

  @Option(
      names = "--max-age",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "Use a cached response unasked for this long (default: ${DEFAULT-VALUE}).")
  long maxAgeSeconds;

  /** The index the options name (checking that they name at most one). */
  IndexLocation location() {
    int given =
        (jsonIndex != null ? 1 : 0) + (simpleIndex != null ? 1 : 0) + (findLinks != null ? 1 : 0);
    if (given > 1) {
      throw new CliException(
          "give one of --index, --simple-index and --find-links", ExitCodes.USAGE);
    }
    if (findLinks != null) {
      Inputs.requireDirectory("--find-links", findLinks);
    }
    try {
      return findLinks != null
          ? IndexLocation.findLinks(findLinks)
          : simpleIndex != null
              ? IndexLocation.simple(simpleIndex)
              : jsonIndex != null
                  ? IndexLocation.jsonApi(jsonIndex)
                  : IndexLocation.resolve(Optional.empty(), System.getenv());
    } catch (IllegalArgumentException e) {
      throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
    }
  }

  /** Concurrency, cache and credentials as the options and the environment give them. */
  IndexSettings settings() {
    if (concurrency < 1 || maxAgeSeconds < 0) {
      throw new CliException(
          "--concurrency must be at least 1 and --max-age not negative", ExitCodes.USAGE);
    }
    if (offline && noCache) {
      throw new CliException("--offline needs the cache: drop --no-cache", ExitCodes.USAGE);
    }
    if (retries != null && (retries < 0 || retries > 20)) {
      throw new CliException("--retries must be between 0 and 20", ExitCodes.USAGE);
    }
    if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 3600)) {
      throw new CliException("--timeout must be between 1 and 3600 seconds", ExitCodes.USAGE);
    }
    IndexSettingsBuilder settings =
        IndexSettings.fromEnvironment(System.getenv())
            .maxConcurrency(concurrency)
            .cacheMaxAge(Duration.ofSeconds(maxAgeSeconds))
            .offline(offline);
    if (cacheDir != null) {
      settings.cache(cacheDir);
    }
    if (noCache) {
      settings.noCache();
    }
    if (retries != null) {
      settings.maxTries(retries + 1);
    }
    if (timeoutSeconds != null) {
      settings.timeout(Duration.ofSeconds(timeoutSeconds));
    }
    if (timings) {
      settings.requestListener(timeline);
    }
    return settings.build();
  }

  /** With {@code --timings}: the requests of the run, on {@code err}, once the index is closed. */
  void printTimings(PrintWriter err) {
    if (timings) {
      err.print(timeline.render());
      err.flush();
    }
  }

  /** Opens the index the options name; the caller closes it. */
  Opened open() {
    IndexLocation location = location();
    IndexSettings settings = settings();
    CachingIndex index;
    try {
      index = Indexes.open(location, settings);
    } catch (IllegalArgumentException e) {
      throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
    }
    // a directory index is local already: copying its files into the cache gains nothing
    // and only commands that download open the cache
    java.util.function.Supplier<Optional<FileCache>> files =
        location.kind() == IndexLocation.Kind.FIND_LINKS ? Optional::empty : this::fileCache;
    return new Opened(index, Redaction.redact(location.location()), index::close, files, location);
  }

  /**
   * The cache of verified files beside the response cache ({@code files/} under it), unless {@code
   * --no-cache}.
   */
  Optional<FileCache> fileCache() {
    if (noCache) {
      return Optional.empty();
    }
    Path root =
        (cacheDir != null ? cacheDir : IndexSettings.defaultCacheDirectory(System.getenv()))
            .resolve("files");
    FileCache cache = new FileCache(root);
    try {
      cache.open();
    } catch (java.io.IOException e) {
      throw new CliException(
          "cannot use the cache directory " + root + ": " + Failures.describe(e), ExitCodes.USAGE);
    }
    return Optional.of(cache);
  }

  /** An open index, how to describe it, what closes it, and where it is. */
  record Opened(
      PackageIndex index,
      String description,
      Runnable closer,
      java.util.function.Supplier<Optional<FileCache>> files,
      IndexLocation location)
      implements AutoCloseable {

    /**
     * The index as an SBOM's {@code repository_url} names it: a simple index's URL, a JSON API's
     * base URL, a directory's {@code file:} URL; empty for PyPI's JSON API (PyPI gets no
     * qualifier). Credentials are removed.
     */
    Optional<String> repositoryUrl() {
      String url =
          switch (location.kind()) {
            case FIND_LINKS -> location.directory().toAbsolutePath().normalize().toUri().toString();
            case SIMPLE, JSON_API -> location.location().strip();
          };
      if (location.kind() == IndexLocation.Kind.JSON_API
          && url.replaceAll("/+$", "").equals(PypiJsonIndex.DEFAULT_BASE_URL)) {
        return Optional.empty();
      }
      return Optional.of(Redaction.withoutCredentials(url));
    }

    /** Downloads through the file cache when there is one. */
    Downloader downloader() {
      return files
          .get()
          .<Downloader>map(cache -> (file, target) -> cache.download(index, file, target))
          .orElse(index::downloadAsync);
    }

    @Override
    public void close() {
      closer.run();
    }
  }
}
