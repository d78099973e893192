package io.pyhermetic.reqfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineTest {
  @TempDir Path temp;

  private static final RequirementsFileParser PARSER =
      new RequirementsFileParser().withEnvironment(Map.of("VERSION", "1.0"));

  /** The kind of each line, as a caller that handles every kind tells them apart. */
  private static String kind(Line line) {
    if (line instanceof Entry entry) {
      return "entry " + entry.requirementText().strip();
    } else if (line instanceof OptionLine options) {
      return "options " + options.options();
    } else if (line instanceof Include include) {
      return (include.constraint() ? "constraints " : "include ") + include.file().entries().size();
    } else if (line instanceof CommentLine) {
      return "comment";
    } else if (line instanceof BlankLine) {
      return "blank";
    }
    throw new AssertionError(line);
  }

  @Test
  void everyLogicalLineIsOneLineOfItsKind() throws Exception {
    Files.writeString(temp.resolve("base.txt"), "six==1.16.0\nidna==3.4\n");
    Files.writeString(temp.resolve("constraints.txt"), "urllib3<3\n");
    Path file = temp.resolve("requirements.txt");
    Files.writeString(
        file,
        "# a header\n"
            + "\n"
            + "--index-url https://example.org/simple --pre\n"
            + "-r base.txt\n"
            + "-c constraints.txt\n"
            + "requests==2.31.0 \\\n"
            + "    --hash=sha256:aaaa\n"
            + "    # via app\n"
            + "   \\\n"
            + "\n"
            + "-e git+https://example.org/x.git#egg=x --hash=sha256:bbbb\n");
    RequirementsFile parsed = PARSER.parse(file);
    List<String> kinds = new ArrayList<>();
    parsed.lines().forEach(l -> kinds.add(l.line() + "-" + l.lastLine() + " " + kind(l)));
    assertThat(kinds)
        .containsExactly(
            "1-1 comment",
            "2-2 blank",
            "3-3 options [--index-url https://example.org/simple, --pre]",
            "4-4 include 2",
            "5-5 constraints 1",
            "6-7 entry requests==2.31.0",
            "9-10 blank",
            "11-11 entry git+https://example.org/x.git#egg=x");
    assertThat(parsed.lines().get(0).text()).isEqualTo("# a header\n");
    assertThat(parsed.lines().get(5).text())
        .isEqualTo("requests==2.31.0 \\\n    --hash=sha256:aaaa\n");
    Include include = (Include) parsed.lines().get(3);
    assertThat(include.options()).extracting(OptionUse::name).containsExactly("--requirement");
    assertThat(include.optionLocation().column()).isEqualTo(1);
    assertThat(include.location().line()).isEqualTo(4);
    assertThat(parsed.includes()).containsExactly(include, (Include) parsed.lines().get(4));
  }

  @Test
  void anEditableKeepsItsOptionsButNoHashes() {
    RequirementsFile parsed =
        PARSER.parse("-e git+https://example.org/x.git#egg=x --hash=sha256:bbbb\n", "r.txt");
    Entry entry = parsed.entries().get(0);
    assertThat(entry.hashes()).isEmpty();
    assertThat(entry.configSettings()).isEmpty();
    assertThat(entry.globalOptions()).isEmpty();
    assertThat(entry.options()).extracting(OptionUse::name).containsExactly("--editable", "--hash");
  }

  @Test
  void optionsKeepTheirWrittenFormUnlessAVariableCameBefore() {
    RequirementsFile parsed =
        PARSER.parse(
            "--index https://example.org/simple\n"
                + "-ihttps://example.org/other\n"
                + "pkg==${VERSION} --hash=sha256:cccc\n"
                + "other==2 --config-settings=k=v --global-option=--x\n",
            "r.txt");
    assertThat(parsed.optionUses())
        .extracting(u -> u.written().orElse("-"))
        .containsExactly(
            "--index",
            "-ihttps://example.org/other",
            "-",
            "--config-settings=k=v",
            "--global-option=--x");
    Entry other = parsed.entries().get(1);
    assertThat(other.configSettings()).isEqualTo(Map.of("k", List.of("v")));
    assertThat(other.globalOptions()).containsExactly("--x");
    assertThat(parsed.variableUses())
        .extracting(v -> v.written() + "@" + v.location())
        .containsExactly("${VERSION}@r.txt:3:6");
  }

  @Test
  void aBuiltEntryHoldsWhatItWasGiven() {
    io.pyhermetic.error.Location at = new io.pyhermetic.error.Location("r.txt", 3, 5);
    OptionUse hash =
        new OptionUse(
            "--hash",
            java.util.Optional.of("sha256:dd"),
            at,
            true,
            java.util.Optional.of("--hash=sha256:dd"));
    Entry entry =
        Entry.builder()
            .kind(EntryKind.URL)
            .location(at)
            .lastLine(4)
            .text("https://example.org/x-1.0.tar.gz \\\n  --hash=sha256:dd\n", "    # via y\n")
            .requirementText("https://example.org/x-1.0.tar.gz")
            .requirement(java.util.Optional.empty())
            .marker(java.util.Optional.empty())
            .extras(new java.util.TreeSet<>(List.of("b", "a")))
            .link(java.util.Optional.of("https://example.org/x-1.0.tar.gz"))
            .constraint(true)
            .hashes(Map.of("sha256", List.of("dd")))
            .configSettings(Map.of())
            .globalOptions(List.of("--x"))
            .options(List.of(hash))
            .build();
    assertThat(entry.location()).hasToString("r.txt:3:1");
    assertThat(entry.lastLine()).isEqualTo(4);
    assertThat(entry.text()).endsWith("--hash=sha256:dd\n");
    assertThat(entry.annotationText()).isEqualTo("    # via y\n");
    assertThat(entry.via()).containsExactly("y");
    assertThat(entry.extras()).containsExactly("a", "b");
    assertThat(entry.hashes()).isEqualTo(Map.of("sha256", List.of("dd")));
    assertThat(entry.globalOptions()).containsExactly("--x");
    assertThat(entry.options()).containsExactly(hash);
    assertThat(entry.isConstraint()).isTrue();
    assertThat(entry.name()).isEmpty();
    assertThat(entry.pinnedVersion()).isEmpty();
    assertThat(entry.isPinned()).isFalse();
    assertThat(entry).hasToString("r.txt:3:1 https://example.org/x-1.0.tar.gz");
  }
}
