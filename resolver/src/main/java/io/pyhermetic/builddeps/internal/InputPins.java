package io.pyhermetic.builddeps.internal;

import io.pyhermetic.builddeps.BuildDepsCode;
import io.pyhermetic.error.Problem;
import io.pyhermetic.index.Release;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.requirement.MarkerEvaluationException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of a build-dependency run, read from requirements entries: the pinned releases to
 * inspect with the sha256 hashes they pin, the versions to prefer in build environments
 * (constraint-file pins included), and a problem for every entry that is not pinned.
 */
public final class InputPins {
  private static final Logger LOG = LoggerFactory.getLogger(InputPins.class);

  private final Map<ProjectName, Version> preferred = new LinkedHashMap<>();
  private final Map<Release, Set<String>> pinnedHashes = new LinkedHashMap<>();
  private final Map<Release, Entry> entries = new LinkedHashMap<>();
  private final List<Problem> problems;

  private InputPins(List<Problem> problems) {
    this.problems = problems;
  }

  /**
   * Reads {@code requirements}, skipping those whose markers exclude every target.
   *
   * @param requirements the entries of one or more requirements files
   * @param targets the targets markers are evaluated for
   * @param problems where a problem is added for every entry that is not pinned
   * @return the pins
   */
  public static InputPins read(
      List<Entry> requirements, List<Target> targets, List<Problem> problems) {
    InputPins pins = new InputPins(problems);
    for (Entry e : requirements) {
      pins.add(e, targets);
    }
    return pins;
  }

  private void add(Entry e, List<Target> targets) {
    if (e.requirement().isEmpty() || e.name().isEmpty()) {
      if (e.link().isPresent() && !e.isConstraint()) {
        problems.add(
            Problem.error(
                    BuildDepsCode.NOT_PINNED,
                    e.link().get(),
                    e.location() + ": URL requirements are not supported; pin a release with ==")
                .at(e.location()));
      }
      return;
    }
    if (!activeOnAnyTarget(e.requirement().get(), targets)) {
      return;
    }
    Optional<Version> pin = e.pinnedVersion();
    if (pin.isEmpty()) {
      if (!e.isConstraint()) {
        problems.add(
            Problem.error(
                    BuildDepsCode.NOT_PINNED,
                    e.requirementText().strip(),
                    e.location()
                        + ": requirement '"
                        + e.requirementText().strip()
                        + "' is not pinned with ==")
                .at(e.location()));
      }
      return;
    }
    preferred.putIfAbsent(e.name().get(), pin.get());
    if (e.isConstraint()) {
      return;
    }
    Release release = new Release(e.name().get(), pin.get());
    entries.putIfAbsent(release, e);
    Set<String> hashes = pinnedHashes.computeIfAbsent(release, r -> new TreeSet<>());
    e.hashes()
        .getOrDefault("sha256", List.of())
        .forEach(h -> hashes.add(h.toLowerCase(Locale.ROOT)));
  }

  private static boolean activeOnAnyTarget(Requirement requirement, List<Target> targets) {
    if (requirement.marker().isEmpty()) {
      return true;
    }
    for (Target t : targets) {
      try {
        if (requirement.marker().get().evaluate(t.markerEnvironment())) {
          return true;
        }
      } catch (MarkerEvaluationException e) {
        LOG.warn("treating marker of {} as false: {}", requirement, e.getMessage());
      }
    }
    return false;
  }

  /**
   * The versions build environments try first.
   *
   * @return the first pin of each project, constraint files included
   */
  public Map<ProjectName, Version> preferred() {
    return Collections.unmodifiableMap(preferred);
  }

  /**
   * The input releases, each with the entry that pinned it first.
   *
   * @return the entries by release, in input order
   */
  public Map<Release, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /**
   * The sha256 hashes pinned for an input release.
   *
   * @param release the release
   * @return the lower-case hex hashes, empty when none are pinned or it is not an input
   */
  public Set<String> hashes(Release release) {
    return pinnedHashes.getOrDefault(release, Set.of());
  }
}
