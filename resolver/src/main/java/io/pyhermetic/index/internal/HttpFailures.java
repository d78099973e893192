package io.pyhermetic.index.internal;

import io.pyhermetic.error.Failures;
import java.io.IOException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http2.H2ConnectionException;
import org.apache.hc.core5.http2.H2StreamResetException;

/** What a failed exchange means: in plain words, and whether another try may pass. */
final class HttpFailures {
  private HttpFailures() {}

  /** A failed exchange in plain words, never the client library's class names. */
  static String describe(Throwable error) {
    Throwable e = Futures.cause(error);
    if (e instanceof NoHttpResponseException) {
      return "the server closed the connection without answering";
    }
    if (e instanceof MalformedChunkCodingException || e instanceof TruncatedChunkException) {
      return "the server sent a broken response";
    }
    if (e instanceof ConnectionClosedException) {
      return "the server closed the connection before the response was complete";
    }
    if (e instanceof H2StreamResetException || e instanceof H2ConnectionException) {
      return "the server ended the HTTP/2 stream";
    }
    if (e instanceof RequestNotExecutedException) {
      return "the request could not be sent";
    }
    if (e instanceof HttpException) {
      // ProtocolException and its kin: what the server sent is not HTTP the client understands
      String detail = Failures.scrub(e.getMessage());
      return "the server's answer is not valid HTTP"
          + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
    return Failures.describe(e);
  }

  /** Connection-level failures that may pass; not unknown hosts or failed TLS handshakes. */
  static boolean isRetryable(Throwable error) {
    return error instanceof IOException
        && !(error instanceof BodyConsumers.LocalFileException)
        && !(error instanceof BodyConsumers.BodyTooLargeException)
        && !(error instanceof UnknownHostException)
        && !(error instanceof SSLHandshakeException);
  }
}
