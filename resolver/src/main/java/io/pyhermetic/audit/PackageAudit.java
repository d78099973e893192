package io.pyhermetic.audit;

import io.pyhermetic.error.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the audit found for one pin.
 *
 * @param name canonical project name (or the URL of a URL requirement)
 * @param version the pinned version as written
 * @param location where the pin is
 * @param sdist the sdist the index has for the release
 * @param yanked whether the release is yanked, and why
 * @param matchingHashes pinned hashes that belong to a file of the release
 * @param staleHashes pinned hashes that match no file (an outdated lock)
 * @param targets per target label, the outcome
 * @param error why the release could not be looked at (a 404, an index failure)
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
  public PackageAudit {
    matchingHashes = List.copyOf(matchingHashes);
    staleHashes = List.copyOf(staleHashes);
    targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
  }

  /** Whether nothing is wrong with this pin on any target. */
  public boolean isOk() {
    return error.isEmpty()
        && staleHashes.isEmpty()
        && targets.values().stream().allMatch(TargetResult::isOk);
  }
}
