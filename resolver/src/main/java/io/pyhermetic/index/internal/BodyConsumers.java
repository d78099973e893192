package io.pyhermetic.index.internal;

import io.pyhermetic.error.Failures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Where a response body goes: into memory up to a limit, or streamed into a file. */
final class BodyConsumers {
  private BodyConsumers() {}

  /** A failure writing the local file (disk full, missing directory): retrying cannot help. */
  static final class LocalFileException extends IOException {
    private static final long serialVersionUID = 1L;

    LocalFileException(String message, IOException cause) {
      super(message, cause);
    }
  }

  /** Thrown while reading a body that exceeds the limit. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
      super("response body larger than the limit of " + limit + " bytes");
    }
  }

  static Map<String, List<String>> headersOf(HttpResponse response) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      map.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.getValue());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  private static void checkLength(HttpResponse response, long limit) throws IOException {
    Header length = response.getFirstHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.getValue().trim()) > limit) {
          throw new BodyTooLargeException(limit);
        }
      } catch (NumberFormatException e) {
        // ignore a malformed length; the streamed count still applies
      }
    }
  }

  /** Buffers the body up to a limit. */
  static final class InMemory extends AbstractBinResponseConsumer<HttpTransport.Response> {
    private final URI uri;
    private final long limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private Map<String, List<String>> headers = Map.of();

    InMemory(URI uri, long limit) {
      this.uri = uri;
      this.limit = limit;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
      status = response.getCode();
      headers = headersOf(response);
      checkLength(response, limit);
    }

    @Override
    protected int capacityIncrement() {
      return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
      int n = src.remaining();
      if ((long) body.size() + n > limit) {
        throw new BodyTooLargeException(limit);
      }
      if (src.hasArray()) {
        body.write(src.array(), src.arrayOffset() + src.position(), n);
        src.position(src.position() + n);
      } else {
        byte[] chunk = new byte[n];
        src.get(chunk);
        body.write(chunk);
      }
    }

    @Override
    protected HttpTransport.Response buildResult() {
      return new HttpTransport.Response(status, uri, headers, body.toByteArray());
    }

    @Override
    public void releaseResources() {}
  }

  /**
   * Streams a 200 body into a file while digesting it; other bodies (redirects, errors) are
   * discarded since only their status matters. Runs on the I/O thread: each chunk is one write to
   * the page cache. {@code onBody} runs when a 200 body starts: from then on only the read timeout
   * bounds the transfer, not the request's deadline.
   */
  static final class ToFile extends AbstractBinResponseConsumer<HttpTransport.Response> {
    private final URI uri;
    private final Path destination;
    private final long limit;
    private final AtomicReference<HttpTransport.Download> written;
    private final Runnable onBody;
    private int status;
    private Map<String, List<String>> headers = Map.of();
    private FileChannel channel;
    private MessageDigest sha;
    private long count;

    ToFile(
        URI uri,
        Path destination,
        long limit,
        AtomicReference<HttpTransport.Download> written,
        Runnable onBody) {
      this.uri = uri;
      this.destination = destination;
      this.limit = limit;
      this.written = written;
      this.onBody = onBody;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
      status = response.getCode();
      headers = headersOf(response);
      if (status == 200) {
        checkLength(response, limit);
        try {
          channel =
              FileChannel.open(
                  destination,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
        } catch (IOException e) {
          throw new LocalFileException(
              "cannot write " + destination + ": " + Failures.describe(e), e);
        }
        try {
          sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
        onBody.run();
      }
    }

    @Override
    protected int capacityIncrement() {
      return 256 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
      if (channel == null) {
        src.position(src.limit());
        return;
      }
      count += src.remaining();
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
      sha.update(src.duplicate());
      try {
        while (src.hasRemaining()) {
          channel.write(src);
        }
      } catch (IOException e) {
        throw new LocalFileException(
            "cannot write " + destination + ": " + Failures.describe(e), e);
      }
    }

    @Override
    protected HttpTransport.Response buildResult() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        channel = null;
        written.set(new HttpTransport.Download(HexFormat.of().formatHex(sha.digest()), count));
      }
      return new HttpTransport.Response(status, uri, headers, new byte[0]);
    }

    @Override
    public void releaseResources() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // the download fails anyway; the partial file is deleted by the caller
        }
        channel = null;
      }
    }
  }
}
