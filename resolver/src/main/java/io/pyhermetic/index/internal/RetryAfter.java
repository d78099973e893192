package io.pyhermetic.index.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * A {@code Retry-After} value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date (the IMF-fixdate
 * and RFC 850 forms, as HttpClient's {@link DateUtils} reads them) taken relative to {@code now}; a
 * date in the past means no wait. Beyond a day is absurd (and would overflow as milliseconds): it
 * is capped there, and the backoff caps it further.
 */
final class RetryAfter {
  static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(
          text.length() > 6 ? MAX : capped(Duration.ofSeconds(Long.parseLong(text))));
    }
    Instant at = text.isEmpty() ? null : DateUtils.parseStandardDate(text);
    if (at == null) {
      return Optional.empty(); // unparsable: the exponential delay applies
    }
    Duration wait = Duration.between(now, at);
    return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait));
  }

  private static Duration capped(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
