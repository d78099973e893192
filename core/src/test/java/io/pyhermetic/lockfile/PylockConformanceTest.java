package io.pyhermetic.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.platform.Target;
import io.pyhermetic.testdata.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the vectors of {@code testdata/generator/generate_lockfile_vectors.py}: packaging 26.2's
 * {@code Pylock.from_dict} on generated locks, and its {@code Pylock.select} per target, extras and
 * groups.
 */
class PylockConformanceTest {
  private static final String ROOT = "/io/pyhermetic/testdata/lockfile/";
  private static final Map<Integer, JsonNode> LOCKS = new HashMap<>();
  private static final Map<Integer, PylockFile> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<String, Target> TARGETS = new java.util.concurrent.ConcurrentHashMap<>();

  static {
    for (Vectors.Case c : Vectors.loadResource(ROOT + "pylock-locks.jsonl")) {
      LOCKS.put(c.node().get("id").asInt(), c.node());
    }
  }

  static Stream<Vectors.Case> locks() {
    return Vectors.loadResource(ROOT + "pylock-locks.jsonl").stream();
  }

  static Stream<Vectors.Case> selections() {
    return Vectors.loadResource(ROOT + "pylock-select.jsonl").stream();
  }

  @ParameterizedTest
  @MethodSource("locks")
  void validatesAsPackagingDoes(Vectors.Case c) {
    String text = c.node().get("toml").asText();
    if (c.node().get("valid").asBoolean()) {
      PylockFile file = PylockFile.parse(text, "pylock.toml");
      assertThat(file.lock().packages()).isNotEmpty();
      return;
    }
    String context = c.node().get("context").asText();
    assertThatThrownBy(() -> PylockFile.parse(text, "pylock.toml"))
        .isInstanceOfSatisfying(
            LockFileException.class,
            e -> {
              if (!context.isEmpty()) {
                assertThat(e.problems())
                    .anySatisfy(d -> assertThat(d.message()).startsWith(context + ": "));
              }
            });
  }

  @ParameterizedTest
  @MethodSource("selections")
  void selectsAsPackagingDoes(Vectors.Case c) {
    JsonNode node = c.node();
    PylockFile file =
        PARSED.computeIfAbsent(
            node.get("lock").asInt(),
            id -> PylockFile.parse(LOCKS.get(id).get("toml").asText(), "pylock.toml"));
    JsonNode t = node.get("target");
    Target target =
        TARGETS.computeIfAbsent(
            t.toString(),
            key ->
                Target.linux(t.get("arch").asText(), t.get("python").asText())
                    .withGlibc(t.get("glibc").asText()));
    Set<String> extras = new LinkedHashSet<>();
    node.get("extras").forEach(e -> extras.add(e.asText()));
    Optional<Set<String>> groups = Optional.empty();
    if (!node.get("groups").isNull()) {
      Set<String> g = new LinkedHashSet<>();
      node.get("groups").forEach(e -> g.add(e.asText()));
      groups = Optional.of(g);
    }
    LockSelection selection = file.select(new SelectionRequest(target, extras, groups));
    JsonNode expect = node.get("expect");
    if (!expect.get("ok").asBoolean()) {
      assertThat(selection.problems()).as(expect.get("error").asText()).isNotEmpty();
      return;
    }
    assertThat(selection.problems()).isEmpty();
    List<List<Object>> expected = new ArrayList<>();
    expect
        .get("selected")
        .forEach(
            row ->
                expected.add(
                    List.of(row.get(0).asInt(), row.get(1).asText(), row.get(2).asText())));
    List<List<Object>> actual = new ArrayList<>();
    for (LockSelection.Selected s : selection.packages()) {
      actual.add(List.of(s.index(), kind(s.install()), fileName(s.install())));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static String kind(PackageSource source) {
    if (source instanceof PackageFile) {
      return ((PackageFile) source).filename().endsWith(".whl") ? "wheel" : "sdist";
    }
    return source
        .getClass()
        .getSimpleName()
        .replace("Package", "")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static String fileName(PackageSource source) {
    return source instanceof PackageFile ? ((PackageFile) source).filename() : "";
  }
}
