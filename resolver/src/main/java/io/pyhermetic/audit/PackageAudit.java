package io.pyhermetic.audit;

import io.pyhermetic.error.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the audit found for one pin.
 *
 * @param name canonical project name (or the URL of a URL requirement)
 * @param version the pinned version as written; empty when the pin was not looked up (not pinned
 *     with {@code ==}, or a URL)
 * @param location where the pin first appears (in the order the files were given); each target's
 *     own place is {@link TargetResult#location()}
 * @param sdist the sdist the index has for the release
 * @param yanked whether the release is yanked, and why
 * @param matchingHashes pinned hashes that belong to a file of the release
 * @param staleHashes pinned hashes that match no file (an outdated lock)
 * @param targets per target label, the outcome
 * @param error why the release could not be looked at (a 404, an index failure)
 * @param indexFailure whether the index failed (not a missing release): then nothing about the
 *     release is known
 */
public record PackageAudit(
    String name,
    String version,
    Location location,
    Optional<String> sdist,
    boolean yanked,
    Optional<String> yankedReason,
    Optional<String> requiresPython,
    List<String> matchingHashes,
    List<String> staleHashes,
    Map<String, TargetResult> targets,
    Optional<String> error,
    boolean indexFailure) {
  /**
   * Copies the collections, so the value stays immutable.
   *
   * @param matchingHashes pinned hashes that belong to a file of the release
   * @param name canonical project name (or the URL of a URL requirement)
   * @param version the pinned version as written; empty when the pin was not looked up (not pinned
   *     with {@code ==}, or a URL)
   * @param location where the pin first appears (in the order the files were given); each target's
   *     own place is {@link TargetResult#location()}
   * @param sdist the sdist the index has for the release
   * @param yanked whether the release is yanked, and why
   * @param staleHashes pinned hashes that match no file (an outdated lock)
   * @param targets per target label, the outcome
   * @param error why the release could not be looked at (a 404, an index failure)
   * @param indexFailure whether the index failed (not a missing release): then nothing about the
   *     release is known
   * @param yankedReason why the release was yanked, when it says
   * @param requiresPython the release's {@code Requires-Python}, when it has one
   */
  public PackageAudit {
    matchingHashes = List.copyOf(matchingHashes);
    staleHashes = List.copyOf(staleHashes);
    targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
  }

  /**
   * Whether the index was asked about this pin: pinned with {@code ==}, not a URL.
   *
   * @return {@code true} when the index was asked
   */
  public boolean lookedUp() {
    return !version.isEmpty();
  }

  /**
   * Whether the release has an sdist: yes, no (a release the index does not have has none), or
   * empty when that is not known (the index failed, or the pin was not looked up).
   *
   * @return whether it has an sdist, or empty when unknown
   */
  public Optional<Boolean> hasSdist() {
    if (indexFailure || !lookedUp()) {
      return Optional.empty();
    }
    return Optional.of(sdist.isPresent());
  }

  /**
   * Where the pin is written for {@code target}, else where it first appears.
   *
   * @param target a target label
   * @return the location
   */
  public Location locationFor(String target) {
    TargetResult result = targets.get(target);
    return result == null ? location : result.location();
  }

  /**
   * Whether nothing is wrong with this pin on any target.
   *
   * @return {@code true} when the pin is fine everywhere
   */
  public boolean isOk() {
    return error.isEmpty()
        && staleHashes.isEmpty()
        && targets.values().stream().allMatch(TargetResult::isOk);
  }
}
