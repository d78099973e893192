package io.pyhermetic.advisory.internal;

import io.pyhermetic.advisory.License;
import io.pyhermetic.advisory.Vulnerability;
import io.pyhermetic.index.Release;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's answer for a set of releases: the advisories (withdrawn ones included) of every
 * release it answered for, the licences it read, and why it did not answer for the others.
 *
 * @param found the vulnerabilities per release answered for
 * @param licenses the licence per release, where known
 * @param failures why the service could not answer, per release
 */
public record SourceAnswer(
    Map<Release, List<Vulnerability>> found,
    Map<Release, License> licenses,
    Map<Release, String> failures) {
  /**
   * Copies the maps, so the answer stays immutable.
   *
   * @param found the vulnerabilities per release answered for
   * @param licenses the licence per release, where known
   * @param failures why the service could not answer, per release
   */
  public SourceAnswer {
    found = Collections.unmodifiableMap(new LinkedHashMap<>(found));
    licenses = Collections.unmodifiableMap(new LinkedHashMap<>(licenses));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }
}
