package io.pyhermetic.index;

import io.pyhermetic.index.internal.Credentials;
import io.pyhermetic.index.internal.Netrc;
import io.pyhermetic.index.internal.ResponseCache;
import io.pyhermetic.index.internal.Sleeper;
import io.pyhermetic.index.internal.TransportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the HTTP indexes talk to a server: concurrency, timeouts, retries, size limits, the on-disk
 * response cache and credentials. Immutable; start from {@link #builder()} (library defaults, no
 * cache, no credentials beyond an index URL's own {@code user:password@}) or from {@link
 * #fromEnvironment(Map)} (also the token, netrc file and cache directory the environment names).
 *
 * <p>Credentials, strongest first: the index URL's user-info (for that origin only); the
 * {@linkplain IndexSettingsBuilder#token token}, sent as HTTP basic auth with user {@code
 * __token__} (the convention of PyPI-compatible indexes; {@link IndexSettingsBuilder#tokenUser}
 * changes the user) to the index's own origin only; then the {@code .netrc} entry for the request's
 * host (or its {@code default} entry). None of them ever appears in a message, log or cache file.
 *
 * <p>The netrc {@code default} entry goes to the index's own origin only, and a redirect never
 * carries any credential to another port or scheme of a host the request has already met.
 *
 * <p>The on-disk cache (see {@link IndexSettingsBuilder#cache}) keeps successful index pages and
 * metadata files (never downloaded distributions), uses each for {@link
 * IndexSettingsBuilder#cacheMaxAge} without asking, then revalidates it by ETag; {@linkplain
 * IndexSettingsBuilder#offline offline} answers from the cache only. Its entries are keyed by a
 * hash of the credential in use as well, so that users sharing a cache directory never see each
 * other's private answers.
 */
public final class IndexSettings {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSettings.class);

  /** The environment variable holding an index token. */
  public static final String TOKEN_VARIABLE = "PYHERMETIC_INDEX_TOKEN";

  /**
   * The user name a token is sent with unless {@link IndexSettingsBuilder#tokenUser} says
   * otherwise.
   */
  public static final String DEFAULT_TOKEN_USER = "__token__";

  private final int maxConcurrency;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Duration timeout;
  private final RequestListener requestListener;
  private final Sleeper sleeper;
  private final int maxTries;
  private final long maxBodyBytes;
  private final long maxDownloadBytes;
  private final Optional<Path> cacheDirectory;
  private final Duration cacheMaxAge;
  private final boolean offline;
  private final Optional<String> token;
  private final String tokenUser;
  private final Optional<Path> netrcFile;

  IndexSettings(IndexSettingsBuilder b) {
    this.maxConcurrency = b.maxConcurrency;
    this.connectTimeout = b.connectTimeout;
    this.responseTimeout = b.responseTimeout;
    this.timeout = b.timeout;
    this.requestListener = b.requestListener;
    this.sleeper = b.sleeper;
    this.maxTries = b.maxTries;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxDownloadBytes = b.maxDownloadBytes;
    this.cacheDirectory = b.cacheDirectory;
    this.cacheMaxAge = b.cacheMaxAge;
    this.offline = b.offline;
    this.token = b.token;
    this.tokenUser = b.tokenUser;
    this.netrcFile = b.netrcFile;
  }

  /**
   * The library defaults: see each {@link IndexSettingsBuilder} method.
   *
   * @return the default settings
   */
  public static IndexSettings defaults() {
    return builder().build();
  }

  /**
   * A builder with the library defaults and nothing taken from the environment.
   *
   * @return the builder
   */
  public static IndexSettingsBuilder builder() {
    return new IndexSettingsBuilder();
  }

  /**
   * A builder with the library defaults plus what {@code environment} names: the token from {@value
   * #TOKEN_VARIABLE}, the netrc file from {@code NETRC} or else {@code $HOME/.netrc}, and the cache
   * under {@link #defaultCacheDirectory}. Pass {@code System.getenv()} in production.
   *
   * @param environment the environment variables
   * @return the builder
   */
  public static IndexSettingsBuilder fromEnvironment(Map<String, String> environment) {
    IndexSettingsBuilder builder = new IndexSettingsBuilder();
    Optional.ofNullable(environment.get(TOKEN_VARIABLE))
        .filter(t -> !t.isBlank())
        .ifPresent(t -> builder.token(t.trim()));
    Optional<Path> netrc =
        nonEmpty(environment.get("NETRC"))
            .map(Path::of)
            .or(() -> nonEmpty(environment.get("HOME")).map(h -> Path.of(h, ".netrc")));
    netrc.ifPresent(builder::netrcFile);
    builder.cache(defaultCacheDirectory(environment));
    return builder;
  }

  /**
   * {@code $XDG_CACHE_HOME/pyhermetic} when that variable holds an absolute path, else {@code
   * $HOME/.cache/pyhermetic}, else under the {@code user.home} system property.
   *
   * @param environment the environment variables
   * @return the cache directory
   */
  public static Path defaultCacheDirectory(Map<String, String> environment) {
    Optional<Path> xdg =
        nonEmpty(environment.get("XDG_CACHE_HOME")).map(Path::of).filter(Path::isAbsolute);
    if (xdg.isPresent()) {
      return xdg.get().resolve("pyhermetic");
    }
    String home =
        nonEmpty(environment.get("HOME")).orElseGet(() -> System.getProperty("user.home", "."));
    return Path.of(home, ".cache", "pyhermetic");
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }

  /**
   * Requests in flight at once.
   *
   * @return the limit
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * The TCP/TLS connect timeout.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The longest wait for response data.
   *
   * @return the timeout
   */
  public Duration responseTimeout() {
    return responseTimeout;
  }

  /**
   * The most time one request may take, all tries and the waits between them included.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Told of every request once it has ended (none by default).
   *
   * @return the listener
   */
  public RequestListener requestListener() {
    return requestListener;
  }

  /**
   * Attempts per request, including the first.
   *
   * @return the number of attempts
   */
  public int maxTries() {
    return maxTries;
  }

  /**
   * The largest index page or metadata file accepted, in bytes.
   *
   * @return the limit
   */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The largest download when the index does not list the file's size, in bytes.
   *
   * @return the limit
   */
  public long maxDownloadBytes() {
    return maxDownloadBytes;
  }

  /**
   * Where the on-disk response cache lives; empty when there is none.
   *
   * @return the cache directory, or empty
   */
  public Optional<Path> cacheDirectory() {
    return cacheDirectory;
  }

  /**
   * How long a cached response is used without revalidation.
   *
   * @return the age
   */
  public Duration cacheMaxAge() {
    return cacheMaxAge;
  }

  /**
   * Whether answers come from the cache only.
   *
   * @return {@code true} when offline
   */
  public boolean offline() {
    return offline;
  }

  /**
   * Whether a token is set (its value is not exposed).
   *
   * @return {@code true} when a token is set
   */
  public boolean hasToken() {
    return token.isPresent();
  }

  /**
   * The basic-auth user a token is sent with.
   *
   * @return the user name
   */
  public String tokenUser() {
    return tokenUser;
  }

  /**
   * The netrc file credentials are read from.
   *
   * @return the file, or empty for none
   */
  public Optional<Path> netrcFile() {
    return netrcFile;
  }

  /**
   * A builder holding these settings.
   *
   * @return the builder
   */
  public IndexSettingsBuilder toBuilder() {
    IndexSettingsBuilder b = new IndexSettingsBuilder();
    b.maxConcurrency = maxConcurrency;
    b.connectTimeout = connectTimeout;
    b.responseTimeout = responseTimeout;
    b.timeout = timeout;
    b.requestListener = requestListener;
    b.sleeper = sleeper;
    b.maxTries = maxTries;
    b.maxBodyBytes = maxBodyBytes;
    b.maxDownloadBytes = maxDownloadBytes;
    b.cacheDirectory = cacheDirectory;
    b.cacheMaxAge = cacheMaxAge;
    b.offline = offline;
    b.token = token;
    b.tokenUser = tokenUser;
    b.netrcFile = netrcFile;
    return b;
  }

  /** The transport options for an index at {@code indexUrl}; reads the netrc file now. */
  TransportOptions transportOptions(String indexUrl) {
    return TransportOptions.defaults()
        .withMaxConcurrency(maxConcurrency)
        .withTimeouts(connectTimeout, responseTimeout)
        .withTimeout(timeout)
        .withListener(requestListener)
        .withTime(sleeper, java.time.Clock.systemUTC())
        .withMaxTries(maxTries)
        .withMaxBodyBytes(maxBodyBytes)
        .withMaxDownloadBytes(maxDownloadBytes)
        .withCache(cacheDirectory.map(dir -> new ResponseCache.Settings(dir, cacheMaxAge, offline)))
        .withCredentials(Credentials.forIndex(indexUrl, token, tokenUser, readNetrc()));
  }

  private Optional<Netrc> readNetrc() {
    if (netrcFile.isEmpty() || !Files.isRegularFile(netrcFile.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Netrc.parse(Files.readString(netrcFile.get(), StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      // like pip and requests: a broken netrc is ignored rather than fatal
      LOG.warn("ignoring netrc file {}: {}", netrcFile.get(), e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexSettings s
        && maxConcurrency == s.maxConcurrency
        && connectTimeout.equals(s.connectTimeout)
        && responseTimeout.equals(s.responseTimeout)
        && timeout.equals(s.timeout)
        && requestListener.equals(s.requestListener)
        && maxTries == s.maxTries
        && maxBodyBytes == s.maxBodyBytes
        && maxDownloadBytes == s.maxDownloadBytes
        && cacheDirectory.equals(s.cacheDirectory)
        && cacheMaxAge.equals(s.cacheMaxAge)
        && offline == s.offline
        && token.equals(s.token)
        && tokenUser.equals(s.tokenUser)
        && netrcFile.equals(s.netrcFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxConcurrency,
        connectTimeout,
        responseTimeout,
        timeout,
        requestListener,
        maxTries,
        maxBodyBytes,
        maxDownloadBytes,
        cacheDirectory,
        cacheMaxAge,
        offline,
        token,
        tokenUser,
        netrcFile);
  }

  @Override
  public String toString() {
    return "IndexSettings[maxConcurrency="
        + maxConcurrency
        + ", connectTimeout="
        + connectTimeout
        + ", responseTimeout="
        + responseTimeout
        + ", timeout="
        + timeout
        + ", maxTries="
        + maxTries
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", maxDownloadBytes="
        + maxDownloadBytes
        + ", cacheDirectory="
        + cacheDirectory.map(Path::toString).orElse("none")
        + ", cacheMaxAge="
        + cacheMaxAge
        + ", offline="
        + offline
        + ", token="
        + (token.isPresent() ? "***" : "none")
        + ", netrcFile="
        + netrcFile.map(Path::toString).orElse("none")
        + "]";
  }
}
