package io.pyhermetic.cli;

import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.PypiJsonIndex;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.internal.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which package index a command reads, shared by every command that needs one. */
final class IndexOptions {

  @Option(
      names = "--index",
      paramLabel = "URL",
      description = "A PyPI-style JSON API base URL (default: PyPI's).")
  String jsonIndex;

  @Option(
      names = "--simple-index",
      paramLabel = "URL",
      description = "A PEP 691/503 simple index URL (user:password@ in it is used and redacted).")
  String simpleIndex;

  @Option(
      names = "--find-links",
      paramLabel = "DIR",
      description = "A directory of distribution files (such as Hermeto's deps/pip).")
  Path findLinks;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Where index responses are cached (default: $XDG_CACHE_HOME/pyhermetic or"
              + " ~/.cache/pyhermetic).")
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
      defaultValue = "600",
      description = "Use a cached response unasked for this long (default: ${DEFAULT-VALUE}).")
  long maxAgeSeconds;

  /** Opens the index the options name; the caller closes it. */
  Opened open() {
    int given =
        (jsonIndex != null ? 1 : 0) + (simpleIndex != null ? 1 : 0) + (findLinks != null ? 1 : 0);
    if (given > 1) {
      throw new CliException(
          "give one of --index, --simple-index and --find-links", ExitCodes.USAGE);
    }
    if (concurrency < 1 || maxAgeSeconds < 0) {
      throw new CliException(
          "--concurrency must be at least 1 and --max-age not negative", ExitCodes.USAGE);
    }
    if (offline && noCache) {
      throw new CliException("--offline needs the cache: drop --no-cache", ExitCodes.USAGE);
    }
    if (findLinks != null) {
      if (!Files.isDirectory(findLinks)) {
        throw new CliException(
            "--find-links " + findLinks + ": no such directory", ExitCodes.USAGE);
      }
      return new Opened(new LocalIndex(findLinks), findLinks.toString(), () -> {});
    }
    HttpTransport.Options options =
        HttpTransport.Options.defaults().withMaxConcurrency(concurrency);
    if (!noCache) {
      options = options.withCache(cacheDirectory(), Duration.ofSeconds(maxAgeSeconds), offline);
    }
    HttpTransport transport = new HttpTransport(options);
    if (simpleIndex != null) {
      return new Opened(
          new SimpleIndex(simpleIndex, transport), Redaction.redact(simpleIndex), transport::close);
    }
    String url = jsonIndex != null ? jsonIndex : PypiJsonIndex.DEFAULT_BASE_URL;
    return new Opened(new PypiJsonIndex(url, transport), Redaction.redact(url), transport::close);
  }

  private Path cacheDirectory() {
    if (cacheDir != null) {
      return cacheDir;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("pyhermetic");
  }

  /** An open index, how to describe it, and what closes it. */
  record Opened(PackageIndex index, String description, Runnable closer) implements AutoCloseable {
    @Override
    public void close() {
      closer.run();
    }
  }
}
