package io.pyhermetic.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private enum TestCode implements Problem.Code {
    BROKEN;

    @Override
    public String label() {
      return "broken";
    }
  }

  @Test
  void factoriesSetTheSeverityAndLeaveLocationAndChainEmpty() {
    Problem error = Problem.error(TestCode.BROKEN, "foo==1.0", "it broke");
    Problem warning = Problem.warning(TestCode.BROKEN, "foo==1.0", "left out");

    assertThat(error.severity()).isEqualTo(Severity.ERROR);
    assertThat(error.isError()).isTrue();
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.isError()).isFalse();
    assertThat(error.location()).isEmpty();
    assertThat(error.chain()).isEmpty();
    assertThat(error.code().label()).isEqualTo("broken");
  }

  @Test
  void atAndWithChainKeepEveryOtherPart() {
    Location where = new Location("requirements.txt", 3, 1);
    Problem problem =
        Problem.warning(TestCode.BROKEN, "foo==1.0", "left out")
            .at(where)
            .withChain(List.of("foo==1.0 → bar>=2"));

    assertThat(problem)
        .isEqualTo(
            new Problem(
                TestCode.BROKEN,
                Severity.WARNING,
                "foo==1.0",
                "left out",
                Optional.of(where),
                List.of("foo==1.0 → bar>=2")));
  }

  @Test
  void rendersSubjectAndMessageOrTheMessageAlone() {
    assertThat(Problem.error(TestCode.BROKEN, "foo==1.0", "it broke"))
        .hasToString("foo==1.0: it broke");
    assertThat(Problem.error(TestCode.BROKEN, "", "it broke")).hasToString("it broke");
  }

  @Test
  void copiesTheChainAndRejectsMissingParts() {
    List<String> chain = new ArrayList<>(List.of("a"));
    Problem problem = Problem.error(TestCode.BROKEN, "s", "m").withChain(chain);
    chain.add("b");

    assertThat(problem.chain()).containsExactly("a");
    assertThatThrownBy(() -> Problem.error(TestCode.BROKEN, "s", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new Problem(TestCode.BROKEN, Severity.ERROR, "s", "m", null, List.of()))
        .isInstanceOf(NullPointerException.class);
  }
}
