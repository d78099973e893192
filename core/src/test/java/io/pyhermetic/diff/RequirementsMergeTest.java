package io.pyhermetic.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsMergeTest {

  @Test
  void garakUnionIsTheX86Set() {
    RequirementsFile x86 = Corpus.garak("x86_64");
    RequirementsFile arm = Corpus.garak("aarch64");
    RequirementsMerge.Result merged = RequirementsMerge.merge(List.of(x86, arm), false);
    assertThat(merged.problems()).isEmpty();
    assertThat(merged.items()).hasSize(213);
    String text = merged.text(RequirementsWriter.pipCompileStyle());
    RequirementsFile reparsed = Corpus.PARSER.parse(text, "merged.txt");
    assertThat(reparsed.allEntries()).hasSize(213);
    // the hashes of every pin are the union of both files' hashes
    assertThat(reparsed.entries(x86.allEntries().get(0).name().get()).get(0).hashes())
        .isEqualTo(x86.allEntries().get(0).hashes());
  }

  @Test
  void sameVersionMergesHashesViaAndMarkers() {
    RequirementsFile a =
        Corpus.PARSER.parse(
            "foo==1.0 ; platform_machine == 'x86_64' --hash=sha256:aa\n    # via a\n", "a.txt");
    RequirementsFile b =
        Corpus.PARSER.parse(
            "foo==1.0.0 ; platform_machine == 'aarch64' --hash=sha256:bb\n    # via b\n", "b.txt");
    RequirementsMerge.Result merged = RequirementsMerge.merge(List.of(a, b), false);
    assertThat(merged.isOk()).isTrue();
    assertThat(merged.text(RequirementsWriter.pipCompileStyle()))
        .isEqualTo(
            "foo==1.0 ; platform_machine == \"x86_64\" or platform_machine == \"aarch64\" \\\n"
                + "    --hash=sha256:aa \\\n    --hash=sha256:bb\n    # via\n    #   a\n    #   b\n");
  }

  @Test
  void differentVersionsAreConflictsWithEveryLocation() {
    RequirementsFile a = Corpus.PARSER.parse("foo==1.0\nbar==1\nbaz==3\n", "a.txt");
    RequirementsFile b = Corpus.PARSER.parse("bar==1\nfoo==2.0\nbaz==4\n", "b.txt");
    RequirementsMerge.Result merged = RequirementsMerge.merge(List.of(a, b), false);
    assertThat(merged.isOk()).isFalse();
    assertThat(merged.problems())
        .extracting(Diagnostic::rule)
        .containsExactly("version-conflict", "version-conflict");
    assertThat(merged.problems().get(1).message())
        .isEqualTo("foo is pinned to different versions: 1.0 at a.txt:1:1; 2.0 at b.txt:2:1");
    RequirementsMerge.Result kept = RequirementsMerge.merge(List.of(a, b), true);
    assertThat(kept.isOk()).isTrue();
    assertThat(kept.text(RequirementsWriter.pipCompileStyle()))
        .isEqualTo("bar==1\nbaz==3\nbaz==4\nfoo==1.0\nfoo==2.0\n");
  }

  @Test
  void optionsMustAgreeAndAreCarriedOver() {
    RequirementsFile a =
        Corpus.PARSER.parse("--index-url https://u:p@one.example/simple\nfoo==1\n", "a.txt");
    RequirementsFile b =
        Corpus.PARSER.parse("--index-url https://two.example/simple\nfoo==1\n", "b.txt");
    RequirementsMerge.Result merged = RequirementsMerge.merge(List.of(a, b), false);
    assertThat(merged.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("options-differ");
              assertThat(d.message())
                  .contains("a.txt has [--index-url https://***@one.example/simple]")
                  .contains("b.txt has [--index-url https://two.example/simple]")
                  .doesNotContain("u:p");
            });
    RequirementsMerge.Result same = RequirementsMerge.merge(List.of(b, b), false);
    assertThat(same.text(RequirementsWriter.pipCompileStyle()))
        .isEqualTo("--index-url https://two.example/simple\n\nfoo==1\n");
  }

  @Test
  void unpinnedEntriesCannotBeMerged() {
    RequirementsFile a = Corpus.PARSER.parse("foo>=1\nhttps://x.example/p-1.0.tar.gz\n", "a.txt");
    assertThat(RequirementsMerge.merge(List.of(a), false).problems())
        .extracting(d -> d.rule() + "@" + d.location().line())
        .containsExactly("not-pinned@1", "not-pinned@2");
  }
}
