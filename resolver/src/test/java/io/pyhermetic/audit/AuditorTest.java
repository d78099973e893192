package io.pyhermetic.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.platform.Target;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.testdata.FixtureServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each install route against a local index of generated distributions. */
class AuditorTest {

  @TempDir Path index;
  private final Map<String, String> sha = new LinkedHashMap<>();

  private void add(Path file) throws IOException, NoSuchAlgorithmException {
    sha.put(
        file.getFileName().toString(),
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
  }

  @BeforeEach
  void buildIndex() throws Exception {
    String pure = Distributions.metadata("purelib", "1.0", ">=3.8", List.of());
    add(Distributions.wheel(index, "purelib", "1.0", "py3-none-any", pure));
    add(
        Distributions.sdist(
            index,
            "purelib",
            "1.0",
            Distributions.Format.TAR_GZ,
            pure,
            Map.of("pyproject.toml", "[build-system]\nrequires = [\"flit-core\"]\n")));
    String nv = Distributions.metadata("nvlib", "12.0", null, List.of());
    add(
        Distributions.wheel(
            index, "nvlib", "12.0", "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64", nv));
    add(
        Distributions.sdist(
            index,
            "nativepkg",
            "2.0",
            Distributions.Format.TAR_GZ,
            Distributions.metadata("nativepkg", "2.0", null, List.of()),
            Map.of()));
    String abi = Distributions.metadata("abipkg", "3.0", null, List.of());
    add(Distributions.wheel(index, "abipkg", "3.0", "cp39-abi3-manylinux_2_28_x86_64", abi));
    add(Distributions.wheel(index, "abipkg", "3.0", "cp39-abi3-manylinux_2_28_aarch64", abi));
    add(
        Distributions.wheel(
            index,
            "muslpkg",
            "1.0",
            "cp312-cp312-musllinux_1_2_x86_64",
            Distributions.metadata("muslpkg", "1.0", null, List.of())));
    add(
        Distributions.wheel(
            index,
            "oldpy",
            "1.0",
            "py3-none-any",
            Distributions.metadata("oldpy", "1.0", "<3.12", List.of())));
  }

  private AuditReport audit(String requirements, boolean hermeto) {
    RequirementsFile file =
        new RequirementsFileParser()
            .withEnvironment(Map.of())
            .parse(requirements, "requirements.txt");
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put("x86_64", Target.linux("x86_64", "3.12"));
    targets.put("aarch64", Target.linux("aarch64", "3.12"));
    Auditor auditor =
        new Auditor(
            new LocalIndex(index),
            targets,
            hermeto ? Auditor::hermetoConfigFilter : t -> Optional.empty());
    return auditor.audit(file.allEntries());
  }

  private static String routes(PackageAudit p) {
    return p.targets().get("x86_64").route().label()
        + "/"
        + p.targets().get("aarch64").route().label();
  }

  @Test
  void findsTheRoutePipWouldTakeOnEachTarget() {
    AuditReport report =
        audit(
            "purelib==1.0\nnvlib==12.0\nnativepkg==2.0\nabipkg==3.0\nmuslpkg==1.0\noldpy==1.0\nmissing==1.0\n",
            false);
    Map<String, String> routes = new LinkedHashMap<>();
    report.packages().forEach(p -> routes.put(p.name(), routes(p)));
    assertThat(routes)
        .containsEntry("purelib", "wheel/wheel")
        .containsEntry("nvlib", "wheel/none")
        .containsEntry("nativepkg", "sdist/sdist")
        .containsEntry("abipkg", "wheel/wheel")
        .containsEntry("muslpkg", "none/none")
        .containsEntry("oldpy", "none/none")
        .containsEntry("missing", "none/none");
    PackageAudit missing = report.packages().get(6);
    assertThat(missing.error()).contains("no release missing==1.0 on the index");
    assertThat(missing.indexFailure()).isFalse();
    assertThat(report.withoutSdist())
        .extracting(PackageAudit::name)
        .containsExactly("nvlib", "abipkg", "muslpkg", "oldpy");
    assertThat(report.notInstallable("aarch64"))
        .extracting(PackageAudit::name)
        .containsExactly("nvlib", "muslpkg", "oldpy", "missing");
    assertThat(report.packages().get(5).targets().get("x86_64").problems())
        .singleElement()
        .asString()
        .contains("requires_python");
    assertThat(report.packages().get(0).sdist()).contains("purelib-1.0.tar.gz");
    assertThat(report.isOk()).isFalse();
  }

  @Test
  void pinnedHashesDecideWhatPipMayInstall() {
    String wheel = sha.get("purelib-1.0-py3-none-any.whl");
    String sdist = sha.get("purelib-1.0.tar.gz");
    // only the sdist's hash is pinned: pip prefers an allowed file, so it builds from source
    AuditReport sdistOnly = audit("purelib==1.0 --hash=sha256:" + sdist + "\n", false);
    assertThat(routes(sdistOnly.packages().get(0))).isEqualTo("sdist/sdist");
    // a stale lock: no pinned hash belongs to the release
    AuditReport stale = audit("purelib==1.0 --hash=sha256:" + "0".repeat(64) + "\n", false);
    PackageAudit p = stale.packages().get(0);
    assertThat(p.staleHashes()).containsExactly("sha256:" + "0".repeat(64));
    assertThat(routes(p)).isEqualTo("none/none");
    assertThat(p.targets().get("x86_64").problems())
        .anySatisfy(s -> assertThat(s).contains("whose hash is not pinned"));
    // both hashes pinned: the wheel
    AuditReport both =
        audit("purelib==1.0 --hash=sha256:" + wheel + " --hash=sha256:" + sdist + "\n", false);
    assertThat(both.packages().get(0).matchingHashes()).hasSize(2);
    assertThat(both.isOk()).isTrue();
  }

  @Test
  void checksWhatHermetoWouldDownloadForEachTarget() {
    AuditReport report = audit("nvlib==12.0\nabipkg==3.0\npurelib==1.0\n", true);
    assertThat(report.packages().get(0).targets().get("x86_64").hermetoReady()).contains(true);
    assertThat(report.packages().get(0).targets().get("aarch64").hermetoReady()).contains(false);
    assertThat(report.packages().get(1).targets().get("aarch64").hermetoReady()).contains(true);
    assertThat(report.packages().get(2).isOk()).isTrue();
  }

  @Test
  void aMarkerLimitsThePinToTheTargetsItHoldsFor() {
    AuditReport report =
        audit("nvlib==12.0 ; platform_machine == \"x86_64\"\npurelib==1.0\n", false);
    PackageAudit nv = report.packages().get(0);
    assertThat(nv.targets()).containsOnlyKeys("x86_64");
    assertThat(nv.isOk()).isTrue();
    assertThat(report.notInstallable("aarch64")).isEmpty();
    assertThat(report.isOk()).isTrue();
  }

  @Test
  void perTargetFilesShareOnePackageForTheSamePin() {
    RequirementsFileParser parser = new RequirementsFileParser().withEnvironment(Map.of());
    RequirementsFile x86 = parser.parse("purelib==1.0\nnvlib==12.0\n", "requirements-x86_64.txt");
    RequirementsFile arm = parser.parse("purelib==1.0\n", "requirements-aarch64.txt");
    List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    AuditReport report =
        new Auditor(new LocalIndex(index), twoTargets(), t -> Optional.empty())
            .withProgress(
                new ProgressListener() {
                  @Override
                  public void progressed(int done, int total, String what) {
                    progress.add(done + "/" + total);
                  }
                })
            .audit(Map.of("x86_64", x86.allEntries(), "aarch64", arm.allEntries()));
    assertThat(report.packages())
        .extracting(PackageAudit::name)
        .containsExactly("purelib", "nvlib");
    assertThat(report.packages().get(0).targets()).containsOnlyKeys("x86_64", "aarch64");
    assertThat(report.packages().get(1).targets()).containsOnlyKeys("x86_64");
    assertThat(report.isOk()).isTrue();
    assertThat(progress).containsExactlyInAnyOrder("1/2", "2/2");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({
    // files, every target?, x86_64 gets, aarch64 gets
    "'requirements-x86_64.txt,requirements-arm64.txt', false, a, b",
    "'requirements-amd64.txt,requirements-aarch64.txt', true, ab, ab",
    "'requirements-x86_64.txt,requirements.txt', false, ab, ab",
    "'requirements-x86_64.txt,requirements-s390x.txt', false, ab, ab",
    "'requirements-x86_64.txt,requirements-x86_64-extra.txt', false, ab, ''"
  })
  void filesNamedPerTargetAreAuditedForTheirOwnTarget(
      String files, boolean everyTarget, String x86, String arm) {
    RequirementsFileParser parser = new RequirementsFileParser().withEnvironment(Map.of());
    String[] names = files.split(",");
    Map<Path, List<io.pyhermetic.reqfile.Entry>> byFile = new LinkedHashMap<>();
    byFile.put(Path.of(names[0]), parser.parse("a==1\n", names[0]).allEntries());
    byFile.put(Path.of(names[1]), parser.parse("b==1\n", names[1]).allEntries());
    Map<String, List<io.pyhermetic.reqfile.Entry>> byTarget =
        Auditor.entriesByTarget(byFile, List.of("x86_64", "aarch64"), everyTarget);
    assertThat(byTarget).containsOnlyKeys("x86_64", "aarch64");
    assertThat(names(byTarget.get("x86_64"))).isEqualTo(x86);
    assertThat(names(byTarget.get("aarch64"))).isEqualTo(arm == null ? "" : arm);
  }

  private static String names(List<io.pyhermetic.reqfile.Entry> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(e.name().get().canonical()));
    return out.toString();
  }

  @Test
  void auditsTheCorpusAgainstAnIndexShapedAfterIt() {
    RequirementsFileParser parser = new RequirementsFileParser();
    RequirementsFile x86 =
        parser.parse(CorpusIndex.read("requirements-x86_64.txt"), "requirements-x86_64.txt");
    RequirementsFile arm =
        parser.parse(CorpusIndex.read("requirements-aarch64.txt"), "requirements-aarch64.txt");
    CorpusIndex corpus = CorpusIndex.garak();
    try (FixtureServer server = FixtureServer.start(corpus, 0);
        SimpleIndex simple = new SimpleIndex(server.simpleUrl())) {
      Map<String, List<io.pyhermetic.reqfile.Entry>> byTarget = new LinkedHashMap<>();
      byTarget.put("x86_64", x86.allEntries());
      byTarget.put("aarch64", arm.allEntries());
      AuditReport perFile =
          new Auditor(simple, twoTargets(), Auditor::hermetoConfigFilter).audit(byTarget);
      assertThat(perFile.packages()).hasSize(corpus.releaseCount());
      assertThat(perFile.withoutSdist())
          .extracting(PackageAudit::name)
          .containsExactlyInAnyOrderElementsOf(CorpusIndex.WITHOUT_SDIST);
      assertThat(perFile.hashProblems()).isEmpty();
      assertThat(perFile.isOk()).isTrue();

      // every pin on every target: the CUDA wheels have nothing for aarch64
      List<io.pyhermetic.reqfile.Entry> all = new java.util.ArrayList<>(x86.allEntries());
      all.addAll(arm.allEntries());
      AuditReport everywhere =
          new Auditor(simple, twoTargets(), Auditor::hermetoConfigFilter).audit(all);
      assertThat(everywhere.notInstallable("aarch64"))
          .extracting(PackageAudit::name)
          .isNotEmpty()
          .allSatisfy(name -> assertThat(name).startsWith("nvidia-"));
      assertThat(everywhere.notInstallable("x86_64")).isEmpty();
      assertThat(server.requests()).isLessThanOrEqualTo(2 * corpus.releaseCount());
    }
  }

  private static Map<String, Target> twoTargets() {
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put("x86_64", Target.linux("x86_64", "3.12"));
    targets.put("aarch64", Target.linux("aarch64", "3.12"));
    return targets;
  }

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static String page(String name, String files) {
    return "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \""
        + name
        + "\", \"versions\": [\"1.0\"], \"files\": ["
        + files
        + "]}";
  }

  private static String file(String filename, String sha256, String yanked) {
    return "{\"filename\": \""
        + filename
        + "\", \"url\": \"https://files.example.invalid/"
        + filename
        + "\", \"hashes\": {\"sha256\": \""
        + sha256
        + "\"}, \"yanked\": "
        + yanked
        + "}";
  }

  @Test
  void aYankedReleaseAMissingOneAndAFailingIndexAreEachAnOutcome() {
    String a = "a".repeat(64);
    String b = "b".repeat(64);
    wm.stubFor(
        get("/simple/oldrel/")
            .willReturn(
                okForContentType(
                    "application/vnd.pypi.simple.v1+json",
                    page(
                        "oldrel",
                        file("oldrel-1.0-py3-none-any.whl", a, "\"broken build\"")
                            + ", "
                            + file("oldrel-1.0.tar.gz", b, "\"broken build\"")))));
    wm.stubFor(get("/simple/gone/").willReturn(aResponse().withStatus(404)));
    wm.stubFor(get("/simple/flaky/").willReturn(aResponse().withStatus(503)));
    try (SimpleIndex simple =
        new SimpleIndex(
            wm.baseUrl() + "/simple/", IndexSettings.builder().maxTries(2).noNetrc().build())) {
      RequirementsFile file =
          new RequirementsFileParser()
              .parse(
                  "oldrel==1.0 --hash=sha256:" + a + "\ngone==1.0\nflaky==1.0\n",
                  "requirements.txt");
      AuditReport report =
          new Auditor(simple, twoTargets(), t -> Optional.empty()).audit(file.allEntries());
      PackageAudit yanked = report.packages().get(0);
      assertThat(yanked.yanked()).isTrue();
      assertThat(yanked.yankedReason()).contains("broken build");
      assertThat(yanked.targets().get("x86_64").route()).isEqualTo(Route.WHEEL);
      assertThat(yanked.targets().get("x86_64").problems())
          .containsExactly("oldrel-1.0-py3-none-any.whl is yanked");
      assertThat(report.yanked()).containsExactly(yanked);
      PackageAudit gone = report.packages().get(1);
      assertThat(gone.error()).contains("no release gone==1.0 on the index");
      assertThat(gone.indexFailure()).isFalse();
      // a 404 is the index's answer: checked, nothing installs
      assertThat(gone.targets().get("x86_64").route()).isEqualTo(Route.NONE);
      assertThat(gone.hasSdist()).contains(false);
      PackageAudit flaky = report.packages().get(2);
      assertThat(flaky.indexFailure()).isTrue();
      assertThat(flaky.error().get()).contains("503");
      assertThat(report.hasIndexFailures()).isTrue();
      assertThat(report.errors()).containsExactly(gone, flaky);
      // a failing index answered nothing: unknown, never "not installable" or "no sdist"
      assertThat(flaky.targets().get("x86_64").route()).isEqualTo(Route.UNKNOWN);
      assertThat(flaky.targets().get("x86_64").hermetoReady()).isEmpty();
      assertThat(flaky.hasSdist()).isEmpty();
      assertThat(report.notInstallable("x86_64")).containsExactly(gone);
      assertThat(report.unknown("x86_64")).containsExactly(flaky);
      assertThat(report.indexFailures()).containsExactly(flaky);
      assertThat(report.withoutSdist()).isEmpty();
    }
  }

  @Test
  void aJunkPageIsAnIndexFailureNotAStaleLock() {
    String pinned = "c".repeat(64);
    wm.stubFor(
        get("/simple/lockedpkg/")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<html><body><form action=\"/sso\"><input name=\"user\"></form>"
                            + "</body></html>")));
    try (SimpleIndex simple =
        new SimpleIndex(
            wm.baseUrl() + "/simple/", IndexSettings.builder().maxTries(1).noNetrc().build())) {
      RequirementsFile file =
          new RequirementsFileParser()
              .parse("lockedpkg==1.0 --hash=sha256:" + pinned + "\n", "requirements.txt");
      AuditReport report =
          new Auditor(simple, twoTargets(), Auditor::hermetoConfigFilter).audit(file.allEntries());
      PackageAudit p = report.packages().get(0);
      assertThat(p.indexFailure()).isTrue();
      assertThat(p.staleHashes()).isEmpty();
      assertThat(report.hashProblems()).isEmpty();
      assertThat(p.error().get())
          .startsWith("lockedpkg==1.0: not a simple-index project page")
          .contains(wm.baseUrl() + "/simple/lockedpkg/");
      assertThat(p.targets().values()).extracting(TargetResult::route).containsOnly(Route.UNKNOWN);
      assertThat(report.unknown("aarch64")).containsExactly(p);
      assertThat(report.notInstallable("aarch64")).isEmpty();
    }
  }

  @Test
  void eachTargetCitesWhereThePinIsWrittenForIt() {
    RequirementsFileParser parser = new RequirementsFileParser().withEnvironment(Map.of());
    RequirementsFile x86 =
        parser.parse("nvlib==12.0\nmissing==1.0\npurelib==1.0\n", "requirements-x86_64.txt");
    RequirementsFile arm =
        parser.parse(
            "# aarch64\npurelib==1.0\n\nnvlib==12.0\nmissing==1.0\n", "requirements-aarch64.txt");
    AuditReport report =
        new Auditor(new LocalIndex(index), twoTargets(), t -> Optional.empty())
            .audit(perTarget(x86, arm));
    Map<String, PackageAudit> byName = new LinkedHashMap<>();
    report.packages().forEach(p -> byName.put(p.name(), p));
    PackageAudit nv = byName.get("nvlib");
    assertThat(nv.targets().get("x86_64").location())
        .extracting(l -> l.source(), l -> l.line())
        .containsExactly("requirements-x86_64.txt", 1);
    assertThat(nv.targets().get("aarch64").location())
        .extracting(l -> l.source(), l -> l.line())
        .containsExactly("requirements-aarch64.txt", 4);
    assertThat(nv.locationFor("aarch64").line()).isEqualTo(4);
    assertThat(byName.get("missing").locationFor("aarch64").line()).isEqualTo(5);
    assertThat(byName.get("purelib").locationFor("x86_64").line()).isEqualTo(3);
    assertThat(byName.get("purelib").locationFor("aarch64").line()).isEqualTo(2);
    // the package's own location is where it first appears
    assertThat(nv.location().source()).isEqualTo("requirements-x86_64.txt");

    String text = AuditRenderer.text(report, report.packages(), false);
    assertThat(text)
        .contains("requirements-aarch64.txt:4: nvlib 12.0 [aarch64]: no wheel for")
        .contains("requirements-x86_64.txt:2: missing 1.0 [x86_64]: no release missing==1.0")
        .contains("requirements-aarch64.txt:5: missing 1.0 [aarch64]: no release missing==1.0")
        .doesNotContain("requirements-x86_64.txt:1: nvlib 12.0 [aarch64]");
    String markdown = AuditRenderer.markdown(report, report.packages());
    assertThat(markdown)
        .contains("\nProblems:\n\n")
        .contains("- `requirements-aarch64.txt:4`: nvlib 12.0 \\[aarch64\\]: no wheel for");
    List<Map<String, String>> csv = csvRecords(AuditRenderer.csv(report, report.packages()));
    Map<String, String> nvRow =
        csv.stream().filter(r -> r.get("name").equals("nvlib")).findFirst().get();
    assertThat(nvRow)
        .containsEntry("x86_64_requirements_file", "requirements-x86_64.txt")
        .containsEntry("x86_64_line", "1")
        .containsEntry("aarch64_install", "none")
        .containsEntry("aarch64_requirements_file", "requirements-aarch64.txt")
        .containsEntry("aarch64_line", "4");
    JsonNode json = json(AuditRenderer.json(report, report.packages(), "local"));
    JsonNode nvJson = json.path("packages").get(0);
    assertThat(nvJson.path("name").asText()).isEqualTo("nvlib");
    assertThat(nvJson.path("targets").path("aarch64").path("requirements_file").asText())
        .isEqualTo("requirements-aarch64.txt");
    assertThat(nvJson.path("targets").path("aarch64").path("line").asInt()).isEqualTo(4);
    assertThat(nvJson.path("targets").path("x86_64").path("line").asInt()).isEqualTo(1);
    assertThat(nvJson.path("targets").path("x86_64").path("file").asText())
        .isEqualTo("nvlib-12.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
  }

  static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** RFC 4180 records by header name. */
  static List<Map<String, String>> csvRecords(String csv) {
    List<List<String>> rows = new java.util.ArrayList<>();
    List<String> row = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new java.util.ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    List<Map<String, String>> records = new java.util.ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      assertThat(r).hasSameSizeAs(rows.get(0));
      Map<String, String> record = new LinkedHashMap<>();
      for (int c = 0; c < r.size(); c++) {
        record.put(rows.get(0).get(c), r.get(c));
      }
      records.add(record);
    }
    return records;
  }

  /** The x86_64 file first, then the aarch64 one. */
  private static Map<String, List<io.pyhermetic.reqfile.Entry>> perTarget(
      RequirementsFile x86, RequirementsFile arm) {
    Map<String, List<io.pyhermetic.reqfile.Entry>> byTarget = new LinkedHashMap<>();
    byTarget.put("x86_64", x86.allEntries());
    byTarget.put("aarch64", arm.allEntries());
    return byTarget;
  }
}
