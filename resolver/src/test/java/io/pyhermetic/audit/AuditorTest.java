package io.pyhermetic.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pyhermetic.index.IndexSettings;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.platform.Target;
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
            .withProgress((done, total, release) -> progress.add(done + "/" + total))
            .audit(Map.of("x86_64", x86.allEntries(), "aarch64", arm.allEntries()));
    assertThat(report.packages())
        .extracting(PackageAudit::name)
        .containsExactly("purelib", "nvlib");
    assertThat(report.packages().get(0).targets()).containsOnlyKeys("x86_64", "aarch64");
    assertThat(report.packages().get(1).targets()).containsOnlyKeys("x86_64");
    assertThat(report.isOk()).isTrue();
    assertThat(progress).containsExactlyInAnyOrder("1/2", "2/2");
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
      PackageAudit flaky = report.packages().get(2);
      assertThat(flaky.indexFailure()).isTrue();
      assertThat(flaky.error().get()).contains("503");
      assertThat(report.hasIndexFailures()).isTrue();
      assertThat(report.errors()).containsExactly(gone, flaky);
    }
  }
}
