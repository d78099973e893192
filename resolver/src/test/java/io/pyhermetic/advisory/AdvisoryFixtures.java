package io.pyhermetic.advisory;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The advisory fixtures under {@code /advisory/}, served by WireMock as both services would. */
public final class AdvisoryFixtures {
  private AdvisoryFixtures() {}

  public static String resource(String name) {
    try (InputStream in = AdvisoryFixtures.class.getResourceAsStream("/advisory/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON API under {@code /pypi/} for urllib3 1.26.5, requests 2.25.1, jinja2 2.11.2, six. */
  public static void stubPypi(WireMockExtension wm) {
    for (String release :
        new String[] {"urllib3/1.26.5", "requests/2.25.1", "jinja2/2.11.2", "six/1.16.0"}) {
      wm.stubFor(
          get("/pypi/" + release + "/json")
              .willReturn(okJson(resource("pypi-" + release.replace('/', '-') + ".json"))));
    }
  }

  /** OSV under {@code /osv/}: one batch for urllib3 1.26.5, six 1.16.0, jinja2 2.11.2. */
  public static void stubOsv(WireMockExtension wm) {
    wm.stubFor(
        post("/osv/v1/querybatch")
            .withRequestBody(
                equalToJson(
                    "{\"queries\":["
                        + query("urllib3", "1.26.5")
                        + ","
                        + query("six", "1.16.0")
                        + ","
                        + query("jinja2", "2.11.2")
                        + "]}"))
            .willReturn(okJson(resource("osv-querybatch.json"))));
    for (String id :
        new String[] {
          "GHSA-34jh-p97f-mpxf", "GHSA-v845-jxx5-vc9f", "GHSA-h5c8-rqwp-cp95", "OSV-2099-1"
        }) {
      wm.stubFor(get("/osv/v1/vulns/" + id).willReturn(okJson(resource("osv-" + id + ".json"))));
    }
  }

  static String query(String name, String version) {
    return "{\"package\":{\"name\":\""
        + name
        + "\",\"ecosystem\":\"PyPI\"},\"version\":\""
        + version
        + "\"}";
  }
}
