package io.pyhermetic.platform;

import static io.pyhermetic.testing.Conformance.diff;
import static io.pyhermetic.testing.Conformance.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.testdata.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Tag lists and file-name parsing against packaging 26.2 (vectors from {@code
 * testdata/generator/generate_platform_vectors.py}).
 */
class PlatformConformanceTest {
  private static final String ROOT = "/io/pyhermetic/testdata/platform/";

  private static List<Vectors.Case> load(String file) {
    return Vectors.loadResource(ROOT + file);
  }

  private static void check(
      String file, int minimum, java.util.function.Function<JsonNode, String> test) {
    List<Vectors.Case> cases = load(file);
    assertThat(cases).as(file).hasSizeGreaterThanOrEqualTo(minimum);
    List<String> failures = new ArrayList<>();
    for (Vectors.Case c : cases) {
      String failure;
      try {
        failure = test.apply(c.node());
      } catch (RuntimeException e) {
        failure = "threw " + e;
      }
      if (failure != null) {
        failures.add(
            c.node().toString().substring(0, Math.min(200, c.node().toString().length()))
                + "\n    "
                + failure);
      }
    }
    assertThat(failures)
        .as(
            "%d of %d differ:%n%s",
            failures.size(),
            cases.size(),
            String.join("\n", failures.subList(0, Math.min(20, failures.size()))))
        .isEmpty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void supportedTagsMatchPackaging() {
    check(
        "tags.jsonl",
        40,
        node -> {
          JsonNode t = node.get("target");
          Target target = Target.linux(t.get("arch").asText(), t.get("python").asText());
          target =
              t.get("libc").asText().equals("musl")
                  ? target.withMusl(t.get("libc_version").asText())
                  : target.withGlibc(t.get("libc_version").asText());
          // packaging on a native host also accepts plain linux_<arch> wheels
          target = target.withPlainLinuxTag(true);
          List<String> tags = new ArrayList<>();
          target.supportedTags().forEach(tag -> tags.add(tag.toString()));
          return first(
              diff("platforms", strings(node.get("platforms")), target.platforms()),
              diff("tags", strings(node.get("tags")), tags));
        });
  }

  @Test
  void wheelFilenamesMatchPackaging() {
    check(
        "wheel-filenames.jsonl",
        1500,
        node -> {
          String filename = node.get("filename").asText();
          JsonNode expect = node.get("expect");
          Optional<DistributionFilename> parsed =
              filename.endsWith(".whl")
                  ? DistributionFilename.tryParse(filename)
                  : Optional.empty();
          if (!expect.get("ok").asBoolean()) {
            return parsed.isPresent() ? "accepted" : null;
          }
          if (parsed.isEmpty()) {
            return "rejected";
          }
          DistributionFilename f = parsed.get();
          List<String> build = new ArrayList<>();
          f.build()
              .ifPresent(
                  b -> {
                    build.add(b.number().toString());
                    build.add(b.suffix());
                  });
          List<String> expectedBuild = strings(expect.get("build"));
          TreeSet<String> tags = new TreeSet<>();
          f.tags().forEach(tag -> tags.add(tag.toString()));
          return first(
              diff("name", expect.get("name").asText(), f.name().canonical()),
              diff("version", expect.get("version").asText(), f.version().toString()),
              diff("build", expectedBuild, build),
              diff("tags", new TreeSet<>(strings(expect.get("tags"))), tags));
        });
  }

  @Test
  void sdistFilenamesMatchPackagingAndPip() {
    check(
        "sdist-filenames.jsonl",
        500,
        node -> {
          String filename = node.get("filename").asText();
          JsonNode expect = node.get("expect");
          Optional<DistributionFilename> parsed = DistributionFilename.tryParse(filename);
          String failure;
          boolean packagingExtension = filename.endsWith(".tar.gz") || filename.endsWith(".zip");
          if (expect.get("ok").asBoolean()) {
            failure =
                parsed.isEmpty()
                    ? "rejected"
                    : first(
                        diff("name", expect.get("name").asText(), parsed.get().name().canonical()),
                        diff(
                            "version",
                            expect.get("version").asText(),
                            parsed.get().version().toString()));
          } else if (packagingExtension || DistributionFilename.sdistSuffix(filename) == null) {
            failure = parsed.isPresent() && !filename.endsWith(".whl") ? "accepted" : null;
          } else {
            // documented: legacy archive kinds packaging refuses are read like .tar.gz
            failure = null;
          }
          if (failure != null || !node.hasNonNull("project") || !node.has("by_project")) {
            return failure;
          }
          JsonNode byProject = node.get("by_project");
          Optional<DistributionFilename> legacy;
          try {
            legacy =
                Optional.of(
                    DistributionFilename.parseSdist(
                        filename, ProjectName.lenient(node.get("project").asText())));
          } catch (InvalidFilenameException e) {
            legacy = Optional.empty();
          }
          if (!byProject.get("ok").asBoolean()) {
            return legacy.isPresent() ? "by project: accepted" : null;
          }
          return legacy.isEmpty()
              ? "by project: rejected"
              : diff(
                  "by project version",
                  byProject.get("version").asText(),
                  legacy.get().version().toString());
        });
  }

  @Test
  void tagSetsMatchPackaging() {
    check(
        "parse-tag.jsonl",
        100,
        node -> {
          String tag = node.get("tag").asText();
          JsonNode expect = node.get("expect");
          TreeSet<String> tags = new TreeSet<>();
          try {
            WheelTag.parseSet(tag).forEach(t -> tags.add(t.toString()));
          } catch (InvalidFilenameException e) {
            return expect.get("ok").asBoolean() ? "rejected" : null;
          }
          if (!expect.get("ok").asBoolean()) {
            return "accepted as " + tags;
          }
          return diff("tags", new TreeSet<>(strings(expect.get("tags"))), tags);
        });
  }
}
