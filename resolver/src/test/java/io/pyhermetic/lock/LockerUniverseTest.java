package io.pyhermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the generated universes of {@code testdata/generator/generate_lock_vectors.py}: for each
 * target the lock must hold exactly the oracle's pins and {@code # via} parents, or be a conflict
 * where the oracle's exhaustive search found no solution.
 */
class LockerUniverseTest {
  private static final String RESOURCE = "/io/pyhermetic/testdata/lock/universes.jsonl";
  private static final Map<String, List<String>> FILES =
      Map.of(
          "any", List.of("{s}-py3-none-any.whl"),
          "sdist", List.of("{s}.tar.gz"),
          "native",
              List.of(
                  "{s}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                  "{s}-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl"),
          "x86only", List.of("{s}-cp312-cp312-manylinux_2_28_x86_64.whl"),
          "windows", List.of("{s}-cp312-cp312-win_amd64.whl"),
          "newglibc",
              List.of(
                  "{s}-cp312-cp312-manylinux_2_34_x86_64.whl",
                  "{s}-cp312-cp312-manylinux_2_34_aarch64.whl"));

  static Stream<Arguments> universes() {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                LockerUniverseTest.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode node = json.readTree(line);
          out.add(Arguments.of(node.get("name").asText(), node));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.stream();
  }

  static UniverseIndex index(JsonNode releases) {
    UniverseIndex index = new UniverseIndex();
    for (Iterator<Map.Entry<String, JsonNode>> p = releases.fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> project = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> v = project.getValue().fields(); v.hasNext(); ) {
        Map.Entry<String, JsonNode> release = v.next();
        JsonNode r = release.getValue();
        String stem = project.getKey() + "-" + release.getKey();
        Optional<String> python =
            r.get("requires_python").isNull()
                ? Optional.empty()
                : Optional.of(r.get("requires_python").asText());
        List<ReleaseFile> files = new ArrayList<>();
        for (String pattern : FILES.get(r.get("files").asText())) {
          ReleaseFile.Builder file =
              UniverseIndex.file(pattern.replace("{s}", stem)).yanked(r.get("yanked").asBoolean());
          python.ifPresent(file::requiresPython);
          files.add(file.build());
        }
        List<String> deps = new ArrayList<>();
        r.get("deps").forEach(d -> deps.add(d.asText()));
        index.add(UniverseIndex.metadata(project.getKey(), release.getKey(), deps, python), files);
      }
    }
    return index;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("universes")
  void theLockIsTheOraclesFirstSolution(String name, JsonNode universe) {
    StringBuilder roots = new StringBuilder();
    universe.get("roots").forEach(r -> roots.append(r.asText()).append('\n'));
    LockRequest.Builder request =
        LockRequest.builder()
            .input(
                LockInput.ofRequirements(
                    RequirementsFile.parse(roots.toString(), "requirements.in"),
                    "requirements.in"));
    List<String> arches = List.of("x86_64", "aarch64");
    arches.forEach(a -> request.target(Target.linux(a, universe.get("python").asText())));
    LockResult result = new Locker(index(universe.get("releases"))).lock(request.build());

    for (TargetLock lock : result.targets()) {
      JsonNode expected = universe.get("expected").get(lock.arch());
      if (expected.isNull()) {
        assertThat(lock.conflict()).as(lock.arch()).isPresent();
        assertThat(lock.conflict().get().explain()).contains("requirements.in");
        continue;
      }
      assertThat(lock.conflict()).as(lock.arch()).isEmpty();
      Map<String, String> pins = new LinkedHashMap<>();
      Map<String, List<String>> via = new LinkedHashMap<>();
      for (LockedPackage p : lock.packages()) {
        pins.put(p.name().canonical(), p.version().toString());
        via.put(p.name().canonical(), p.via());
      }
      Map<String, String> expectedPins = new LinkedHashMap<>();
      expected
          .get("pins")
          .fields()
          .forEachRemaining(e -> expectedPins.put(e.getKey(), e.getValue().asText()));
      Map<String, List<String>> expectedVia = new LinkedHashMap<>();
      expected
          .get("via")
          .fields()
          .forEachRemaining(
              e -> {
                List<String> parents = new ArrayList<>();
                e.getValue().forEach(x -> parents.add(x.asText()));
                expectedVia.put(e.getKey(), parents);
              });
      assertThat(pins).as(lock.arch()).containsExactlyInAnyOrderEntriesOf(expectedPins);
      assertThat(via).as(lock.arch()).containsExactlyInAnyOrderEntriesOf(expectedVia);
      assertThat(lock.problems()).isEmpty();
      for (LockedPackage p : lock.packages()) {
        assertThat(p.hashes()).isNotEmpty().isSorted();
      }
    }
  }
}
