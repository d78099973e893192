package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPriorityTest {

  @Test
  void callSetsTheThreadsPriorityAndRestoresTheOuterOne() {
    assertThat(RequestPriority.current().level()).isZero();
    RequestPriority outer = RequestPriority.of(2);
    outer.run(
        () -> {
          assertThat(RequestPriority.current()).isSameAs(outer);
          int inner = RequestPriority.call(5, () -> RequestPriority.current().level());
          assertThat(inner).isEqualTo(5);
          assertThat(RequestPriority.current()).isSameAs(outer);
        });
    assertThat(RequestPriority.current().level()).isZero();
  }

  @Test
  void raisingOnlyGoesUpAndCarriesDerivedPriorities() {
    RequestPriority parent = RequestPriority.of(1);
    RequestPriority child = RequestPriority.under(parent);
    assertThat(child.level()).isEqualTo(1);
    long before = RequestPriority.raises();
    parent.raiseTo(4);
    assertThat(child.level()).isEqualTo(4);
    assertThat(RequestPriority.raises()).isGreaterThan(before);
    parent.raiseTo(2);
    assertThat(parent.level()).isEqualTo(4);
    child.raiseTo(6);
    assertThat(child.level()).isEqualTo(6);
    assertThat(parent.level()).isEqualTo(4);
  }

  @Test
  void longDerivationsStayShort() {
    RequestPriority root = RequestPriority.of(1);
    RequestPriority p = root;
    for (int i = 0; i < 100_000; i++) {
      p = RequestPriority.under(p);
    }
    assertThat(p.level()).isEqualTo(1);
    p.raiseTo(3);
    assertThat(p.level()).isEqualTo(3);
  }

  @Test
  void theDefaultPriorityIsNeverRaised() {
    RequestPriority normal = RequestPriority.current();
    normal.raiseTo(10);
    assertThat(RequestPriority.current().level()).isZero();
    assertThat(RequestPriority.under(normal).level()).isZero();
  }
}
