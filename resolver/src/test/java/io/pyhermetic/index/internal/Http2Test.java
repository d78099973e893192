package io.pyhermetic.index.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 negotiated by ALPN over TLS, against WireMock's self-signed HTTPS port. */
class Http2Test {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().dynamicHttpsPort().http2TlsDisabled(false))
          .build();

  private static HttpTransport trustingTransport() throws Exception {
    return new HttpTransport(
        TransportOptions.defaults(),
        ClientTlsStrategyBuilder.create()
            .setSslContext(
                SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build())
            .setHostVerificationPolicy(
                org.apache.hc.client5.http.ssl.HostnameVerificationPolicy.CLIENT)
            .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
            .build());
  }

  @Test
  void getsAndDownloadsOverHttp2WhenTheServerOffersIt(@TempDir Path dir) throws Exception {
    wm.stubFor(get("/simple/pkg/").willReturn(ok("page")));
    wm.stubFor(get("/files/pkg-1.0.tar.gz").willReturn(ok().withBody(new byte[100_000])));
    String base = "https://localhost:" + wm.getHttpsPort();
    try (HttpTransport transport = trustingTransport()) {
      assertThat(transport.getSync("pkg", base + "/simple/pkg/", Map.of()).bodyText())
          .isEqualTo("page");
      HttpTransport.Download download =
          transport
              .download("pkg-1.0.tar.gz", base + "/files/pkg-1.0.tar.gz", dir.resolve("a"), 200_000)
              .join();
      assertThat(download.size()).isEqualTo(100_000);
      assertThat(Files.size(dir.resolve("a"))).isEqualTo(100_000);
    }
    List<LoggedRequest> requests =
        wm.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    assertThat(requests)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getProtocol()).isEqualTo("HTTP/2.0"));
  }
}
