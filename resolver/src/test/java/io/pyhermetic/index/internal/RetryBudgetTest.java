package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void allowsTheMinimumPlusAShareOfTheRequests() {
    RetryBudget budget = new RetryBudget(2, 0.5);
    assertThat(budget.tryWithdraw()).isTrue();
    assertThat(budget.tryWithdraw()).isTrue();
    assertThat(budget.tryWithdraw()).isFalse();
    budget.requestStarted(); // 2.5 allowed
    assertThat(budget.tryWithdraw()).isTrue();
    assertThat(budget.tryWithdraw()).isFalse();
    budget.requestStarted(); // 3 allowed, 3 used
    assertThat(budget.tryWithdraw()).isFalse();
    budget.requestStarted();
    assertThat(budget.tryWithdraw()).isTrue();
  }

  @Test
  void aZeroBudgetAllowsNoRetry() {
    RetryBudget none = new RetryBudget(0, 0);
    none.requestStarted();
    assertThat(none.tryWithdraw()).isFalse();
    assertThatThrownBy(() -> new RetryBudget(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
