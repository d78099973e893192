package io.pyhermetic.lockfile;

import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsWriter;
import io.pyhermetic.requirement.ProjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A target's selection from a lock as the requirements-file model: one hash-pinned requirement per
 * package ({@code name==version} with the hashes of all its files; a URL requirement for vcs and
 * archives; the path for a directory), located at the line of the package's table in the lock, so
 * that checks, diffs and audits of a lock point into the lock file.
 */
public final class LockRequirements {
  private LockRequirements() {}

  /**
   * The selection as a parsed requirements file named after the lock.
   *
   * @param selection the selection
   * @return the parsed file
   * @throws LockFileException when the selection has problems
   */
  public static RequirementsFile of(LockSelection selection) {
    return RequirementsFile.parse(text(selection), selection.source());
  }

  /**
   * The packages that any of the selections (of one lock, for several targets) install, each once,
   * as one parsed requirements file: what a check or audit over all those targets reads.
   *
   * @param selections the selections, one per target
   * @return the parsed file
   * @throws LockFileException when a selection has problems
   * @throws IllegalArgumentException when there is no selection
   */
  public static RequirementsFile ofAll(List<LockSelection> selections) {
    if (selections.isEmpty()) {
      throw new IllegalArgumentException("no selection");
    }
    java.util.TreeMap<Integer, LockSelection.Selected> byIndex = new java.util.TreeMap<>();
    for (LockSelection selection : selections) {
      requireOk(selection);
      selection.packages().forEach(s -> byIndex.putIfAbsent(s.index(), s));
    }
    LockSelection first = selections.get(0);
    return of(
        new LockSelection(
            first.source(), first.target(), new ArrayList<>(byIndex.values()), List.of()));
  }

  /**
   * Requirements text whose line {@code n} holds the package whose table starts at line {@code n}
   * of the lock (blank lines between), so parsed entries carry the lock's lines.
   *
   * @param selection the selection
   * @return the requirements text
   * @throws LockFileException when the selection has problems
   */
  public static String text(LockSelection selection) {
    requireOk(selection);
    StringBuilder out = new StringBuilder();
    int line = 1;
    for (LockSelection.Selected s : selection.packages()) {
      while (line < s.line()) {
        out.append('\n');
        line++;
      }
      out.append(requirement(s)).append('\n');
      line++;
    }
    return out.toString();
  }

  /**
   * The pinned packages of the selection as items of {@link RequirementsWriter}, for a
   * pip-compile-style file; direct references (vcs, directory, archive) have no pin and are
   * returned by {@link #directReferences}.
   *
   * @param selection the selection
   * @return the pinned packages, by name
   */
  public static List<RequirementsWriter.Item> items(LockSelection selection) {
    requireOk(selection);
    List<RequirementsWriter.Item> items = new ArrayList<>();
    for (LockSelection.Selected s : selection.packages()) {
      if (s.install() instanceof PackageFile) {
        items.add(
            new RequirementsWriter.Item(
                ProjectName.of(s.pkg().name()),
                version(s),
                Optional.empty(),
                hashes(s.pkg().files()),
                new TreeSet<>()));
      }
    }
    return items;
  }

  /**
   * The selection as a requirements file for pip and Hermeto: {@code header}, then the pinned
   * packages pip-compile style (by name, every hash), then the direct references.
   *
   * @param selection the selection
   * @param header the comment lines to start the file with
   * @return the file's text
   * @throws LockFileException when the selection has problems
   */
  public static String write(LockSelection selection, List<String> header) {
    StringBuilder out =
        new StringBuilder(
            RequirementsWriter.pipCompileStyle()
                .withHeader(header)
                .withOrder(RequirementsWriter.Order.NAME_THEN_VERSION)
                .write(items(selection)));
    for (String line : directReferences(selection)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * The requirement lines of the selection's vcs, directory and archive packages.
   *
   * @param selection the selection
   * @return the requirement lines
   */
  public static List<String> directReferences(LockSelection selection) {
    requireOk(selection);
    List<String> lines = new ArrayList<>();
    for (LockSelection.Selected s : selection.packages()) {
      if (!(s.install() instanceof PackageFile)) {
        lines.add(requirement(s));
      }
    }
    return lines;
  }

  private static void requireOk(LockSelection selection) {
    if (!selection.isOk()) {
      throw new LockFileException(selection.problems());
    }
  }

  /** The one-line requirement for a selected package. */
  static String requirement(LockSelection.Selected s) {
    LockedPackage p = s.pkg();
    PackageSource install = s.install();
    if (install instanceof PackageVcs) {
      PackageVcs vcs = (PackageVcs) install;
      String url = vcs.url().orElseGet(() -> "file:" + vcs.path().orElse(""));
      return p.name()
          + " @ "
          + vcs.type()
          + "+"
          + url
          + "@"
          + vcs.commitId()
          + vcs.subdirectory().map(d -> "#subdirectory=" + d).orElse("");
    }
    if (install instanceof PackageDirectory) {
      // a file: URL, as pip's parser would otherwise look for the directory on this machine;
      // a container build installs it as a regular package either way
      PackageDirectory dir = (PackageDirectory) install;
      return p.name()
          + " @ file:"
          + dir.path()
          + dir.subdirectory().map(d -> "#subdirectory=" + d).orElse("");
    }
    if (install instanceof PackageArchive) {
      PackageArchive archive = (PackageArchive) install;
      String url = archive.url().orElseGet(() -> "file:" + archive.path().orElse(""));
      return p.name()
          + " @ "
          + url
          + archive.subdirectory().map(d -> "#subdirectory=" + d).orElse("")
          + hashOptions(archive.hashes());
    }
    StringBuilder line = new StringBuilder(p.name() + "==" + version(s));
    for (String hash : hashes(p.files())) {
      line.append(" --hash=").append(hash);
    }
    return line.toString();
  }

  private static String hashOptions(Map<String, String> hashes) {
    StringBuilder out = new StringBuilder();
    SortedSet<String> pip = new TreeSet<>();
    hashes.forEach((alg, hex) -> add(pip, alg, hex));
    pip.forEach(h -> out.append(" --hash=").append(h));
    return out.toString();
  }

  /** The package's version, else the version its installed file's name carries. */
  private static String version(LockSelection.Selected s) {
    if (s.pkg().version().isPresent()) {
      return s.pkg().version().get().toString();
    }
    String filename = ((PackageFile) s.install()).filename();
    return io.pyhermetic.platform.DistributionFilename.parse(filename).version().toString();
  }

  /** Every {@code alg:hex} of the files that pip accepts in {@code --hash}, sorted. */
  static SortedSet<String> hashes(List<PackageFile> files) {
    SortedSet<String> out = new TreeSet<>();
    for (PackageFile f : files) {
      f.hashes().forEach((alg, hex) -> add(out, alg, hex));
    }
    return out;
  }

  private static void add(SortedSet<String> out, String alg, String hex) {
    if (PIP_HASHES.contains(alg)) {
      out.add(alg + ":" + hex);
    }
  }

  // pip refuses any other algorithm in --hash
  private static final java.util.Set<String> PIP_HASHES =
      java.util.Set.of("sha256", "sha384", "sha512");
}
