package io.pyhermetic.resolution.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.version.Specifier;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The rules every provider applies alike: candidate order, and a release's Python range. */
public final class Candidates {
  private Candidates() {}

  /**
   * Every version of {@code name} that {@code lookup} finds; none, noted in {@code rejected}, when
   * the index has no such project. Other index failures propagate.
   *
   * @param name the project
   * @param lookup the look-up of its versions
   * @param rejected where the reason for finding none is noted
   * @return the versions
   */
  public static List<Version> known(
      ProjectName name, Supplier<List<Version>> lookup, List<String> rejected) {
    try {
      return lookup.get();
    } catch (IndexException e) {
      if (e.isNotFound()) {
        rejected.add("the index has no project " + name.canonical());
        return List.of();
      }
      throw e;
    }
  }

  /**
   * The versions of {@code all} that {@code specifier} matches, newest first, with {@code
   * preferred} first when it matches.
   *
   * @param all the versions
   * @param specifier the specifiers
   * @param prereleases whether pre-releases are candidates; otherwise packaging's default (only
   *     when a specifier names one, or when nothing else matches)
   * @param preferred the version to try first, if any
   * @return the candidates
   */
  public static List<Version> newestFirst(
      List<Version> all, SpecifierSet specifier, boolean prereleases, Optional<Version> preferred) {
    List<Version> matching =
        new ArrayList<>(prereleases ? specifier.filter(all, true) : specifier.filter(all));
    Collections.reverse(matching);
    if (preferred.isPresent() && matching.remove(preferred.get())) {
      matching.add(0, preferred.get());
    }
    return matching;
  }

  /**
   * Whether a {@code Requires-Python} text admits {@code python}; an unparsable one does.
   *
   * @param requiresPython the release's {@code Requires-Python}, if any
   * @param python the Python version
   * @return {@code true} when it admits the version
   */
  public static boolean admitsPython(Optional<String> requiresPython, Version python) {
    return requiresPython.isEmpty()
        || SpecifierSet.tryParse(requiresPython.get())
            .map(s -> s.contains(python, true))
            .orElse(true);
  }

  /**
   * PEP 592: whether one of {@code requirements} names {@code version} with {@code ==} (no
   * wildcard) or {@code ===}, which is what allows a yanked release to be chosen.
   *
   * @param version the version
   * @param requirements the requirements
   * @return {@code true} when one pins it exactly
   */
  public static boolean pinsExactly(Version version, List<Requirement> requirements) {
    for (Requirement r : requirements) {
      for (Specifier s : r.specifier().specifiers()) {
        if ((s.operator() == Specifier.Operator.EQUAL && !s.isWildcard()
                || s.operator() == Specifier.Operator.ARBITRARY)
            && s.contains(version, true)) {
          return true;
        }
      }
    }
    return false;
  }
}
