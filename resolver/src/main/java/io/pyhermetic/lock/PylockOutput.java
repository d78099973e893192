package io.pyhermetic.lock;

import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.lockfile.LockExport;
import io.pyhermetic.lockfile.PackageFile;
import io.pyhermetic.lockfile.Pylock;
import io.pyhermetic.lockfile.PylockWriter;
import io.pyhermetic.requirement.Marker;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A lock result as one PEP 751 {@code pylock.toml}: one package per name and version with every
 * file of the release that has a sha256 (URL, size, upload time, hash), marked with the
 * architectures that install it when that is not all of them, and one {@code environments} entry
 * per target. An installer that follows PEP 751 picks each target's file from the wheels listed.
 */
public final class PylockOutput {
  private PylockOutput() {}

  /**
   * The lock file's model; write it with {@link PylockWriter}.
   *
   * @param result the locks of every target
   * @param createdBy the tool name recorded in {@code created-by}
   * @return the lock
   */
  public static Pylock of(LockResult result, String createdBy) {
    Map<String, LockedPackage> packages = new TreeMap<>();
    Map<String, List<String>> arches = new LinkedHashMap<>();
    for (TargetLock lock : result.targets()) {
      for (LockedPackage p : lock.packages()) {
        String key = p.name().canonical() + " " + p.version();
        packages.putIfAbsent(key, p);
        arches.computeIfAbsent(key, k -> new ArrayList<>()).add(lock.arch());
      }
    }
    List<io.pyhermetic.lockfile.LockedPackage> out = new ArrayList<>();
    packages.forEach(
        (key, p) -> {
          List<String> on = arches.get(key);
          Optional<Marker> marker =
              on.size() == result.targets().size()
                  ? Optional.empty()
                  : Optional.of(LockExport.machines(on));
          Optional<PackageFile> sdist = Optional.empty();
          List<PackageFile> wheels = new ArrayList<>();
          for (ReleaseFile file : p.files()) {
            if (file.isWheel()) {
              wheels.add(fileOf(file));
            } else if (file.isSdist() && sdist.isEmpty()) {
              sdist = Optional.of(fileOf(file));
            }
          }
          out.add(
              io.pyhermetic.lockfile.LockedPackage.of(
                  p.name().canonical(), p.version(), marker, sdist, wheels));
        });
    List<Marker> environments = new ArrayList<>();
    result.targets().forEach(t -> environments.add(LockExport.environment(t.target())));
    return Pylock.of(createdBy, out).withEnvironments(environments);
  }

  /**
   * The {@code pylock.toml} text.
   *
   * @param result the locks of every target
   * @param createdBy the tool name recorded in {@code created-by}
   * @return the file's text
   */
  public static String render(LockResult result, String createdBy) {
    return PylockWriter.write(of(result, createdBy));
  }

  private static PackageFile fileOf(ReleaseFile file) {
    return new PackageFile(
        Optional.empty(),
        Optional.of(file.url()),
        Optional.empty(),
        file.size(),
        // a directory's modification times are not upload times: they change with every copy,
        // and the lock would drift with them
        file.url().startsWith("file:")
            ? Optional.empty()
            : file.uploadTime().map(t -> t.atOffset(ZoneOffset.UTC)),
        Map.of("sha256", file.sha256().orElseThrow()));
  }
}
