package io.pyhermetic.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a bulk look-up: a value for every release that succeeded and the failure of every
 * release that did not. Both maps keep the order the releases were asked in.
 *
 * @param <T> the per-release value
 * @param values the successful look-ups
 * @param failures the failed look-ups
 */
public record ReleaseResults<T>(Map<Release, T> values, Map<Release, IndexException> failures) {

  /**
   * Copies the maps, so the results stay immutable.
   *
   * @param values the successful look-ups
   * @param failures the failed look-ups
   */
  public ReleaseResults {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /**
   * Whether every look-up succeeded.
   *
   * @return {@code true} when nothing failed
   */
  public boolean isOk() {
    return failures.isEmpty();
  }

  /**
   * The value for {@code release}, when its look-up succeeded.
   *
   * @param release the release
   * @return the value, or empty
   */
  public Optional<T> value(Release release) {
    return Optional.ofNullable(values.get(release));
  }

  /**
   * The failure for {@code release}, when its look-up failed.
   *
   * @param release the release
   * @return the failure, or empty
   */
  public Optional<IndexException> failure(Release release) {
    return Optional.ofNullable(failures.get(release));
  }
}
