package io.pyhermetic.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.prefetch.internal.MainPackageTest;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bom.json} a prefetch writes beside {@code deps/pip}. */
class PrefetcherSbomTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T12:00:00.123Z"), ZoneOffset.UTC);

  @TempDir Path temp;
  private Path links;
  private Path source;
  private Path output;

  @BeforeEach
  void fixture() throws IOException {
    links = Files.createDirectory(temp.resolve("links"));
    source = Files.createDirectory(temp.resolve("source"));
    output = temp.resolve("out").resolve("hermeto-output");
    String pure = Distributions.metadata("Pure_Lib", "1.0", null, List.of());
    Distributions.wheel(links, "pure_lib", "1.0", "py3-none-any", pure);
    Distributions.sdist(links, "pure_lib", "1.0", Distributions.Format.TAR_GZ, pure, Map.of());
    String tool = Distributions.metadata("buildtool", "0.5", null, List.of());
    Distributions.sdist(links, "buildtool", "0.5", Distributions.Format.TAR_GZ, tool, Map.of());
    Distributions.wheel(links, "buildtool", "0.5", "py3-none-any", tool);
  }

  private void write(String name, String text) throws IOException {
    Path file = source.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String hash(String file) throws IOException {
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(Files.readAllBytes(links.resolve(file))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Prefetcher prefetcher(PackageIndex index, PrefetchOptions options) {
    return new Prefetcher(index, options.toBuilder().cacheDirectory(temp.resolve("cache")).build())
        .withClock(CLOCK);
  }

  private JsonNode bom() throws IOException {
    return new ObjectMapper().readTree(output.resolve("bom.json").toFile());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> properties(JsonNode component) {
    List<String> out = new ArrayList<>();
    component
        .path("properties")
        .forEach(p -> out.add(p.path("name").asText() + "=" + p.path("value").asText()));
    return out;
  }

  @Test
  void theSbomListsTheMainPackageAndEveryFetchedPin() throws IOException {
    write("app/pyproject.toml", "[project]\nname = \"My_App\"\nversion = \"0.3.0\"\n");
    // one file without hashes (Hermeto requires them on every line once one line has one)
    write("app/requirements.txt", "pure-lib==1.0\nbuildtool==0.5\n");
    write("app/requirements-build.txt", "BuildTool==0.5\n");
    PrefetchResult result =
        prefetcher(new LocalIndex(links), PrefetchOptions.defaults())
            .prefetch(
                "{\"type\": \"pip\", \"path\": \"app\", \"binary\": {\"packages\": \"pure-lib\"}}",
                source,
                output);
    assertThat(result.written()).as(result.toString()).isTrue();
    assertThat(result.sbom()).contains(output.resolve("bom.json"));

    JsonNode bom = bom();
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.path("version").asInt()).isEqualTo(1);
    assertThat(bom.path("metadata").path("tools").get(0).path("name").asText())
        .isEqualTo("pyhermetic");
    JsonNode components = bom.path("components");
    List<String> purls = new ArrayList<>();
    components.forEach(c -> purls.add(c.path("purl").asText()));
    // sorted by purl; the temporary source is no git checkout, so no vcs_url
    assertThat(purls)
        .containsExactly(
            "pkg:pypi/buildtool@0.5", "pkg:pypi/my-app@0.3.0#app", "pkg:pypi/pure-lib@1.0");
    components.forEach(
        c -> {
          assertThat(c.path("bom-ref").asText()).isEqualTo(c.path("purl").asText());
          assertThat(c.path("type").asText()).isEqualTo("library");
        });
    JsonNode buildtool = components.get(0);
    assertThat(buildtool.path("name").asText()).isEqualTo("buildtool");
    // in the runtime file too: not a build dependency; unhashed in both files
    assertThat(properties(buildtool))
        .containsExactly(
            "hermeto:found_by=pyhermetic",
            "hermeto:missing_hash:in_file=app/requirements-build.txt",
            "hermeto:missing_hash:in_file=app/requirements.txt");
    JsonNode main = components.get(1);
    assertThat(main.path("name").asText()).isEqualTo("My_App");
    assertThat(main.path("version").asText()).isEqualTo("0.3.0");
    assertThat(properties(main)).containsExactly("hermeto:found_by=pyhermetic");
    JsonNode pure = components.get(2);
    assertThat(pure.path("name").asText()).isEqualTo("pure-lib");
    assertThat(properties(pure))
        .containsExactly(
            "hermeto:found_by=pyhermetic",
            "hermeto:missing_hash:in_file=app/requirements.txt",
            "hermeto:pip:package:binary=true");

    JsonNode annotation = bom.path("annotations").get(0);
    assertThat(annotation.path("text").asText()).isEqualTo("hermeto:backend:pip");
    assertThat(texts(annotation.path("subjects"))).isEqualTo(purls);
    assertThat(annotation.path("annotator").path("organization").path("name").asText())
        .isEqualTo("pyhermetic");
    assertThat(annotation.path("timestamp").asText()).isEqualTo("2025-06-01T12:00:00Z");
    assertThat(Files.readString(output.resolve("bom.json"))).endsWith("}\n");
  }

  @Test
  void aBuildOnlyPinIsABuildDependencyAndACustomIndexIsRecorded() throws IOException {
    write("setup.py", "from setuptools import setup\nsetup(name='tool-app', version='1')\n");
    write("requirements.txt", "pure-lib==1.0 --hash=" + hash("pure_lib-1.0.tar.gz") + "\n");
    write("requirements-build.txt", "buildtool==0.5 --hash=" + hash("buildtool-0.5.tar.gz") + "\n");
    PrefetchResult result =
        prefetcher(
                new LocalIndex(links),
                PrefetchOptions.builder()
                    .repositoryUrl(
                        Optional.of("https://user:s3cret@mirror.example.invalid/simple/"))
                    .build())
            .prefetch("\"pip\"", source, output);
    assertThat(result.written()).as(result.toString()).isTrue();
    String text = Files.readString(output.resolve("bom.json"));
    assertThat(text).doesNotContain("s3cret").doesNotContain("user");
    JsonNode components = bom().path("components");
    assertThat(components.get(0).path("purl").asText())
        .isEqualTo("pkg:pypi/buildtool@0.5?repository_url=https://mirror.example.invalid/simple/");
    assertThat(properties(components.get(0)))
        .containsExactly(
            "hermeto:found_by=pyhermetic", "hermeto:pip:package:build-dependency=true");
    assertThat(components.get(1).path("purl").asText())
        .isEqualTo("pkg:pypi/pure-lib@1.0?repository_url=https://mirror.example.invalid/simple/");
    assertThat(properties(components.get(1))).containsExactly("hermeto:found_by=pyhermetic");
    assertThat(components.get(2).path("purl").asText()).isEqualTo("pkg:pypi/tool-app@1");
  }

  @Test
  void theSameInputGivesTheSameBytes() throws IOException {
    write("pyproject.toml", "[project]\nname = \"a\"\n");
    write("requirements.txt", "pure-lib==1.0\n");
    PrefetchOptions options = PrefetchOptions.builder().replaceExisting(true).build();
    prefetcher(new LocalIndex(links), options).prefetch("\"pip\"", source, output);
    String first = Files.readString(output.resolve("bom.json"));
    prefetcher(new LocalIndex(links), options).prefetch("\"pip\"", source, output);
    assertThat(Files.readString(output.resolve("bom.json"))).isEqualTo(first);
  }

  @Test
  void aPackageWithoutANameIsRejectedBeforeAnyLookUp() throws IOException {
    Assumptions.assumeTrue(
        io.pyhermetic.prefetch.internal.GitRepository.of(source).isEmpty(),
        "the temporary directory is in a git checkout");
    write("requirements.txt", "pure-lib==1.0\n");
    write("setup.py", "setup(name=NAME)\n");
    AtomicInteger lookups = new AtomicInteger();
    PackageIndex counting = new CountingIndex(new LocalIndex(links), lookups);
    assertThatThrownBy(
            () ->
                prefetcher(counting, PrefetchOptions.defaults())
                    .prefetch("\"pip\"", source, output))
        .isInstanceOf(PrefetchException.class)
        .hasMessageStartingWith("Unable to infer package name from origin URL")
        .extracting(e -> ((PrefetchException) e).kind())
        .isEqualTo(PrefetchException.Kind.PACKAGE_REJECTED);
    assertThat(lookups).hasValue(0);
    assertThat(output.getParent()).doesNotExist();
  }

  @Test
  void aFailedPrefetchWritesNoSbom() throws IOException {
    write("pyproject.toml", "[project]\nname = \"a\"\n");
    write("requirements.txt", "pure-lib==1.0\nmissing==9.9\n");
    PrefetchResult result =
        prefetcher(new LocalIndex(links), PrefetchOptions.defaults())
            .prefetch("\"pip\"", source, output);
    assertThat(result.written()).isFalse();
    assertThat(result.sbom()).isEmpty();
    assertThat(output).doesNotExist();
    try (Stream<Path> left = Files.list(output.getParent())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void inAGitCheckoutTheNameAndVcsUrlComeFromGit() throws IOException {
    Assumptions.assumeTrue(MainPackageTest.gitWorks(), "git is not installed");
    MainPackageTest.git(source, "init", "-q");
    MainPackageTest.git(
        source, "remote", "add", "origin", "git@git.example.invalid:org/hermeto.git");
    write("subpath1/subpath2/requirements.txt", "pure-lib==1.0\n");
    MainPackageTest.commitAll(source);
    String head = MainPackageTest.git(source, "rev-parse", "HEAD");
    PrefetchResult result =
        prefetcher(new LocalIndex(links), PrefetchOptions.defaults())
            .prefetch("{\"type\": \"pip\", \"path\": \"subpath1/subpath2\"}", source, output);
    assertThat(result.written()).as(result.toString()).isTrue();
    JsonNode main = bom().path("components").get(0);
    assertThat(main.path("name").asText()).isEqualTo("hermeto-subpath1-subpath2");
    assertThat(main.has("version")).isFalse();
    assertThat(main.path("purl").asText())
        .isEqualTo(
            "pkg:pypi/hermeto-subpath1-subpath2?vcs_url=git%2Bssh://git%40git.example.invalid/org/hermeto.git%40"
                + head
                + "#subpath1/subpath2");
    assertThat(properties(bom().path("components").get(1)))
        .containsExactly(
            "hermeto:found_by=pyhermetic",
            "hermeto:missing_hash:in_file=subpath1/subpath2/requirements.txt");
  }

  /** Counts release look-ups. */
  private record CountingIndex(PackageIndex inner, AtomicInteger lookups) implements PackageIndex {
    @Override
    public List<ReleaseFile> files(ProjectName project, Version version) {
      lookups.incrementAndGet();
      return inner.files(project, version);
    }

    @Override
    public List<Version> versions(ProjectName project) {
      lookups.incrementAndGet();
      return inner.versions(project);
    }

    @Override
    public ReleaseMetadata metadata(ProjectName project, Version version) {
      lookups.incrementAndGet();
      return inner.metadata(project, version);
    }

    @Override
    public CompletableFuture<String> downloadAsync(ReleaseFile file, Path destination) {
      lookups.incrementAndGet();
      return inner.downloadAsync(file, destination);
    }
  }
}
