package io.pyhermetic.index.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as a caller asks for it, before retries and redirects.
 *
 * @param subject what the request is for (a project, or {@code name==version}), for messages
 * @param method {@code GET} or {@code POST}
 * @param url the URL; {@code user:password@} in it becomes a basic {@code Authorization} header
 * @param headers extra request headers
 * @param body the body of a {@code POST}
 */
record HttpCall(
    String subject, String method, String url, Map<String, String> headers, Optional<Body> body) {

  /** A request body and its media type. */
  record Body(byte[] bytes, String contentType) {
    Body {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Body b
          && Arrays.equals(bytes, b.bytes)
          && contentType.equals(b.contentType);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(bytes) + contentType.hashCode();
    }

    @Override
    public String toString() {
      return "Body[" + bytes.length + " bytes of " + contentType + "]";
    }
  }

  HttpCall {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  static HttpCall get(String subject, String url, Map<String, String> headers) {
    return new HttpCall(subject, "GET", url, headers, Optional.empty());
  }
}
