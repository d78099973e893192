package io.pyhermetic.audit;

import io.pyhermetic.error.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pin on one target.
 *
 * @param route what pip would install; {@link Route#UNKNOWN} when the index failed
 * @param file the file it would install; with route {@code NONE}, the file pip would pick but the
 *     pinned hashes refuse
 * @param hermetoReady whether the files Hermeto downloads contain an installable file for the
 *     target; empty when no Hermeto filter was given or the index failed
 * @param problems why the route is worse than a wheel, or why nothing installs (or why it is not
 *     known)
 * @param location where the pin is written for this target (the same pin may sit on different lines
 *     of the files of different targets)
 */
public record TargetResult(
    Route route,
    Optional<String> file,
    Optional<Boolean> hermetoReady,
    List<String> problems,
    Location location) {
  /**
   * Checks that no component is null and copies the problems.
   *
   * @param route what pip would install; {@link Route#UNKNOWN} when the index failed
   * @param file the file it would install; with route {@code NONE}, the file pip would pick but the
   *     pinned hashes refuse
   * @param hermetoReady whether the files Hermeto downloads contain an installable file for the
   *     target; empty when no Hermeto filter was given or the index failed
   * @param problems why the route is worse than a wheel, or why nothing installs (or why it is not
   *     known)
   * @param location where the pin is written for this target (the same pin may sit on different
   *     lines of the files of different targets)
   */
  public TargetResult {
    Objects.requireNonNull(route, "route");
    problems = List.copyOf(problems);
    Objects.requireNonNull(location, "location");
  }

  /**
   * Whether pip would pick {@link #file()} but the pinned hashes do not allow it.
   *
   * @return {@code true} when the hashes refuse pip's pick
   */
  public boolean refusedByHashes() {
    return route == Route.NONE && file.isPresent();
  }

  /**
   * Installable offline, with hashes that allow it, and (when asked) inside Hermeto's download.
   *
   * @return {@code true} when the pin is fine on this target
   */
  public boolean isOk() {
    return (route == Route.WHEEL || route == Route.SDIST || route == Route.URL)
        && problems.isEmpty()
        && hermetoReady.orElse(true);
  }
}
