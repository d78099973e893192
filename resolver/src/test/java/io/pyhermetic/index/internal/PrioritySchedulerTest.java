package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.index.RequestPriority;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritySchedulerTest {
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsAtOnceWhileAPermitIsFree() {
    PriorityScheduler scheduler = new PriorityScheduler(2);
    scheduler.submit(RequestPriority.of(0), () -> ran.add("a"));
    scheduler.submit(RequestPriority.of(0), () -> ran.add("b"));
    scheduler.submit(RequestPriority.of(0), () -> ran.add("c"));
    assertThat(ran).containsExactly("a", "b");
    scheduler.release();
    assertThat(ran).containsExactly("a", "b", "c");
  }

  @Test
  void waitingTasksGoByLevelThenArrivalAndARaiseReordersThem() {
    PriorityScheduler scheduler = new PriorityScheduler(1);
    scheduler.submit(RequestPriority.of(0), () -> ran.add("busy"));
    RequestPriority raised = RequestPriority.of(0);
    scheduler.submit(RequestPriority.of(0), () -> ran.add("low1"));
    scheduler.submit(RequestPriority.of(5), () -> ran.add("high"));
    scheduler.submit(raised, () -> ran.add("raised"));
    scheduler.submit(RequestPriority.of(0), () -> ran.add("low2"));
    raised.raiseTo(9);
    for (int i = 0; i < 4; i++) {
      scheduler.release();
    }
    assertThat(ran).containsExactly("busy", "raised", "high", "low1", "low2");
  }

  @Test
  void aTaskThatThrowsGivesItsTurnToTheNext() {
    PriorityScheduler scheduler = new PriorityScheduler(1);
    scheduler.submit(RequestPriority.of(0), () -> ran.add("busy"));
    scheduler.submit(
        RequestPriority.of(0),
        () -> {
          throw new IllegalStateException("broken");
        });
    scheduler.submit(RequestPriority.of(0), () -> ran.add("next"));
    scheduler.release();
    assertThat(ran).containsExactly("busy", "next");
  }
}
