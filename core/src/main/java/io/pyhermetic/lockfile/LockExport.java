package io.pyhermetic.lockfile;

import io.pyhermetic.platform.Target;
import io.pyhermetic.requirement.Marker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code pylock.toml} for several targets from what each target installs: one package per name
 * and version, marked with the architectures that install it (no marker where every target does),
 * and {@code environments} naming the targets.
 */
public final class LockExport {
  private LockExport() {}

  /**
   * The lock for these selections (one per target, of one lock file).
   *
   * @param selections the selections, one per target
   * @param createdBy the tool name recorded in {@code created-by}
   * @return the lock
   * @throws LockFileException when a selection has problems
   */
  public static Pylock of(List<LockSelection> selections, String createdBy) {
    Map<String, List<String>> archesByKey = new LinkedHashMap<>();
    Map<String, LockedPackage> packageByKey = new TreeMap<>();
    List<Marker> environments = new ArrayList<>();
    for (LockSelection selection : selections) {
      if (!selection.isOk()) {
        throw new LockFileException(selection.problems());
      }
      Target target = selection.target();
      environments.add(environment(target));
      for (LockSelection.Selected s : selection.packages()) {
        if (s.install() instanceof PackageArchive
            && ((PackageArchive) s.install()).hashes().isEmpty()) {
          // PEP 751 requires a hash for every archive; a lock without one cannot be written
          throw new LockFileException(
              new io.pyhermetic.error.Location(selection.source(), s.line(), 1),
              s.pkg().name() + ": the archive has no hash to export");
        }
        String key = s.pkg().name() + " " + s.pkg().version().map(Object::toString).orElse("");
        packageByKey.putIfAbsent(key, s.pkg());
        archesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(target.arch());
      }
    }
    List<LockedPackage> packages = new ArrayList<>();
    packageByKey.forEach(
        (key, p) -> {
          List<String> arches = archesByKey.get(key);
          Optional<Marker> marker =
              arches.size() == selections.size() ? Optional.empty() : Optional.of(machines(arches));
          packages.add(withMarker(p, marker));
        });
    return Pylock.of(createdBy, packages).withEnvironments(environments);
  }

  /**
   * {@code platform_machine == "a" or platform_machine == "b"}.
   *
   * @param arches the machine names
   * @return the marker
   */
  public static Marker machines(List<String> arches) {
    StringBuilder text = new StringBuilder();
    for (String arch : arches) {
      if (text.length() > 0) {
        text.append(" or ");
      }
      text.append("platform_machine == \"").append(arch).append('"');
    }
    return Marker.parse(text.toString());
  }

  /**
   * The {@code environments} entry of one target: its platform, machine and Python version.
   *
   * @param target the build target
   * @return the marker
   */
  public static Marker environment(Target target) {
    return Marker.parse(
        "sys_platform == \"linux\" and platform_machine == \""
            + target.arch()
            + "\" and python_version == \""
            + target.markerEnvironment().get("python_version")
            + "\"");
  }

  private static LockedPackage withMarker(LockedPackage p, Optional<Marker> marker) {
    return new LockedPackage(
        p.name(),
        p.version(),
        marker,
        p.requiresPython(),
        p.dependencies(),
        p.vcs(),
        p.directory(),
        p.archive(),
        p.index(),
        p.sdist(),
        p.wheels(),
        p.attestationIdentities(),
        p.tool());
  }
}
