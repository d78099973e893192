package io.pyhermetic.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.error.Severity;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.LocalIndex;
import io.pyhermetic.index.PackageIndex;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.progress.ProgressListener;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Distributions;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prefetching from a directory of generated distributions for two architectures. */
class PrefetcherTest {
  private static final String X86 = "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64";
  private static final String ARM = "cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64";

  @TempDir Path temp;
  private Path links;
  private Path source;
  private Path cache;
  private Path output;

  @BeforeEach
  void fixture() throws IOException {
    links = Files.createDirectory(temp.resolve("links"));
    source = Files.createDirectory(temp.resolve("source"));
    cache = temp.resolve("cache");
    output = temp.resolve("out").resolve("hermeto-output");
    String nativeMeta = Distributions.metadata("nativelib", "2.0", ">=3.9", List.of());
    Distributions.wheel(links, "nativelib", "2.0", X86, nativeMeta);
    Distributions.wheel(links, "nativelib", "2.0", ARM, nativeMeta);
    Distributions.sdist(
        links, "nativelib", "2.0", Distributions.Format.TAR_GZ, nativeMeta, Map.of());
    String pure = Distributions.metadata("purelib", "1.0", null, List.of());
    Distributions.wheel(links, "purelib", "1.0", "py3-none-any", pure);
    Distributions.sdist(links, "purelib", "1.0", Distributions.Format.TAR_GZ, pure, Map.of());
    Distributions.wheel(
        links,
        "binonly",
        "3.0",
        "py3-none-manylinux_2_17_x86_64",
        Distributions.metadata("binonly", "3.0", null, List.of()));
    String tool = Distributions.metadata("buildtool", "0.5", null, List.of());
    Distributions.sdist(links, "buildtool", "0.5", Distributions.Format.TAR_GZ, tool, Map.of());
    // the project's own name, which bom.json needs (the temporary directory is no git checkout)
    write("pyproject.toml", "[project]\nname = \"sample-app\"\nversion = \"0.1.0\"\n");
  }

