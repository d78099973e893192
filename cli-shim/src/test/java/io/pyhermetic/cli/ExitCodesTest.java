package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one exit-code table: every command's help, the README and the design say the same. */
class ExitCodesTest {

  private static final Pattern TABLE_ROW = Pattern.compile("^\\| *(\\d+) *\\| *(.*?) *\\|$");
  private static final Pattern HELP_ROW = Pattern.compile("^ {1,4}(\\d+) +(\\S.*)$");

  /** The repository root: the nearest directory above the module's with README.md and pom.xml. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isRegularFile(dir.resolve("README.md"))
            && Files.isDirectory(dir.resolve("cli-shim")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  private static List<String> expected() {
    return List.of(ExitCodes.HELP);
  }

  /** The rows of the markdown table headed {@code | exit code | meaning |}, as code:meaning. */
  private static List<String> markdownTable(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int header = lines.indexOf("| exit code | meaning |");
    assertThat(header).as(file + " has the exit-code table").isNotNegative();
    List<String> rows = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      Matcher m = TABLE_ROW.matcher(lines.get(i));
      assertThat(m.matches()).as(file + ": " + lines.get(i)).isTrue();
      rows.add(m.group(1) + ":" + m.group(2));
    }
    return rows;
  }

  @org.junit.jupiter.api.Test
  void theReadmeHasTheTable() throws IOException {
    assertThat(markdownTable(repositoryRoot().resolve("README.md"))).isEqualTo(expected());
  }

  /**
   * The design states the codes in one sentence ("Exit codes, …: 0 success (…); 1 findings (…);
   * …"). Each code's meaning up to its parenthesis must be ours; the parentheses list examples,
   * which the design may name before a command exists.
   */
  private static final Pattern DESIGN_CODE = Pattern.compile("(?:: |; )(\\d) ([^;(.]+)");

  @org.junit.jupiter.api.Test
  void theDesignStatesTheSameCodes() throws IOException {
    Path design = repositoryRoot().getParent().resolve("shared/DESIGN.md");
    // CI lays shared/ beside the clone; a clone elsewhere may have no design to compare
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(design) || System.getenv("CI") != null,
        "no shared/DESIGN.md beside the repository");
    assertThat(design).as("the design beside the repository").isRegularFile();
    String text = String.join(" ", Files.readAllLines(design, StandardCharsets.UTF_8));
    int start = text.indexOf("Exit codes, the same in every command");
    assertThat(start).as(design + " states the exit codes").isNotNegative();
    String sentence = text.substring(start, text.indexOf(". ", text.indexOf("4 ", start)));
    List<String> stated = new ArrayList<>();
    Matcher m = DESIGN_CODE.matcher(sentence);
    while (m.find()) {
      stated.add(m.group(1) + ":" + m.group(2).strip());
    }
    List<String> ours = expected().stream().map(row -> row.replaceFirst(" \\(.*", "")).toList();
    assertThat(stated).as(sentence).isEqualTo(ours);
  }

  static Stream<String> commands() {
    return Stream.concat(Stream.of(""), Pyhermetic.SUBCOMMANDS.stream());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandsHelpHasTheTable(String command) {
    StringWriter out = new StringWriter();
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    assertThat(
            Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter())))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    int heading = lines.indexOf("Exit codes:");
    assertThat(heading).as(out.toString()).isNotNegative();
    // rows start with the code; picocli wraps a long meaning onto indented lines
    List<String> rows = new ArrayList<>();
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      Matcher m = HELP_ROW.matcher(line);
      if (m.matches()) {
        rows.add(m.group(1) + ":" + m.group(2).strip());
      } else {
        int last = rows.size() - 1;
        rows.set(last, rows.get(last) + " " + line.strip());
      }
    }
    assertThat(rows).isEqualTo(expected());
  }
}
