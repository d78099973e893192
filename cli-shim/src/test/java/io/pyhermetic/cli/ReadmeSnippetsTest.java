package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README is a region of a test that compiles and runs it ({@code // region
 * readme-NAME} … {@code // endregion} in the modules' tests), so the README cannot show code that
 * does not work.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile(
          "^([ \\t]*)// region (readme-[\\w-]+)\n(.*?)^[ \\t]*// endregion",
          Pattern.DOTALL | Pattern.MULTILINE);

  @Test
  void everyJavaBlockOfTheReadmeIsATestedRegionAndEveryRegionIsShown() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    Map<String, String> regions = regions();
    assertThat(regions).as("regions in the modules' tests").hasSizeGreaterThanOrEqualTo(4);
    assertThat(blocks)
        .as("the README's Java blocks, each a region of a test (see the regions' text)")
        .containsExactlyInAnyOrderElementsOf(regions.values());
  }

  /** The regions of every test source under the modules, by name, dedented. */
  private static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    for (String module : List.of("core", "resolver", "cli-shim")) {
      Path tests = ROOT.resolve(module).resolve("src/test/java");
      try (Stream<Path> files = Files.walk(tests)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          Matcher m = REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (m.find()) {
            String previous = regions.put(m.group(2), dedent(m.group(3), m.group(1).length()));
            assertThat(previous).as("region %s defined twice", m.group(2)).isNull();
          }
        }
      }
    }
    return regions;
  }

  private static String dedent(String text, int indent) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    // split keeps the empty piece after the last line end
    return out.substring(0, out.length() - 1);
  }
}
