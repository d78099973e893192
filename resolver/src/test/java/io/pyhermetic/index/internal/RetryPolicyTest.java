package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {
  private final List<Optional<Duration>> asked = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
  private final RetryPolicy policy =
      new RetryPolicy(
          3,
          (retry, retryAfter) -> {
            asked.add(retryAfter);
            return Duration.ofMillis(100L * retry);
          },
          clock);

  @ParameterizedTest
  @CsvSource({
    "429, 1, true",
    "500, 1, true",
    "503, 2, true",
    "503, 3, false",
    "404, 1, false",
    "410, 1, false",
    "401, 1, false",
    "200, 1, false",
    "304, 1, false"
  })
  void retriesTooManyRequestsAndServerErrorsUpToTheLastTry(
      int status, int execCount, boolean retried) {
    assertThat(policy.retryRequest(new BasicHttpResponse(status), execCount, null))
        .isEqualTo(retried);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new SocketException("Connection reset"), true),
        Arguments.of(new SocketTimeoutException("Read timed out"), true),
        Arguments.of(new ConnectException("Connection refused"), true),
        Arguments.of(new NoHttpResponseException("closed"), true),
        Arguments.of(new EOFException(), true),
        Arguments.of(new UnknownHostException("idx.invalid"), false),
        Arguments.of(new SSLHandshakeException("bad certificate"), false),
        Arguments.of(new BodyConsumers.BodyTooLargeException(10), false),
        Arguments.of(new BodyConsumers.LocalFileException("disk full", new IOException()), false));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void retriesConnectionFailuresThatMayPass(IOException failure, boolean retried) {
    BasicHttpRequest request = new BasicHttpRequest("GET", "/");
    assertThat(policy.retryRequest(request, failure, 1, null)).isEqualTo(retried);
    assertThat(policy.retryRequest(request, failure, 3, null)).isFalse();
  }

  @Test
  void theDelayComesFromTheBackoffGivenTheServersRetryAfter() {
    BasicHttpResponse seconds = new BasicHttpResponse(429);
    seconds.addHeader("Retry-After", "7");
    BasicHttpResponse date = new BasicHttpResponse(503);
    date.addHeader("Retry-After", "Sun, 01 Jun 2025 12:00:30 GMT");
    assertThat(policy.getRetryInterval(seconds, 1, null).toMilliseconds()).isEqualTo(100);
    assertThat(policy.getRetryInterval(date, 2, null).toMilliseconds()).isEqualTo(200);
    assertThat(
            policy
                .getRetryInterval(new BasicHttpRequest("GET", "/"), new EOFException(), 1, null)
                .toMilliseconds())
        .isEqualTo(100);
    assertThat(asked)
        .containsExactly(
            Optional.of(Duration.ofSeconds(7)),
            Optional.of(Duration.ofSeconds(30)),
            Optional.empty());
  }
}
