package io.pyhermetic.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.testdata.Vectors;
import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips (read, write, read equal) and the files the writer makes. Every file written here
 * also goes to {@code core/target/written-pylocks/}, where {@code
 * testdata/generator/check_written_pylocks.py} runs packaging's {@code Pylock.from_dict} on each.
 */
class PylockWriterTest {
  private static final Path WRITTEN = Path.of("target", "written-pylocks");

  private static String keep(String name, String text) throws IOException {
    Files.createDirectories(WRITTEN);
    Files.writeString(WRITTEN.resolve(name), text);
    return text;
  }

  static Stream<Vectors.Case> validLocks() {
    return Vectors.loadResource("/io/pyhermetic/testdata/lockfile/pylock-locks.jsonl").stream()
        .filter(c -> c.node().get("valid").asBoolean());
  }

  @ParameterizedTest
  @MethodSource("validLocks")
  void everyGeneratedLockRoundTrips(Vectors.Case c) throws IOException {
    Pylock read = PylockFile.parse(c.node().get("toml").asText(), "in.toml").lock();
    String written =
        keep("generated-" + c.node().get("id").asInt() + ".toml", PylockWriter.write(read));
    assertThat(PylockFile.parse(written, "out.toml").lock()).isEqualTo(read);
    assertThat(PylockWriter.write(PylockFile.parse(written, "out.toml").lock())).isEqualTo(written);
  }

  @Test
  void theHandWrittenLockRoundTrips() throws IOException {
    Pylock read = PylockFile.parse(LockResources.text("small/pylock.toml"), "in.toml").lock();
    String written = keep("small.toml", PylockWriter.write(read));
    assertThat(PylockFile.parse(written, "out.toml").lock()).isEqualTo(read);
    assertThat(written)
        .startsWith("lock-version = \"1.0\"\nenvironments = [\"sys_platform == \\\"linux\\\"\"]\n")
        .contains("upload-time = 2025-01-31T03:16:55Z")
        .endsWith("tool = { hand = { note = \"tool tables are kept as written\" } }\n");
  }

  @Test
  void exportsAUvLockPerTarget() throws IOException {
    UvLockFile uv = UvLockFile.parse(LockResources.text("small/uv.lock"), "uv.lock");
    List<LockSelection> selections = new ArrayList<>();
    for (String arch : List.of("x86_64", "aarch64")) {
      selections.add(uv.select(SelectionRequest.of(Target.linux(arch, "3.12"))));
    }
    Pylock lock = LockExport.of(selections, "pyhermetic");
    String written = keep("from-uv.toml", PylockWriter.write(lock));
    PylockFile back = PylockFile.parse(written, "pylock.toml");
    assertThat(back.lock()).isEqualTo(lock);
    assertThat(lock.packages())
        .extracting(p -> p.name() + " " + p.marker().map(Marker::toString).orElse("-"))
        .containsExactly(
            "certifi -",
            "helper -",
            "iniconfig -",
            "numpy platform_machine == \"aarch64\"",
            "numpy platform_machine == \"x86_64\"",
            "pytest -",
            "tiny -");
    // what each target installs from the export is what it installed from the uv.lock
    for (LockSelection original : selections) {
      LockSelection again = back.select(SelectionRequest.of(original.target()));
      assertThat(LockRequirements.write(again, List.of()))
          .isEqualTo(LockRequirements.write(original, List.of()));
    }
  }

