package io.pyhermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.buildsystem.ProjectDependencies;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.CorpusIndex;
import io.pyhermetic.testdata.GarakGraph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A universe shaped after the garak corpus: every pinned release of both corpus files, with the
 * corpus' files and hashes, and dependencies read back from the {@code # via} lines (an edge found
 * only in the x86_64 file carries {@code platform_machine == "x86_64"}); every project also has a
 * newer release that must be passed over (yanked, or for a newer Python). Locking the corpus'
 * pyproject.toml with its {@code remote} extra must give back each corpus file's entries.
 */
class LockerGarakTest {
  static final String ROOT = GarakGraph.PROJECT;
  static final List<String> ARCHES = GarakGraph.ARCHES;

  static Map<String, RequirementsFile> corpus = new LinkedHashMap<>();

  @BeforeAll
  static void readCorpus() {
    for (String arch : ARCHES) {
      String file = LockFiles.fileName(arch);
      corpus.put(arch, RequirementsFile.parse(CorpusIndex.read(file), file));
    }
  }

  /** The garak-shaped index. */
  static UniverseIndex garakIndex() throws Exception {
    GarakGraph graph = GarakGraph.read();
    Map<String, String> versions = graph.versions();
    Map<String, List<String>> requires = graph.requiresDist();
    CorpusIndex pages = CorpusIndex.garak();
    ObjectMapper json = new ObjectMapper();
    UniverseIndex index = new UniverseIndex();
    int i = 0;
    for (Map.Entry<String, String> pin : versions.entrySet()) {
      String name = pin.getKey();
      JsonNode page = json.readTree(pages.projectPage(name, "https://files.invalid/"));
      List<ReleaseFile> files = new ArrayList<>();
      for (JsonNode f : page.get("files")) {
        files.add(
            ReleaseFile.builder(f.get("filename").asText(), f.get("url").asText())
                .sha256(f.get("hashes").get("sha256").asText())
                .build());
      }
      List<String> deps = requires.getOrDefault(name, List.of());
      index.add(UniverseIndex.metadata(name, pin.getValue(), deps, Optional.empty()), files);
      // a newer release the lock must pass over
      String newer = "1!" + pin.getValue(); // an epoch makes it newer than any release
      boolean yank = i++ % 2 == 0;
      ReleaseFile.Builder distractor =
          UniverseIndex.file(
                  name.replace('-', '_') + "-" + newer.replace("!", "_") + "-py3-none-any.whl")
              .yanked(yank);
      if (!yank) {
        distractor.requiresPython(">=3.13");
      }
      index.add(
          UniverseIndex.metadata(
              name, newer, List.of(), yank ? Optional.empty() : Optional.of(">=3.13")),
          List.of(distractor.build()));
    }
    return index;
  }

  static LockRequest request() {
    byte[] pyproject = CorpusIndex.read("pyproject.toml").getBytes(StandardCharsets.UTF_8);
    ProjectDependencies declared = ProjectDependencies.fromPyproject("pyproject.toml", pyproject);
    LockInput input =
        new LockInput(
            LockInput.Kind.PYPROJECT, "pyproject.toml", ROOT, declared, List.of(), List.of());
    LockRequest.Builder request = LockRequest.builder().input(input).extra("remote");
    ARCHES.forEach(a -> request.target(Target.linux(a, "3.12")));
    return request.build();
  }

  @Test
  void eachTargetsLockIsTheCorpusFile() throws Exception {
    LockResult result = new Locker(garakIndex()).lock(request());
    assertThat(result.isOk()).isTrue();
    for (TargetLock lock : result.targets()) {
      List<Entry> entries = corpus.get(lock.arch()).allEntries();
      assertThat(lock.packages()).hasSize(entries.size());
      Map<String, String> expected = new LinkedHashMap<>();
      Map<String, String> actual = new LinkedHashMap<>();
      for (Entry e : entries) {
        List<String> hashes = new ArrayList<>();
        e.hashes().forEach((alg, values) -> values.forEach(v -> hashes.add(alg + ":" + v)));
        expected.put(
            e.name().map(ProjectName::canonical).orElseThrow(),
            e.pinnedVersion().orElseThrow() + " " + hashes + " via " + e.via());
      }
      for (LockedPackage p : lock.packages()) {
        actual.put(p.name().canonical(), p.version() + " " + p.hashes() + " via " + p.via());
      }
      assertThat(actual).as(lock.arch()).containsExactlyEntriesOf(expected);
    }
  }

  @Test
  void theRenderedFileHasTheCorpusEntriesByteForByte() throws Exception {
    LockResult result = new Locker(garakIndex()).lock(request());
    for (TargetLock lock : result.targets()) {
      String corpusText = CorpusIndex.read(LockFiles.fileName(lock.arch()));
      String rendered = LockFiles.render(lock, "pyhermetic lock pyproject.toml");
      assertThat(body(rendered)).isEqualTo(body(corpusText));
    }
  }

  /** The text after the header comment lines. */
  static String body(String text) {
    int at = 0;
    while (text.startsWith("#", at)) {
      at = text.indexOf('\n', at) + 1;
    }
    return text.substring(at);
  }
}
