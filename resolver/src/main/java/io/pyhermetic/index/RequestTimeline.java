package io.pyhermetic.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A {@link RequestListener} that keeps every request, for a timeline after the run: its wall time
 * and its critical path.
 *
 * <p>The <em>critical path</em> is the longest chain of round trips (requests that went to the
 * network; cache answers are not round trips) in which each request was asked for only after the
 * previous one had ended ({@code next.start >= previous.end}). A request asked for while another
 * was still under way cannot have waited for its answer, so no chain of dependent requests is
 * longer: however many connections are open, the run needs at least this many round trips one after
 * another.
 */
public final class RequestTimeline implements RequestListener {
  private final List<RequestRecord> records = new ArrayList<>();

  @Override
  public synchronized void requestEnded(RequestRecord request) {
    records.add(request);
  }

  /**
   * The requests so far, by start time.
   *
   * @return the requests
   */
  public synchronized List<RequestRecord> records() {
    List<RequestRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(RequestRecord::start).thenComparing(RequestRecord::end));
    return List.copyOf(sorted);
  }

  /**
   * From the first request's start to the last one's end; zero without requests.
   *
   * @return the wall time
   */
  public Duration wallTime() {
    return wallTime(records());
  }

  /**
   * The number of round trips on the critical path (see the class description).
   *
   * @return the number of round trips
   */
  public int criticalPath() {
    return criticalPath(records());
  }

  static Duration wallTime(List<RequestRecord> requests) {
    if (requests.isEmpty()) {
      return Duration.ZERO;
    }
    Instant first =
        requests.stream().map(RequestRecord::start).min(Comparator.naturalOrder()).get();
    Instant last = requests.stream().map(RequestRecord::end).max(Comparator.naturalOrder()).get();
    return Duration.between(first, last);
  }

  /**
   * The longest chain by start time with a Fenwick tree of the best chain ending at or before each
   * end time: O(n log n).
   */
  static int criticalPath(List<RequestRecord> requests) {
    List<RequestRecord> trips =
        requests.stream()
            .filter(RequestRecord::isRoundTrip)
            .sorted(Comparator.comparing(RequestRecord::start).thenComparing(RequestRecord::end))
            .toList();
    Instant[] ends = trips.stream().map(RequestRecord::end).sorted().toArray(Instant[]::new);
    int[] tree = new int[ends.length + 1];
    int longest = 0;
    for (RequestRecord trip : trips) {
      // the chains that ended by this request's start
      int before = upperBound(ends, trip.start());
      int best = 0;
      for (int i = before; i > 0; i -= i & -i) {
        best = Math.max(best, tree[i]);
      }
      int length = best + 1;
      longest = Math.max(longest, length);
      for (int i = upperBound(ends, trip.end()); i <= ends.length; i += i & -i) {
        tree[i] = Math.max(tree[i], length);
      }
    }
    return longest;
  }

  /** How many of the sorted {@code ends} are at or before {@code at}. */
  private static int upperBound(Instant[] ends, Instant at) {
    int low = 0;
    int high = ends.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ends[mid].compareTo(at) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The timeline as text: a summary line, then one line per request by start time (offset from the
   * first start, duration, status, attempts, bytes, priority, method and redacted URL).
   *
   * @return the timeline's text
   */
  public String render() {
    List<RequestRecord> all = records();
    long cached = all.stream().filter(r -> !r.isRoundTrip()).count();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "requests: %d (%d from the cache), wall time %s, critical path %d round trips%n",
            all.size(),
            cached,
            seconds(wallTime(all)),
            criticalPath(all)));
    if (all.isEmpty()) {
      return out.toString();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%9s %8s %6s %5s %10s %4s  %s%n",
            "start",
            "took",
            "status",
            "tries",
            "bytes",
            "prio",
            "request"));
    Instant origin = all.get(0).start();
    for (RequestRecord r : all) {
      out.append(
          String.format(
              Locale.ROOT,
              "%9s %8s %6s %5d %10d %4d  %s %s%n",
              "+" + seconds(Duration.between(origin, r.start())),
              seconds(r.duration()),
              r.status().isPresent() ? Integer.toString(r.status().getAsInt()) : "-",
              r.attempts(),
              r.bytes(),
              r.priority(),
              r.method(),
              r.url()));
    }
    return out.toString();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3fs", d.toNanos() / 1e9);
  }

  @Override
  public synchronized String toString() {
    return "RequestTimeline[" + records.size() + " requests]";
  }
}
