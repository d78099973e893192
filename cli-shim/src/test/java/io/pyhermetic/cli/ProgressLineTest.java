package io.pyhermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void rewritesOneLineInPlaceAndErasesItAtTheEnd() {
    StringWriter text = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(text));
    line.progressed(1, 12, "numpy 2.3.5");
    line.progressed(12, 12, "wheel 0.45.1");
    String erase = "\r\u001b[K";
    assertThat(text.toString())
        .isEqualTo(erase + "[ 1/12] numpy 2.3.5" + erase + "[12/12] wheel 0.45.1" + erase);
    line.clear();
    assertThat(text.toString()).endsWith(erase + erase);
  }

  @Test
  void printsAStepOnItsOwnLineAfterErasingTheProgress() {
    StringWriter text = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(text));
    line.progressed(1, 2, "numpy 2.3.5");
    line.step("resolving build dependencies");
    String erase = "\r\u001b[K";
    assertThat(text.toString())
        .isEqualTo(
            erase
                + "[1/2] numpy 2.3.5"
                + erase
                + "resolving build dependencies"
                + System.lineSeparator());
  }

  @Test
  void writesNothingWhenQuiet() {
    StringWriter text = new StringWriter();
    ProgressLine line = ProgressLine.of(new PrintWriter(text), true);
    line.step("auditing");
    line.progressed(1, 1, "numpy 2.3.5");
    line.clear();
    assertThat(text.toString()).isEmpty();
  }
}
