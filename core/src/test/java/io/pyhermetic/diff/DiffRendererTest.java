package io.pyhermetic.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.RequirementsFile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffRendererTest {

  private static RequirementsDiff perTarget(String text) {
    RequirementsFile file = Corpus.PARSER.parse(text, "u.txt");
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put("x86_64", Target.linux("x86_64", "3.12"));
    targets.put("aarch64", Target.linux("aarch64", "3.12"));
    return RequirementsDiff.compareTargets(file, targets);
  }

  @Test
  void theThreeRenderingsOfAPerTargetDiff() {
    RequirementsDiff diff =
        perTarget(
            "numpy==2.0 ; platform_machine == 'x86_64'\n"
                + "numpy==1.26 ; platform_machine == 'aarch64'\n"
                + "triton==3.5.1 ; platform_machine == 'x86_64'\n"
                + "attrs==24.2.0\n");
    assertThat(DiffRenderer.text(diff, diff.packages(), false))
        .isEqualTo(
            "package  x86_64  aarch64  status\n"
                + "attrs    24.2.0  24.2.0   same\n"
                + "numpy    2.0     1.26     version\n"
                + "triton   3.5.1   -        only\n"
                + "3 packages: 1 only, 1 version, 1 same\n");
    assertThat(DiffRenderer.markdown(diff, diff.differences()))
        .isEqualTo(
            "| package | x86_64 | aarch64 | status |\n"
                + "|---|---|---|---|\n"
                + "| `numpy` | 2.0 | 1.26 | version |\n"
                + "| `triton` | 3.5.1 | - | only |\n"
                + "\n"
                + "3 packages: 1 only, 1 version, 1 same\n");
    assertThat(DiffRenderer.json(diff, diff.differences()))
        .isEqualTo(
            """
            {
              "labels": [
                "x86_64",
                "aarch64"
              ],
              "packages": [
                {
                  "name": "numpy",
                  "versions": {
                    "x86_64": "2.0",
                    "aarch64": "1.26"
                  },
                  "status": "version",
                  "differences": [
                    "version"
                  ]
                },
                {
                  "name": "triton",
                  "versions": {
                    "x86_64": "3.5.1",
                    "aarch64": null
                  },
                  "status": "only",
                  "differences": [
                    "only"
                  ]
                }
              ],
              "summary": {
                "packages": 3,
                "differing": 2,
                "only": 1,
                "version": 1,
                "marker": 0,
                "extras": 0,
                "hashes": 0,
                "same": 1
              },
              "problems": []
            }
            """);
  }

  @Test
  void problemsFollowTheSummaryInEveryRendering() {
    RequirementsDiff diff =
        perTarget("ok==1\nodd==1 ; os_name ~= '`posix'\ndev==2 ; extra == 'x'\n");
    String first =
        "u.txt:2:1: error: the marker 'os_name ~= \"`posix\"' cannot be evaluated: Undefined"
            + " comparison ~= on 'posix' and '`posix' [marker-not-for-targets]";
    String second =
        "u.txt:3:1: error: the marker 'extra == \"x\"' uses extra, which a build target does not"
            + " define: write the condition with platform_machine, python_version or sys_platform"
            + " instead [marker-not-for-targets]";
    assertThat(DiffRenderer.text(diff, diff.packages(), false))
        .endsWith("1 packages: no differences, 1 same\n" + first + "\n" + second + "\n");
    assertThat(DiffRenderer.markdown(diff, diff.packages()))
        .endsWith(
            "1 packages: no differences, 1 same\n\nLeft out of the comparison:\n\n- `` "
                + first
                + " ``\n- `"
                + second
                + "`\n");
    assertThat(DiffRenderer.json(diff, diff.packages()))
        .contains(
            """
              "problems": [
                {
                  "severity": "error",
                  "rule": "marker-not-for-targets",
                  "file": "u.txt",
                  "line": 2,
                  "column": 1,
                  "message": "the marker 'os_name ~= \\"`posix\\"' cannot be evaluated: \
            """);
  }
}
