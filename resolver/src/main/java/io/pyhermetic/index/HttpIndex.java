package io.pyhermetic.index;

import io.pyhermetic.index.internal.FileCopy;
import io.pyhermetic.index.internal.HttpTransport;
import io.pyhermetic.index.internal.HttpUrls;
import io.pyhermetic.index.internal.Json;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An index served over HTTP through a transport it owns (and closes) or shares (and leaves open):
 * downloads go through the transport with the index's credentials.
 */
abstract class HttpIndex extends NonBlockingIndex implements AutoCloseable {
  /** The index's base URL, normalized by the subclass, possibly with credentials. */
  final String baseUrl;

  final HttpTransport transport;
  private final boolean ownsTransport;

  HttpIndex(String baseUrl, HttpTransport transport, boolean ownsTransport) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.ownsTransport = ownsTransport;
    Json.prepareInBackground();
  }

  @Override
  public CompletableFuture<String> downloadAsync(ReleaseFile file, Path destination) {
    if (FileCopy.isFileUrl(file.url())) {
      return super.downloadAsync(file, destination);
    }
    String url = HttpUrls.inheritCredentials(baseUrl, file.url());
    long limit = file.size().orElse(transport.options().maxDownloadBytes());
    return transport
        .download(file.filename(), url, destination, limit)
        .thenApply(HttpTransport.Download::sha256);
  }

  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }
}
