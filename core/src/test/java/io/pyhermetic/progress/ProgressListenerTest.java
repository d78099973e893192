package io.pyhermetic.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {

  @Test
  void aListenerHearsOnlyWhatItImplementsAndNoneHearsNothing() {
    List<String> heard = new ArrayList<>();
    ProgressListener itemsOnly =
        new ProgressListener() {
          @Override
          public void progressed(int done, int total, String what) {
            heard.add(done + "/" + total + " " + what);
          }
        };
    itemsOnly.step("auditing 2 pins for x86_64");
    itemsOnly.progressed(1, 2, "numpy 2.3.5");
    ProgressListener.NONE.step("resolving build dependencies");
    ProgressListener.NONE.progressed(2, 2, "wheel 0.45.1");
    assertThat(heard).containsExactly("1/2 numpy 2.3.5");
  }
}
