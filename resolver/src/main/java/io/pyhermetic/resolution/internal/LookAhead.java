package io.pyhermetic.resolution.internal;

import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.ReleaseMetadata;
import io.pyhermetic.index.RequestPriority;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Fetches ahead of a resolution: a project's listing, then the metadata of the version the search
 * will most likely pick, then the same for that version's dependencies, without waiting for the
 * search to ask. The search then finds most of what it needs in the {@link CachingIndex}, and the
 * requests of a deep graph overlap instead of following one another. Each project is walked once
 * per instance; failures are left for the search to meet.
 */
public final class LookAhead {
  /** Which version of a project the search will most likely pick. */
  @FunctionalInterface
  public interface Guess {
    /**
     * The likely pick among {@code versions} for {@code specifier}.
     *
     * @param name the project
     * @param specifier what the requirement that led here allows
     * @param versions every version the index lists
     * @return the likely pick, or empty when none matches
     */
    Optional<Version> pick(ProjectName name, SpecifierSet specifier, List<Version> versions);
  }

  /** Told of each pick, as it is made. */
  @FunctionalInterface
  public interface Picked {
    /**
     * {@code version} of {@code name} was picked at {@code depth}.
     *
     * @param name the project
     * @param version the version picked
     * @param depth the depth it was found at
     */
    void picked(ProjectName name, Version version, int depth);
  }

  private final CachingIndex index;
  private final Guess guess;
  private final Predicate<Requirement> active;
  private final IntUnaryOperator priority;
  private final Picked picked;
  private final Set<ProjectName> walked = ConcurrentHashMap.newKeySet();

  /**
   * A walker over {@code index}.
   *
   * @param index where listings and metadata come from, and where they stay for the search
   * @param guess the version the search will most likely pick
   * @param active whether a dependency applies (its marker, for the environments resolved)
   * @param priority the request priority of a project found at a depth: deeper projects lie on the
   *     long chains, so they usually go first
   */
  public LookAhead(
      CachingIndex index, Guess guess, Predicate<Requirement> active, IntUnaryOperator priority) {
    this(index, guess, active, priority, (name, version, depth) -> {});
  }

  /**
   * A walker over {@code index} that tells {@code picked} of each pick, so that what the caller
   * will need of it beyond its metadata can be fetched ahead too.
   *
   * @param index where listings and metadata come from, and where they stay for the search
   * @param guess the version the search will most likely pick
   * @param active whether a dependency applies (its marker, for the environments resolved)
   * @param priority the request priority of a project found at a depth
   * @param picked told of each pick
   */
  public LookAhead(
      CachingIndex index,
      Guess guess,
      Predicate<Requirement> active,
      IntUnaryOperator priority,
      Picked picked) {
    this.index = Objects.requireNonNull(index, "index");
    this.guess = Objects.requireNonNull(guess, "guess");
    this.active = Objects.requireNonNull(active, "active");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.picked = Objects.requireNonNull(picked, "picked");
  }

  /**
   * Walks from the requirements {@code roots}, found at {@code depth}: the active ones only.
   *
   * @param roots the requirements
   * @param depth their depth
   */
  public void walkAll(List<Requirement> roots, int depth) {
    for (Requirement r : roots) {
      if (active.test(r)) {
        walk(r.projectName(), r.specifier(), depth);
      }
    }
  }

  /**
   * Walks from {@code name}, found at {@code depth} with {@code specifier}, unless it was walked
   * before.
   *
   * @param name the project
   * @param specifier what the requirement that led here allows
   * @param depth its depth
   */
  public void walk(ProjectName name, SpecifierSet specifier, int depth) {
    if (!walked.add(name)) {
      return;
    }
    RequestPriority.of(priority.applyAsInt(depth))
        .run(
            () ->
                index
                    .versionsAsync(name)
                    .thenCompose(
                        versions ->
                            guess
                                .pick(name, specifier, versions)
                                .map(
                                    v -> {
                                      picked.picked(name, v, depth);
                                      return index.metadataAsync(name, v);
                                    })
                                .orElseGet(() -> CompletableFuture.completedFuture(null)))
                    .thenAccept(metadata -> walkDependencies(metadata, depth + 1))
                    .exceptionally(error -> null));
  }

  private void walkDependencies(ReleaseMetadata metadata, int depth) {
    if (metadata == null) {
      return;
    }
    for (String text : metadata.requiresDist()) {
      Requirement.tryParse(text)
          .filter(active)
          .ifPresent(r -> walk(r.projectName(), r.specifier(), depth));
    }
  }
}
