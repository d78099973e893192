package io.pyhermetic.index.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RangedWheelTest {
  private static final RangeServer FILES = new RangeServer();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().extensions(FILES))
          .build();

  private static final String NAME = "demo-1.0-py3-none-any.whl";
  private static final String METADATA =
      "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: idna>=2\n\nBody\n";

  private HttpTransport transport;

  private static TransportOptions options() {
    return TransportOptions.defaults()
        .withBackoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(100), 0.01))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @BeforeEach
  void setUp() {
    transport = new HttpTransport(options());
  }

  @AfterEach
  void tearDown() {
    transport.close();
    FILES.files.clear();
  }

  /** Serves the bytes registered for a path, honouring a single {@code Range} as a server does. */
  static final class RangeServer implements ResponseDefinitionTransformerV2 {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public String getName() {
      return "ranges";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      byte[] file = files.get(event.getRequest().getUrl());
      String range = event.getRequest().getHeader("Range");
      Matcher m = RANGE.matcher(range == null ? "" : range);
      if (file == null || !m.matches()) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).build();
      }
      long first;
      long last;
      if (m.group(1).isEmpty()) {
        first = Math.max(0, file.length - Long.parseLong(m.group(2)));
        last = file.length - 1;
      } else {
        first = Long.parseLong(m.group(1));
        last = m.group(2).isEmpty() ? file.length - 1 : Long.parseLong(m.group(2));
      }
      if (first >= file.length) {
        return new ResponseDefinitionBuilder().withStatus(416).build();
      }
      last = Math.min(last, file.length - 1);
      return new ResponseDefinitionBuilder()
          .withStatus(206)
          .withHeader("Content-Range", "bytes " + first + "-" + last + "/" + file.length)
          .withBody(Arrays.copyOfRange(file, (int) first, (int) last + 1))
          .build();
    }
  }

  /** A wheel: {@code before} bytes of random stored data, METADATA, {@code after} empty files. */
  static byte[] wheel(int before, String metadata, boolean storedMetadata, int after) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        if (before > 0) {
          byte[] data = new byte[before];
          new Random(7).nextBytes(data);
          zip.setLevel(0);
          zip.putNextEntry(new ZipEntry("demo/data.bin"));
          zip.write(data);
          zip.setLevel(6);
        }
        byte[] text = metadata.getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry("demo-1.0.dist-info/METADATA");
        if (storedMetadata) {
          CRC32 crc = new CRC32();
          crc.update(text);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(text.length);
          entry.setCompressedSize(text.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(text);
        for (int i = 0; i < after; i++) {
          zip.putNextEntry(new ZipEntry("demo/a/rather/long/path/to/module_number_" + i + ".py"));
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ReleaseFile serve(String path, byte[] file, boolean withSize) {
    FILES.files.put(path, file);
    wm.stubFor(
        get(path)
            .willReturn(aResponse().withStatus(200).withBody(file).withTransformers("ranges")));
    ReleaseFile.Builder b = ReleaseFile.builder(NAME, wm.baseUrl() + path);
    if (withSize) {
      b.size(file.length);
    }
    return b.build();
  }

  private Optional<String> read(ReleaseFile file) {
    return Futures.join(RangedWheel.readMetadata(transport, "demo==1.0", file.url(), file));
  }

  @Test
  void aSmallWheelIsReadWithOneRangeRequest() {
    byte[] file = wheel(0, METADATA, false, 3);
    ReleaseFile wheel = serve("/small.whl", file, true);
    assertThat(read(wheel)).contains(METADATA);
    assertThat(requests("/small.whl")).containsExactly("bytes=0-" + (file.length - 1));
  }

  @Test
  void withoutAListedSizeTheTailIsAskedForBySuffix() {
    ReleaseFile wheel = serve("/nosize.whl", wheel(0, METADATA, true, 3), false);
    assertThat(read(wheel)).contains(METADATA);
    assertThat(requests("/nosize.whl")).containsExactly("bytes=-" + RangedWheel.TAIL_BYTES);
  }

  @Test
  void aLongDirectoryAndAMemberFarFromTheEndCostOneRangeEach() {
    byte[] file = wheel(300_000, METADATA, false, 3_000);
    ReleaseFile wheel = serve("/large.whl", file, true);
    assertThat(read(wheel)).contains(METADATA);
    List<String> asked = requests("/large.whl");
    assertThat(asked).hasSize(3).doesNotContainNull();
    assertThat(asked.get(0))
        .isEqualTo("bytes=" + (file.length - RangedWheel.TAIL_BYTES) + "-" + (file.length - 1));
    // the member is read apart: neither the 300 kB before it nor the files after it are asked for
    Matcher member = Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(asked.get(2));
    assertThat(member.matches()).isTrue();
    assertThat(Long.parseLong(member.group(1))).isGreaterThan(300_000);
    assertThat(Long.parseLong(member.group(2)) - Long.parseLong(member.group(1))).isLessThan(5_000);
  }

  @Test
  void aServerThatIgnoresRangesAnswersWithTheWholeFileWhichMustHaveTheListedHash() {
    byte[] file = wheel(1_000, METADATA, false, 3);
    wm.stubFor(get("/whole.whl").willReturn(aResponse().withStatus(200).withBody(file)));
    ReleaseFile listed =
        ReleaseFile.builder(NAME, wm.baseUrl() + "/whole.whl").sha256(Digests.sha256(file)).build();
    assertThat(read(listed)).contains(METADATA);
    ReleaseFile wrongHash =
        ReleaseFile.builder(NAME, wm.baseUrl() + "/whole.whl").sha256("ab".repeat(32)).build();
    assertThatThrownBy(() -> read(wrongHash))
        .isInstanceOf(IndexException.class)
        .hasMessage(
            "demo==1.0: "
                + NAME
                + " sha256 "
                + Digests.sha256(file)
                + " does not match the index's "
                + "ab".repeat(32)
                + " ("
                + wm.baseUrl()
                + "/whole.whl)");
  }

  @Test
  void aWholeAnswerAboveTheBodyLimitOrARefusedRangeLeavesTheReadToADownload() {
    transport.close();
    transport = new HttpTransport(options().withMaxBodyBytes(50_000));
    byte[] file = wheel(100_000, METADATA, false, 3);
    wm.stubFor(get("/big.whl").willReturn(aResponse().withStatus(200).withBody(file)));
    assertThat(read(ReleaseFile.builder(NAME, wm.baseUrl() + "/big.whl").build())).isEmpty();
    wm.stubFor(get("/refused.whl").willReturn(aResponse().withStatus(416)));
    assertThat(read(ReleaseFile.builder(NAME, wm.baseUrl() + "/refused.whl").build())).isEmpty();
    wm.stubFor(get("/nototal.whl").willReturn(aResponse().withStatus(206).withBody(file)));
    assertThat(read(ReleaseFile.builder(NAME, wm.baseUrl() + "/nototal.whl").build())).isEmpty();
  }

  @Test
  void aMissingFileIsTheServersAnswer() {
    wm.stubFor(get("/gone.whl").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> read(ReleaseFile.builder(NAME, wm.baseUrl() + "/gone.whl").build()))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("demo==1.0: HTTP 404 for a byte range of " + NAME);
  }

  static Stream<Arguments> damaged() {
    byte[] good = wheel(0, METADATA, true, 3);
    byte[] stored = good.clone();
    int at = indexOf(stored, "Requires-Dist".getBytes(StandardCharsets.UTF_8));
    stored[at] = 'X';
    byte[] garbage = new byte[5_000];
    new Random(3).nextBytes(garbage);
    return Stream.of(
        Arguments.of(
            "not a zip",
            garbage,
            "not a zip archive: no end-of-central-directory record in its last 5000 bytes"),
        Arguments.of(
            "truncated",
            Arrays.copyOfRange(good, 0, good.length - 10),
            "not a zip archive: no end-of-central-directory record in its last "
                + (good.length - 10)
                + " bytes"),
        Arguments.of(
            "front cut off",
            Arrays.copyOfRange(good, 200, good.length),
            "its central directory (bytes "),
        Arguments.of(
            "member damaged", stored, "demo-1.0.dist-info/METADATA fails its CRC-32 check"),
        Arguments.of(
            "no METADATA",
            wheel(0, METADATA, true, 3).clone(),
            "it holds no core metadata file (*.dist-info/METADATA)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damaged")
  void aDamagedArchiveIsAnIndexErrorNamingTheFileAndUrl(String what, byte[] file, String reason) {
    if (what.equals("no METADATA")) {
      file = rename(file, "demo-1.0.dist-info/METADATA", "demo-1.0.dist-info/RECORDS!");
    }
    ReleaseFile wheel = serve("/damaged.whl", file, true);
    assertThatThrownBy(() -> read(wheel))
        .isInstanceOf(IndexException.class)
        .hasMessageStartingWith("demo==1.0: cannot read " + NAME + ": " + reason)
        .hasMessageEndingWith("(" + wm.baseUrl() + "/damaged.whl)");
  }

  private static List<String> requests(String path) {
    return wm.findAll(getRequestedFor(urlEqualTo(path))).stream()
        .map(r -> r.getHeader("Range"))
        .toList();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }

  /** {@code file} with every occurrence of name {@code from} replaced by one as long. */
  private static byte[] rename(byte[] file, String from, String to) {
    byte[] copy = file.clone();
    byte[] a = from.getBytes(StandardCharsets.UTF_8);
    byte[] b = to.getBytes(StandardCharsets.UTF_8);
    UnaryOperator<Integer> next =
        start -> {
          for (int i = start; i + a.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + a.length, a, 0, a.length)) {
              return i;
            }
          }
          return -1;
        };
    for (int i = next.apply(0); i >= 0; i = next.apply(i + 1)) {
      System.arraycopy(b, 0, copy, i, b.length);
    }
    return copy;
  }
}
