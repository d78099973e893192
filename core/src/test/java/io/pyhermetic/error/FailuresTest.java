package io.pyhermetic.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new NoSuchFileException("/x"), "no such file or directory: /x"),
        Arguments.of(new AccessDeniedException("/etc/shadow"), "permission denied: /etc/shadow"),
        Arguments.of(new FileSystemException("/d", null, "Is a directory"), "/d: is a directory"),
        Arguments.of(new MalformedInputException(1), "not UTF-8 text"),
        Arguments.of(new ConnectException("Connection refused"), "connection refused"),
        Arguments.of(new UnknownHostException("idx.invalid"), "unknown host idx.invalid"),
        Arguments.of(new SocketTimeoutException("Read timed out"), "timed out"),
        Arguments.of(new SocketException("Connection reset"), "the connection was reset"),
        Arguments.of(new EOFException(), "unexpected end of data"),
        Arguments.of(new ZipException("zip END header not found"), "not a valid zip archive"),
        Arguments.of(
            new SSLHandshakeException(
                "PKIX path building failed:"
                    + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find"
                    + " valid certification path"),
            "the TLS handshake failed: PKIX path building failed: unable to find valid"),
        // wrappers that add nothing are seen through; one with a message keeps it
        Arguments.of(
            new CompletionException(new UncheckedIOException(new NoSuchFileException("/y"))),
            "no such file or directory: /y"),
        Arguments.of(
            new UncheckedIOException(
                "cannot write out.txt: java.nio.file.AccessDeniedException: out.txt",
                new AccessDeniedException("out.txt")),
            "cannot write out.txt: out.txt"),
        Arguments.of(new IOException(), "input or output failed"),
        Arguments.of(new IllegalStateException(), "unexpected failure"),
        Arguments.of(
            new IOException("GET https://u:s3cret@idx.invalid/ failed"),
            "GET https://***@idx.invalid/ failed"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void describesFailuresInPlainWords(Throwable error, String expected) {
    String text = Failures.describe(error);
    assertThat(text)
        .startsWith(expected)
        .doesNotContain("java.")
        .doesNotContain("javax.")
        .doesNotContain("sun.")
        .doesNotContain("Exception");
  }

  @Test
  void scrubsClassNamesFromMessagesBuiltElsewhere() {
    assertThat(Failures.scrub("cannot read x: java.io.IOException: disk full"))
        .isEqualTo("cannot read x: disk full");
    assertThat(
            Failures.scrub(
                "look-up failed: org.apache.hc.core5.http.NoHttpResponseException: idx:80 failed"))
        .isEqualTo("look-up failed: idx:80 failed");
    assertThat(Failures.scrub("internal error: java.lang.IllegalStateException"))
        .isEqualTo("internal error");
    // file names, host names, versions and Python's errors stay as they are
    assertThat(Failures.scrub("requirements.txt:3: torch==2.5.1 (setup.py)"))
        .isEqualTo("requirements.txt:3: torch==2.5.1 (setup.py)");
    assertThat(Failures.scrub("HTTP 503 from https://sun.example.com/simple/; ValueError"))
        .isEqualTo("HTTP 503 from https://sun.example.com/simple/; ValueError");
  }
}
