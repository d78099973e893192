package io.pyhermetic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTimelineTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private static RequestRecord request(long startMs, long endMs, int attempts) {
    return new RequestRecord(
        "GET",
        "https://***@idx.example/simple/p" + startMs + "/",
        0,
        T0.plusMillis(startMs),
        T0.plusMillis(endMs),
        100,
        OptionalInt.of(200),
        attempts);
  }

  /** Each interval is {@code start-end}; cache answers (attempts 0) are marked with {@code c}. */
  private static List<RequestRecord> parse(String intervals) {
    List<RequestRecord> records = new ArrayList<>();
    for (String interval : intervals.trim().split("\\s+")) {
      boolean cached = interval.endsWith("c");
      String[] parts = interval.replace("c", "").split("-");
      records.add(request(Long.parseLong(parts[0]), Long.parseLong(parts[1]), cached ? 0 : 1));
    }
    return records;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0-10                                     | 1",
        "0-10 10-20 20-30                         | 3",
        // all at once: one round trip however many requests
        "0-10 0-12 1-9 2-15                       | 1",
        // a page, then its files in parallel, then one of their metadata files
        "0-10 10-20 11-25 12-18 25-30             | 3",
        // a request asked for while the one before was under way did not wait for it
        "0-10 9-20 19-30                          | 2",
        // cache answers are no round trips
        "0-10 10-10c 10-10c 10-20                 | 2",
        "0-0c                                     | 0",
        // two chains side by side: the longer counts
        "0-5 5-10 10-15 15-20 0-19                | 4",
      })
  void theCriticalPathIsTheLongestChainOfRequestsEachAskedAfterThePreviousEnded(
      String intervals, int expected) {
    RequestTimeline timeline = new RequestTimeline();
    parse(intervals).forEach(timeline::requestEnded);
    assertThat(timeline.criticalPath()).isEqualTo(expected);
  }

  @Test
  void anEmptyTimelineHasNoWallTimeNorPath() {
    RequestTimeline timeline = new RequestTimeline();
    assertThat(timeline.criticalPath()).isZero();
    assertThat(timeline.wallTime()).isEqualTo(Duration.ZERO);
    assertThat(timeline.render())
        .isEqualTo(
            "requests: 0 (0 from the cache), wall time 0.000s, critical path 0 round trips"
                + System.lineSeparator());
  }

  @Test
  void rendersOneLinePerRequestByStartTime() {
    RequestTimeline timeline = new RequestTimeline();
    timeline.requestEnded(request(250, 1000, 2));
    timeline.requestEnded(request(0, 250, 1));
    timeline.requestEnded(
        new RequestRecord(
            "POST",
            "https://idx.example/q",
            3,
            T0.plusMillis(1000),
            T0.plusMillis(1500),
            0,
            OptionalInt.empty(),
            4));
    assertThat(timeline.wallTime()).isEqualTo(Duration.ofMillis(1500));
    assertThat(timeline.render().lines())
        .containsExactly(
            "requests: 3 (0 from the cache), wall time 1.500s, critical path 3 round trips",
            "    start     took status tries      bytes prio  request",
            "  +0.000s   0.250s    200     1        100    0  GET https://***@idx.example/simple/p0/",
            "  +0.250s   0.750s    200     2        100    0  GET https://***@idx.example/simple/p250/",
            "  +1.000s   0.500s      -     4          0    3  POST https://idx.example/q");
  }

  @Test
  void aRequestCannotEndBeforeItStarts() {
    assertThatThrownBy(() -> request(10, 5, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