  private String hashed(String... pins) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String pin : pins) {
      String name = pin.substring(0, pin.indexOf("=="));
      out.append(pin);
      try (Stream<Path> files = Files.list(links)) {
        for (Path f : files.sorted().toList()) {
          String file = f.getFileName().toString();
          if (file.startsWith(name + "-" + pin.substring(pin.indexOf("==") + 2))) {
            out.append(" \\\n    --hash=sha256:").append(sha256(f));
          }
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(source.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Prefetcher prefetcher(PackageIndex index) {
    return new Prefetcher(index, PrefetchOptions.builder().cacheDirectory(cache).build());
  }

  private PrefetchResult run(PackageIndex index, String json) {
    return prefetcher(index).prefetch(json, source, output);
  }

  private List<String> outputFiles() throws IOException {
    try (Stream<Path> files = Files.list(output.resolve("deps/pip"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(output.getParent())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        Arguments.of(
            "source-only",
            "",
            List.of("buildtool-0.5.tar.gz", "nativelib-2.0.tar.gz", "purelib-1.0.tar.gz")),
        Arguments.of(
            "prefer-binary x86_64",
            ", \"binary\": {\"arch\": \"x86_64\", \"py_version\": 312}",
            List.of(
                "buildtool-0.5.tar.gz",
                "nativelib-2.0-" + X86 + ".whl",
                "nativelib-2.0.tar.gz",
                "purelib-1.0-py3-none-any.whl",
                "purelib-1.0.tar.gz")),
        Arguments.of(
            "prefer-binary aarch64",
            ", \"binary\": {\"packages\": \":all:\", \"arch\": \"aarch64\", \"py_version\": 312}",
            List.of(
                "buildtool-0.5.tar.gz",
                "nativelib-2.0-" + ARM + ".whl",
                "nativelib-2.0.tar.gz",
                "purelib-1.0-py3-none-any.whl",
                "purelib-1.0.tar.gz")),
        Arguments.of(
            "both arches",
            ", \"binary\": {\"arch\": \"x86_64,aarch64\"}",
            List.of(
                "buildtool-0.5.tar.gz",
                "nativelib-2.0-" + ARM + ".whl",
                "nativelib-2.0-" + X86 + ".whl",
                "nativelib-2.0.tar.gz",
                "purelib-1.0-py3-none-any.whl",
                "purelib-1.0.tar.gz")),
        Arguments.of(
            "only-binary for one package",
            ", \"binary\": {\"packages\": \"NativeLib\", \"arch\": \"aarch64\"}",
            List.of("buildtool-0.5.tar.gz", "nativelib-2.0-" + ARM + ".whl", "purelib-1.0.tar.gz")),
        Arguments.of(
            "no wheel for the interpreter",
            ", \"binary\": {\"arch\": \"x86_64\", \"py_version\": 311}",
            List.of(
                "buildtool-0.5.tar.gz",
                "nativelib-2.0.tar.gz",
                "purelib-1.0-py3-none-any.whl",
                "purelib-1.0.tar.gz")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selections")
  void downloadsExactlyWhatHermetoSelects(String label, String binary, List<String> expected)
      throws IOException {
    write("requirements.txt", hashed("nativelib==2.0", "purelib==1.0"));
    write("requirements-build.txt", hashed("buildtool==0.5"));
    PrefetchResult result =
        run(
            new LocalIndex(links),
            "{\"type\": \"pip\", \"requirements_files\": [\"requirements.txt\"],"
                + " \"requirements_build_files\": [\"requirements-build.txt\"]"
                + binary
                + "}");
    assertThat(result.isOk()).as(result.toString()).isTrue();
    assertThat(result.written()).isTrue();
    assertThat(outputFiles()).isEqualTo(expected);
    assertThat(result.files()).extracting(FileOutcome::filename).isEqualTo(expected);
    assertThat(result.files())
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(FileOutcome.Status.DOWNLOADED));
    for (FileOutcome f : result.files()) {
      assertThat(sha256(output.resolve("deps/pip").resolve(f.filename())))
          .isEqualTo(f.sha256().orElseThrow())
          .isEqualTo(sha256(links.resolve(f.filename())));
    }
    assertThat(result.requirements())
        .extracting(RequirementOutcome::pin, RequirementOutcome::build)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nativelib==2.0", false),
            org.assertj.core.groups.Tuple.tuple("purelib==1.0", false),
            org.assertj.core.groups.Tuple.tuple("buildtool==0.5", true));
    assertThat(Files.readString(output.resolve(".build-config.json")))
        .isEqualTo(
            "{\n"
                + "  \"environment_variables\": [\n"
                + "    {\n"
                + "      \"name\": \"PIP_FIND_LINKS\",\n"
                + "      \"value\": \"${output_dir}/deps/pip\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"name\": \"PIP_NO_INDEX\",\n"
                + "      \"value\": \"true\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"project_files\": []\n"
                + "}");
    assertThat(leftovers()).containsExactly("hermeto-output");
  }

  @Test
  void defaultFilesAndUnhashedPinsAreFetchedToo() throws IOException {
    write("requirements.txt", "purelib==1.0\n");
    PrefetchResult result = run(new LocalIndex(links), "\"pip\"");
    assertThat(result.isOk()).isTrue();
    assertThat(outputFiles()).containsExactly("purelib-1.0.tar.gz");
  }

  @Test
  void onlyBinaryWithoutAMatchingWheelFailsAndWritesNothing() throws IOException {
    write("requirements.txt", hashed("binonly==3.0", "purelib==1.0"));
    PrefetchResult result =
        run(
            new LocalIndex(links),
            "{\"type\": \"pip\", \"binary\": {\"packages\": \"binonly\", \"arch\": \"aarch64\"}}");
    assertThat(result.isOk()).isFalse();
    assertThat(result.written()).isFalse();
    assertThat(result.failedRequirements())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.pin()).isEqualTo("binonly==3.0");
              assertThat(r.location().line()).isEqualTo(1);
              assertThat(r.problem().orElseThrow().code()).isEqualTo(PrefetchCode.NOT_FOUND);
              assertThat(r.problem().orElseThrow().message())
                  .isEqualTo("No wheels found for package binonly==3.0");
            });
    assertThat(output).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aPinnedHashThatMatchesNoFileIsAnErrorAndNoOutputIsWritten() throws IOException {
    write(
        "requirements.txt",
        hashed("purelib==1.0") + "nativelib==2.0 --hash=sha256:" + "0".repeat(64) + "\n");
    PrefetchResult result = run(new LocalIndex(links), "{\"type\": \"pip\", \"binary\": {}}");
    assertThat(result.isOk()).isFalse();
    RequirementOutcome failed = result.failedRequirements().get(0);
    assertThat(failed.pin()).isEqualTo("nativelib==2.0");
    assertThat(failed.location().line()).isEqualTo(4);
    assertThat(failed.problem().orElseThrow().code()).isEqualTo(PrefetchCode.HASH_MISMATCH);
    assertThat(failed.problem().orElseThrow().message())
        .startsWith("No distributions found for package nativelib==2.0 (the pinned hashes match")
        .contains("nativelib-2.0.tar.gz");
    assertThat(failed.warnings())
        .contains("Filtering out nativelib-2.0.tar.gz due to checksum mismatch");
    assertThat(output).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void bytesThatDifferFromTheIndexDigestAreAnError() throws IOException {
    String fake = "f".repeat(64);
    // the index claims another digest, and the requirement pins that digest
    Wrapped index =
        new Wrapped(
            new LocalIndex(links),
            f ->
                f.filename().equals("purelib-1.0.tar.gz")
                    ? ReleaseFile.builder(f.filename(), f.url()).sha256(fake).build()
                    : f);
    write("requirements.txt", "purelib==1.0 --hash=sha256:" + fake + "\n");
    PrefetchResult result = run(index, "\"pip\"");
    assertThat(result.isOk()).isFalse();
    FileOutcome file = result.failedFiles().get(0);
    assertThat(file.problem().orElseThrow().code()).isEqualTo(PrefetchCode.HASH_MISMATCH);
    assertThat(file.problem().orElseThrow().message())
        .isEqualTo(
            "sha256 "
                + sha256(links.resolve("purelib-1.0.tar.gz"))
                + " differs from the index's digest "
                + fake);
    assertThat(result.failedRequirements().get(0).problem().orElseThrow().message())
        .startsWith("purelib-1.0.tar.gz: sha256 ");
    assertThat(output).doesNotExist();
    // nothing unverified reaches the cache
    try (Stream<Path> cached = Files.walk(cache.resolve("sha256"))) {
      assertThat(cached.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aSecondRunReusesWhatTheFailedFirstRunDownloaded() throws IOException {
    write("requirements.txt", hashed("nativelib==2.0", "purelib==1.0"));
    String json = "{\"type\": \"pip\", \"binary\": {\"arch\": \"x86_64,aarch64\"}}";
    Wrapped failing = new Wrapped(new LocalIndex(links), f -> f);
    failing.failing.add("nativelib-2.0-" + ARM + ".whl");
    PrefetchResult first = run(failing, json);
    assertThat(first.isOk()).isFalse();
    assertThat(first.hasIndexFailures()).isTrue();
    assertThat(first.failedFiles())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.filename()).isEqualTo("nativelib-2.0-" + ARM + ".whl");
              assertThat(f.problem().orElseThrow().message()).contains("connection reset");
            });
    assertThat(first.count(FileOutcome.Status.DOWNLOADED)).isEqualTo(4);
    assertThat(output).doesNotExist();

    Wrapped counting = new Wrapped(new LocalIndex(links), f -> f);
    List<String> progress = new CopyOnWriteArrayList<>();
    PrefetchResult second =
        prefetcher(counting)
            .withProgress(
                new ProgressListener() {
                  @Override
                  public void progressed(int completed, int total, String what) {
                    if (!what.startsWith("looked up ")) {
                      progress.add(completed + "/" + total);
                    }
                  }
                })
            .prefetch(json, source, output);
    assertThat(second.isOk()).isTrue();
    assertThat(counting.downloaded).containsExactly("nativelib-2.0-" + ARM + ".whl");
    assertThat(second.count(FileOutcome.Status.REUSED)).isEqualTo(4);
    assertThat(second.downloadedBytes())
        .isEqualTo(Files.size(links.resolve("nativelib-2.0-" + ARM + ".whl")));
    assertThat(progress).hasSize(5).contains("5/5");
    assertThat(outputFiles()).hasSize(5);
  }

  @Test
  void aDamagedCacheEntryIsDownloadedAgain() throws IOException {
    write("requirements.txt", hashed("purelib==1.0"));
    assertThat(run(new LocalIndex(links), "\"pip\"").isOk()).isTrue();
    String sha = sha256(links.resolve("purelib-1.0.tar.gz"));
    Path entry = cache.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
    // replace rather than write through: the output may be a hard link to the entry
    Files.delete(entry);
    Files.writeString(entry, "damaged");
    PrefetchResult again =
        new Prefetcher(
                new LocalIndex(links),
                PrefetchOptions.builder().cacheDirectory(cache).replaceExisting(true).build())
            .prefetch("\"pip\"", source, output);
    assertThat(again.files())
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(FileOutcome.Status.DOWNLOADED));
    assertThat(sha256(entry)).isEqualTo(sha);
  }

  @Test
  void aFailedRunLeavesThePreviousOutputUntouched() throws IOException {
    write("requirements.txt", hashed("purelib==1.0"));
    assertThat(run(new LocalIndex(links), "\"pip\"").isOk()).isTrue();
    Path marker = Files.writeString(output.resolve("marker"), "previous");
    write("requirements.txt", "purelib==1.0\nmissing==9.9\n");
    Prefetcher replacing =
        new Prefetcher(
            new LocalIndex(links),
            PrefetchOptions.builder().cacheDirectory(cache).replaceExisting(true).build());
    PrefetchResult failed = replacing.prefetch("\"pip\"", source, output);
    assertThat(failed.isOk()).isFalse();
    assertThat(failed.failedRequirements().get(0).problem().orElseThrow().message())
        .startsWith("No distributions found for package missing==9.9 (")
        .contains("no release 9.9 of missing");
    assertThat(marker).hasContent("previous");
    assertThat(leftovers()).containsExactly("hermeto-output");

    // a successful replacing run replaces the whole directory
    write("requirements.txt", hashed("purelib==1.0"));
    assertThat(replacing.prefetch("\"pip\"", source, output).written()).isTrue();
    assertThat(marker).doesNotExist();
    assertThat(outputFiles()).containsExactly("purelib-1.0.tar.gz");
    assertThat(leftovers()).containsExactly("hermeto-output");
  }

  @Test
  void aNonEmptyOutputIsNotReplacedUnlessAsked() throws IOException {
    write("requirements.txt", "purelib==1.0\n");
    Files.createDirectories(output);
    Files.writeString(output.resolve("keep"), "x");
    assertThatThrownBy(() -> run(new LocalIndex(links), "\"pip\""))
        .isInstanceOf(PrefetchException.class)
        .hasMessageContaining("exists and is not empty")
        .extracting(e -> ((PrefetchException) e).kind())
        .isEqualTo(PrefetchException.Kind.OUTPUT_EXISTS);
    assertThat(output.resolve("keep")).exists();
  }

  @Test
  void theSourceDirectoryIsNeverTheOutput() throws IOException {
    write("requirements.txt", "purelib==1.0\n");
    Prefetcher replacing =
        new Prefetcher(
            new LocalIndex(links),
            PrefetchOptions.builder().cacheDirectory(cache).replaceExisting(true).build());
    assertThatThrownBy(() -> replacing.prefetch("\"pip\"", source, temp))
        .isInstanceOf(PrefetchException.class)
        .hasMessageContaining("would hold the source directory");
    assertThat(source.resolve("requirements.txt")).exists();
  }

  @Test
  void anInvalidInputReportsEveryViolation() {
    assertThatThrownBy(
            () ->
                run(
                    new LocalIndex(links),
                    "{\"type\": \"pip\", \"path\": \"/abs\", \"binary\": {\"py_version\": \"3.12\"}}"))
        .isInstanceOf(PrefetchException.class)
        .satisfies(
            e -> {
              PrefetchException p = (PrefetchException) e;
              assertThat(p.kind()).isEqualTo(PrefetchException.Kind.INVALID_INPUT);
              assertThat(p.violations())
                  .extracting(v -> v.location())
                  .containsExactly(
                      "packages -> 0 -> pip -> path",
                      "packages -> 0 -> pip -> binary -> py_version");
            });
  }

  @Test
  void hermetosRulesAndUrlRequirementsAreReportedBeforeAnythingIsWritten() throws IOException {
    write(
        "requirements.txt",
        "purelib==1.0\n"
            + "nativelib>=2.0\n"
            + "tool @ https://files.example.invalid/tool-1.0.tar.gz\n");
    PrefetchResult result = run(new LocalIndex(links), "\"pip\"");
    assertThat(result.isOk()).isFalse();
    assertThat(result.diagnostics())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .extracting(d -> d.rule(), d -> d.location().line())
        .contains(
            org.assertj.core.groups.Tuple.tuple("unpinned", 2),
            org.assertj.core.groups.Tuple.tuple("url-hash-count", 3));
    // a line Hermeto rejects has its rule error only, not a second outcome
    assertThat(result.requirements())
        .extracting(RequirementOutcome::name)
        .doesNotContain("nativelib", "tool");
    assertThat(output).doesNotExist();
  }

  @Test
  void aUrlRequirementHermetoAcceptsIsReportedAsUnsupported() throws IOException {
    write(
        "requirements.txt",
        "tool @ https://user:secret@files.example.invalid/tool-1.0.tar.gz --hash=sha256:"
            + "a".repeat(64)
            + "\n");
    PrefetchResult result = run(new LocalIndex(links), "\"pip\"");
    assertThat(result.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
    assertThat(result.requirements())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.problem().orElseThrow().code()).isEqualTo(PrefetchCode.UNSUPPORTED);
              assertThat(r.problem().orElseThrow().location()).contains(r.location());
              assertThat(r.problem().orElseThrow().message())
                  .contains("URL and VCS requirements are not prefetched")
                  .contains("https://***@files.example.invalid/")
                  .doesNotContain("secret");
            });
    assertThat(output).doesNotExist();
  }

  @Test
  void theSameFileSelectedForSeveralRequirementsIsFetchedOnce() throws IOException {
    write("requirements.txt", hashed("purelib==1.0"));
    write("requirements-build.txt", "purelib==1.0\n");
    Wrapped counting = new Wrapped(new LocalIndex(links), f -> f);
    PrefetchResult result = run(counting, "\"pip\"");
    assertThat(result.isOk()).isTrue();
    assertThat(result.requirements()).hasSize(2);
    assertThat(result.files())
        .singleElement()
        .satisfies(f -> assertThat(f.requirements()).containsExactly("purelib==1.0"));
    assertThat(counting.downloaded).containsExactly("purelib-1.0.tar.gz");
  }

  /** A directory index with rewritten file descriptions, failing downloads and a download log. */
  private static final class Wrapped implements PackageIndex {
    final PackageIndex inner;
    final UnaryOperator<ReleaseFile> rewrite;
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final List<String> downloaded = new CopyOnWriteArrayList<>();

    Wrapped(PackageIndex inner, UnaryOperator<ReleaseFile> rewrite) {
      this.inner = inner;
      this.rewrite = rewrite;
    }

    @Override
    public List<ReleaseFile> files(ProjectName project, Version version) {
      List<ReleaseFile> out = new ArrayList<>();
      inner.files(project, version).forEach(f -> out.add(rewrite.apply(f)));
      return out;
    }

    @Override
    public List<Version> versions(ProjectName project) {
      return inner.versions(project);
    }

    @Override
    public ReleaseMetadata metadata(ProjectName project, Version version) {
      return inner.metadata(project, version);
    }

    @Override
    public CompletableFuture<String> downloadAsync(ReleaseFile file, Path destination) {
      if (failing.contains(file.filename())) {
        return CompletableFuture.failedFuture(
            new IndexException(file.filename(), file.url(), "connection reset"));
      }
      downloaded.add(file.filename());
      return inner.downloadAsync(file, destination);
    }
  }
}
