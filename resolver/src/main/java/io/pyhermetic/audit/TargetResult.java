package io.pyhermetic.audit;

import java.util.List;
import java.util.Optional;

/**
 * One pin on one target.
 *
 * @param route what pip would install
 * @param file the file it would install; with route {@code NONE}, the file pip would pick but the
 *     pinned hashes refuse
 * @param hermetoReady whether the files Hermeto downloads contain an installable file for the
 *     target; empty when no Hermeto filter was given
 * @param problems why the route is worse than a wheel, or why nothing installs
 */
public record TargetResult(
    Route route, Optional<String> file, Optional<Boolean> hermetoReady, List<String> problems) {
  public TargetResult {
    problems = List.copyOf(problems);
  }

  /** Whether pip would pick {@link #file()} but the pinned hashes do not allow it. */
  public boolean refusedByHashes() {
    return route == Route.NONE && file.isPresent();
  }

  /** Installable offline, with hashes that allow it, and (when asked) inside Hermeto's download. */
  public boolean isOk() {
    return (route == Route.WHEEL || route == Route.SDIST || route == Route.URL)
        && problems.isEmpty()
        && hermetoReady.orElse(true);
  }
}
