package io.pyhermetic.index;

import io.pyhermetic.index.internal.Sleeper;
import io.pyhermetic.index.internal.TransportOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A mutable builder for {@link IndexSettings}. */
public final class IndexSettingsBuilder {
  int maxConcurrency = TransportOptions.DEFAULT_MAX_CONCURRENCY;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration responseTimeout = Duration.ofSeconds(60);
  Duration timeout = TransportOptions.DEFAULT_TIMEOUT;
  RequestListener requestListener = RequestListener.NONE;
  Sleeper sleeper = Sleeper.REAL;
  int maxTries = 4;
  long maxBodyBytes = 64L * 1024 * 1024;
  long maxDownloadBytes = 16L * 1024 * 1024 * 1024;
  Optional<Path> cacheDirectory = Optional.empty();
  Duration cacheMaxAge = Duration.ofMinutes(15);
  boolean offline;
  Optional<String> token = Optional.empty();
  String tokenUser = IndexSettings.DEFAULT_TOKEN_USER;
  Optional<Path> netrcFile = Optional.empty();

  IndexSettingsBuilder() {}

  /**
   * Requests in flight at once (default 50).
   *
   * @param value the limit
   * @return this builder
   */
  public IndexSettingsBuilder maxConcurrency(int value) {
    this.maxConcurrency = positive(value, "maxConcurrency");
    return this;
  }

  /**
   * TCP/TLS connect timeout (default 10 s) and longest wait for response data (60 s).
   *
   * @param connect the connect timeout
   * @param response the response timeout
   * @return this builder
   */
  public IndexSettingsBuilder timeouts(Duration connect, Duration response) {
    this.connectTimeout = Objects.requireNonNull(connect, "connect");
    this.responseTimeout = Objects.requireNonNull(response, "response");
    return this;
  }

  /**
   * The most time one request may take, all its tries and the waits between them included (default
   * 30 s); the time queued behind other requests and a download's body once it flows are not
   * counted.
   *
   * @param value the timeout
   * @return this builder
   */
  public IndexSettingsBuilder timeout(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeout = value;
    return this;
  }

  /**
   * Tells {@code listener} of every request once it has ended, for a timeline.
   *
   * @param listener the listener
   * @return this builder
   */
  public IndexSettingsBuilder requestListener(RequestListener listener) {
    this.requestListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Waits before retries on {@code value} instead of real time (tests). */
  IndexSettingsBuilder sleeper(Sleeper value) {
    this.sleeper = Objects.requireNonNull(value, "sleeper");
    return this;
  }

  /**
   * Attempts per request, including the first (default 4).
   *
   * @param value the number of attempts
   * @return this builder
   */
  public IndexSettingsBuilder maxTries(int value) {
    this.maxTries = positive(value, "maxTries");
    return this;
  }

  /**
   * The largest index page or metadata file accepted (default 64 MiB).
   *
   * @param value the limit in bytes
   * @return this builder
   */
  public IndexSettingsBuilder maxBodyBytes(long value) {
    this.maxBodyBytes = positive(value, "maxBodyBytes");
    return this;
  }

  /**
   * The largest download when the index does not list the file's size (default 16 GiB).
   *
   * @param value the limit in bytes
   * @return this builder
   */
  public IndexSettingsBuilder maxDownloadBytes(long value) {
    this.maxDownloadBytes = positive(value, "maxDownloadBytes");
    return this;
  }

  /**
   * Keeps the on-disk response cache under {@code directory}.
   *
   * @param directory the cache's directory
   * @return this builder
   */
  public IndexSettingsBuilder cache(Path directory) {
    this.cacheDirectory = Optional.of(directory);
    return this;
  }

  /**
   * No on-disk response cache (the default of {@link IndexSettings#builder()}).
   *
   * @return this builder
   */
  public IndexSettingsBuilder noCache() {
    this.cacheDirectory = Optional.empty();
    return this;
  }

  /**
   * How long a cached response is used without revalidation (default 15 minutes).
   *
   * @param value the age
   * @return this builder
   */
  public IndexSettingsBuilder cacheMaxAge(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("cacheMaxAge must not be negative");
    }
    this.cacheMaxAge = value;
    return this;
  }

  /**
   * Answers from the cache only; needs {@link #cache}.
   *
   * @param value whether to answer from the cache only
   * @return this builder
   */
  public IndexSettingsBuilder offline(boolean value) {
    this.offline = value;
    return this;
  }

  /**
   * A token for the index's origin, sent as basic auth {@code <tokenUser>:<token>}.
   *
   * @param value the token
   * @return this builder
   */
  public IndexSettingsBuilder token(String value) {
    this.token = Optional.of(Objects.requireNonNull(value, "token"));
    return this;
  }

  /**
   * Sends no token.
   *
   * @return this builder
   */
  public IndexSettingsBuilder noToken() {
    this.token = Optional.empty();
    return this;
  }

  /**
   * The basic-auth user a token is sent with (default {@code __token__}).
   *
   * @param value the user name
   * @return this builder
   */
  public IndexSettingsBuilder tokenUser(String value) {
    this.tokenUser = Objects.requireNonNull(value, "tokenUser");
    return this;
  }

  /**
   * Reads credentials from this netrc file when it exists.
   *
   * @param value the netrc file
   * @return this builder
   */
  public IndexSettingsBuilder netrcFile(Path value) {
    this.netrcFile = Optional.of(value);
    return this;
  }

  /**
   * Reads no netrc file.
   *
   * @return this builder
   */
  public IndexSettingsBuilder noNetrc() {
    this.netrcFile = Optional.empty();
    return this;
  }

  /**
   * The settings; offline without a cache is an error.
   *
   * @return the settings
   */
  public IndexSettings build() {
    if (offline && cacheDirectory.isEmpty()) {
      throw new IllegalStateException("offline needs a cache directory");
    }
    return new IndexSettings(this);
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  private static long positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