  @Test
  void refusesToExportAnArchiveWithoutAHash() {
    UvLockFile uv =
        UvLockFile.parse(
            "version = 1\n\n[[package]]\nname = 'app'\nversion = '1'\nsource = { virtual = '.' }\n"
                + "dependencies = [{ name = 'x' }]\n\n[[package]]\nname = 'x'\nversion = '1'\n"
                + "source = { url = 'https://a.example/x-1.tar.gz' }\n",
            "uv.lock");
    LockSelection s = uv.select(SelectionRequest.of(Target.linux("x86_64", "3.12")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LockExport.of(List.of(s), "t"))
        .isInstanceOf(LockFileException.class)
        .hasMessage("uv.lock:9:1: x: the archive has no hash to export");
  }

  @Test
  void theLibraryApiWritesAValidLock() throws IOException {
    PackageFile sdist =
        PackageFile.of(
            "https://files.example.org/demo-1.0.tar.gz",
            1234,
            Optional.of(OffsetDateTime.parse("2025-02-03T04:05:06.789+01:00")),
            Map.of("sha256", "ab"));
    PackageFile wheel =
        PackageFile.of(
            "https://files.example.org/demo-1.0-py3-none-any.whl", Map.of("sha256", "cd"));
    Pylock lock =
        Pylock.of(
            "resolver",
            List.of(
                LockedPackage.of(
                    "Demo",
                    Version.parse("1.0"),
                    Optional.of(Marker.parse("platform_machine == 'x86_64'")),
                    Optional.of(sdist),
                    List.of(wheel))));
    String text = keep("api.toml", PylockWriter.write(lock));
    assertThat(text)
        .isEqualTo(
            "lock-version = \"1.0\"\n"
                + "created-by = \"resolver\"\n"
                + "\n"
                + "[[packages]]\n"
                + "name = \"demo\"\n"
                + "version = \"1.0\"\n"
                + "marker = \"platform_machine == \\\"x86_64\\\"\"\n"
                + "sdist = { upload-time = 2025-02-03T03:05:06.789Z, url ="
                + " \"https://files.example.org/demo-1.0.tar.gz\", size = 1234, hashes = { sha256 ="
                + " \"ab\" } }\n"
                + "wheels = [\n"
                + "  { url = \"https://files.example.org/demo-1.0-py3-none-any.whl\", hashes = {"
                + " sha256 = \"cd\" } },\n"
                + "]\n");
    assertThat(PylockFile.parse(text, "pylock.toml").lock()).isEqualTo(lock);
  }

  /**
   * The garak corpus as one lock for x86_64 and aarch64: each pin of the two requirements files
   * with the files of the corpus' fixture index whose sha256 the pins list. The committed file must
   * equal what this writes; set {@code -Dpyhermetic.regenerate=true} to rewrite it.
   */
  @Test
  void theGarakLockSelectsThePinsOfEachArchitecture() throws IOException {
    Map<String, RequirementsFile> files = new LinkedHashMap<>();
    files.put("x86_64", RequirementsFile.parse(CorpusIndex.read("requirements-x86_64.txt"), "x86"));
    files.put(
        "aarch64", RequirementsFile.parse(CorpusIndex.read("requirements-aarch64.txt"), "arm"));
    String text = PylockWriter.write(garak(files));
    keep("garak.toml", text);
    Path committed =
        Path.of(
            "../testdata/src/main/resources/io/pyhermetic/testdata/lockfile/garak-2025-12/pylock.toml");
    if (Boolean.getBoolean("pyhermetic.regenerate")) {
      Files.writeString(committed, text);
    }
    assertThat(LockResources.text("garak-2025-12/pylock.toml")).isEqualTo(text);
    PylockFile lock = PylockFile.parse(text, "pylock.toml");
    for (Map.Entry<String, RequirementsFile> arch : files.entrySet()) {
      LockSelection selection =
          lock.select(SelectionRequest.of(Target.linux(arch.getKey(), "3.12")));
      assertThat(selection.problems()).isEmpty();
      assertThat(pins(LockRequirements.of(selection).allEntries()))
          .isEqualTo(pins(arch.getValue().allEntries()));
    }
  }

  private static Set<String> pins(List<Entry> entries) {
    return entries.stream()
        .map(
            e ->
                e.name().orElseThrow().canonical()
                    + "=="
                    + e.requirement().orElseThrow().specifier()
                    + " "
                    + new TreeSet<>(e.hashes().getOrDefault("sha256", List.of())))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Pylock garak(Map<String, RequirementsFile> files) throws IOException {
    CorpusIndex index = CorpusIndex.garak();
    ObjectMapper json = new ObjectMapper();
    Map<String, List<String>> archesByPin = new TreeMap<>();
    Map<String, Set<String>> hashesByPin = new TreeMap<>();
    files.forEach(
        (arch, file) -> {
          for (Entry e : file.allEntries()) {
            String pin =
                e.name().orElseThrow().canonical()
                    + " "
                    + e.requirement().orElseThrow().specifier().specifiers().get(0).version();
            archesByPin.computeIfAbsent(pin, k -> new ArrayList<>()).add(arch);
            hashesByPin
                .computeIfAbsent(pin, k -> new TreeSet<>())
                .addAll(e.hashes().getOrDefault("sha256", List.of()));
          }
        });
    List<LockedPackage> packages = new ArrayList<>();
    for (Map.Entry<String, List<String>> pin : archesByPin.entrySet()) {
      String[] nameVersion = pin.getKey().split(" ");
      JsonNode page =
          json.readTree(
              index.projectPage(
                  nameVersion[0], "https://files.example.org/garak/" + nameVersion[0] + "/"));
      Optional<PackageFile> sdist = Optional.empty();
      List<PackageFile> wheels = new ArrayList<>();
      for (JsonNode f : page.get("files")) {
        String sha = f.get("hashes").get("sha256").asText();
        if (!hashesByPin.get(pin.getKey()).contains(sha)) {
          continue;
        }
        PackageFile file =
            PackageFile.of(
                f.get("url").asText(),
                f.get("size").asLong(),
                Optional.of(OffsetDateTime.parse(f.get("upload-time").asText())),
                Map.of("sha256", sha));
        if (f.get("filename").asText().endsWith(".whl")) {
          wheels.add(file);
        } else {
          sdist = Optional.of(file);
        }
      }
      List<String> arches = pin.getValue();
      packages.add(
          LockedPackage.of(
              nameVersion[0],
              Version.parse(nameVersion[1]),
              arches.size() == files.size()
                  ? Optional.empty()
                  : Optional.of(LockExport.machines(arches)),
              sdist,
              wheels));
    }
    return Pylock.of("pyhermetic (garak corpus, fixture file names)", packages)
        .withEnvironments(
            List.of(
                Marker.parse("sys_platform == 'linux' and platform_machine == 'x86_64'"),
                Marker.parse("sys_platform == 'linux' and platform_machine == 'aarch64'")));
  }
}
