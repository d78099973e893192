package io.pyhermetic.lockfile.internal;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.lockfile.LockFileException;
import io.pyhermetic.lockfile.LockedPackage;
import io.pyhermetic.lockfile.PackageArchive;
import io.pyhermetic.lockfile.PackageDirectory;
import io.pyhermetic.lockfile.PackageFile;
import io.pyhermetic.lockfile.PackageVcs;
import io.pyhermetic.lockfile.Pylock;
import io.pyhermetic.lockfile.PylockFile;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.InvalidFilenameException;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a {@code pylock.toml} the way packaging 26's {@code Pylock.from_dict} does: the same
 * required keys, types, and consistency rules (one kind of source per package, file names matching
 * the package's name and version, at least one hash per file), checked in the same order. Unlike
 * packaging it goes on after a bad package and reports every one. It also rejects two entries with
 * the same name, version and marker, which no installer could tell apart.
 */
public final class PylockReader {
  private static final Version MAJOR_FLOOR = Version.parse("1");
  private static final Version NEXT_MAJOR = Version.parse("2");

  private PylockReader() {}

  /**
   * Reads {@code text}, named {@code source} in messages.
   *
   * @param text the file's text
   * @param source the name used in locations
   * @return the validated file
   * @throws LockFileException with every problem found
   */
  public static PylockFile read(String text, String source) {
    Map<String, Object> root = TomlTree.parse(text, source);
    List<Integer> tableLines = TomlTree.arrayTableLines(text, "packages");
    List<Diagnostic> problems = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    Fields top = new Fields(root, "");
    Location head = new Location(source, 1, 1);

    Version lockVersion = null;
    try {
      lockVersion =
          top.parsed("lock-version", Version::parse).orElseThrow(() -> top.missing("lock-version"));
      if (lockVersion.compareTo(MAJOR_FLOOR) < 0 || lockVersion.compareTo(NEXT_MAJOR) >= 0) {
        // another major version may mean anything: nothing else is checked
        throw new LockFileException(
            head, "lock-version: pylock version " + lockVersion + " is not supported");
      }
      if (lockVersion.compareTo(Pylock.VERSION) > 0) {
        warnings.add(
            Diagnostic.warning(
                LockFileException.RULE,
                head,
                "lock-version: pylock minor version "
                    + lockVersion
                    + " is newer than 1.0; fields it adds are ignored"));
      }
    } catch (Fields.Invalid e) {
      problems.add(problem(head, e));
    }
    List<Marker> environments = List.of();
    List<String> extras = List.of();
    List<String> groups = List.of();
    List<String> defaultGroups = List.of();
    String createdBy = "";
    Optional<SpecifierSet> requiresPython = Optional.empty();
    Map<String, Object> tool = Map.of();
    try {
      environments = top.strings("environments", Marker::parse).orElse(List.of());
      extras = top.strings("extras", PylockReader::normalizedName).orElse(List.of());
      groups = top.list("dependency-groups", String.class, "a string").orElse(List.of());
      defaultGroups = top.list("default-groups", String.class, "a string").orElse(List.of());
      createdBy = top.requiredString("created-by");
      requiresPython = top.parsed("requires-python", SpecifierSet::parse);
    } catch (Fields.Invalid e) {
      problems.add(problem(head, e));
    }
    List<LockedPackage> packages = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try {
      List<Fields> tables = top.tables("packages").orElseThrow(() -> top.missing("packages"));
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < tables.size(); i++) {
        int line =
            i < tableLines.size() && tableLines.size() == tables.size() ? tableLines.get(i) : 1;
        Location at = new Location(source, line, 1);
        try {
          LockedPackage p = pkg(tables.get(i));
          String key =
              p.name()
                  + " "
                  + p.version().map(Version::toString).orElse("")
                  + " ; "
                  + p.marker().map(Marker::toString).orElse("");
          Integer earlier = seen.putIfAbsent(key, i);
          if (earlier != null) {
            throw new Fields.Invalid(
                "packages[" + i + "]",
                "same name, version and marker as packages["
                    + earlier
                    + "]: an installer cannot choose between them");
          }
          packages.add(p);
          lines.add(line);
        } catch (Fields.Invalid e) {
          problems.add(problem(at, e));
        }
      }
    } catch (Fields.Invalid e) {
      problems.add(problem(head, e));
    }
    try {
      tool = top.table("tool").orElse(Map.of());
    } catch (Fields.Invalid e) {
      problems.add(problem(head, e));
    }
    if (!problems.isEmpty()) {
      throw new LockFileException(problems);
    }
    Pylock lock =
        new Pylock(
            lockVersion,
            environments,
            requiresPython,
            extras,
            groups,
            defaultGroups,
            createdBy,
            packages,
            tool);
    return new PylockFile(source, lock, lines, warnings);
  }

  private static Diagnostic problem(Location at, Fields.Invalid e) {
    return Diagnostic.error(LockFileException.RULE, at, e.path() + ": " + e.getMessage());
  }

  static String normalizedName(String name) {
    if (!ProjectName.isNormalized(name)) {
      throw new IllegalArgumentException("name '" + name + "' is not normalized");
    }
    return name;
  }

  private static LockedPackage pkg(Fields f) {
    String name =
        f.parsed("name", PylockReader::normalizedName).orElseThrow(() -> f.missing("name"));
    Optional<Version> version = f.parsed("version", Version::parse);
    Optional<SpecifierSet> requiresPython = f.parsed("requires-python", SpecifierSet::parse);
    List<Map<String, Object>> dependencies = f.plainTables("dependencies");
    Optional<Marker> marker = f.parsed("marker", Marker::parse);
    Optional<PackageVcs> vcs = f.fields("vcs").map(PylockReader::vcs);
    Optional<PackageDirectory> directory = f.fields("directory").map(PylockReader::directory);
    Optional<PackageArchive> archive = f.fields("archive").map(PylockReader::archive);
    Optional<String> index = f.string("index");
    Optional<PackageFile> sdist = f.fields("sdist").map(PylockReader::file);
    List<PackageFile> wheels = new ArrayList<>();
    for (Fields w : f.tables("wheels").orElse(List.of())) {
      wheels.add(file(w));
    }
    List<Map<String, Object>> attestations = f.plainTables("attestation-identities");
    Map<String, Object> tool = f.table("tool").orElse(Map.of());
    int distributions = (sdist.isPresent() ? 1 : 0) + wheels.size();
    int direct =
        (vcs.isPresent() ? 1 : 0) + (directory.isPresent() ? 1 : 0) + (archive.isPresent() ? 1 : 0);
    if (distributions > 0 && direct > 0) {
      throw f.invalid(null, "none of vcs, directory, archive may be set when sdist or wheels are");
    }
    if (distributions == 0 && direct != 1) {
      throw f.invalid(
          null, "exactly one of vcs, directory, archive must be set when sdist and wheels are not");
    }
    for (int i = 0; i < wheels.size(); i++) {
      String filename = wheels.get(i).filename();
      String at = "wheels[" + i + "]";
      if (filename.isEmpty()) {
        // packaging names the package here, not the wheel
        throw f.invalid(null, "cannot determine the file name of " + at);
      }
      DistributionFilename parsed;
      try {
        parsed = DistributionFilename.parse(filename);
      } catch (InvalidFilenameException e) {
        parsed = null;
      }
      if (parsed == null || !parsed.isWheel()) {
        throw f.invalid(at, "invalid wheel filename '" + filename + "'");
      }
      checkConsistent(f, at, filename, parsed, name, version);
    }
    if (sdist.isPresent()) {
      String filename = sdist.get().filename();
      if (filename.isEmpty()) {
        throw f.invalid(null, "cannot determine the file name of the sdist");
      }
      Optional<DistributionFilename> parsed = sdistFilename(filename);
      if (parsed.isEmpty()) {
        throw f.invalid("sdist", "invalid sdist filename '" + filename + "'");
      }
      checkConsistent(f, "sdist", filename, parsed.get(), name, version);
    }
    for (int i = 0; i < attestations.size(); i++) {
      new Fields(attestations.get(i), f.at("attestation-identities[" + i + "]"))
          .requiredString("kind");
    }
    return new LockedPackage(
        name,
        version,
        marker,
        requiresPython,
        dependencies,
        vcs,
        directory,
        archive,
        index,
        sdist,
        wheels,
        attestations,
        tool);
  }

  /**
   * packaging's {@code parse_sdist_filename}: {@code .tar.gz} or {@code .zip}, split at the last
   * dash.
   */
  static Optional<DistributionFilename> sdistFilename(String filename) {
    if (!filename.endsWith(".tar.gz") && !filename.endsWith(".zip")) {
      return Optional.empty();
    }
    return DistributionFilename.tryParse(filename).filter(DistributionFilename::isSdist);
  }

  private static void checkConsistent(
      Fields f,
      String at,
      String filename,
      DistributionFilename parsed,
      String name,
      Optional<Version> version) {
    if (!parsed.name().canonical().equals(name)) {
      throw f.invalid(
          at, "name in '" + filename + "' is not consistent with package name '" + name + "'");
    }
    if (version.isPresent() && !parsed.version().equals(version.get())) {
      throw f.invalid(
          at,
          "version in '"
              + filename
              + "' is not consistent with package version '"
              + version.get()
              + "'");
    }
  }

  private static PackageFile file(Fields f) {
    PackageFile file =
        new PackageFile(
            f.string("name"),
            f.string("url"),
            f.string("path"),
            f.integer("size"),
            f.dateTime("upload-time"),
            hashes(f));
    requirePathOrUrl(f, file.path(), file.url());
    return file;
  }

  private static PackageArchive archive(Fields f) {
    PackageArchive archive =
        new PackageArchive(
            f.string("url"),
            f.string("path"),
            f.integer("size"),
            f.dateTime("upload-time"),
            hashes(f),
            f.string("subdirectory"));
    requirePathOrUrl(f, archive.path(), archive.url());
    return archive;
  }

  private static PackageVcs vcs(Fields f) {
    PackageVcs vcs =
        new PackageVcs(
            f.requiredString("type"),
            f.string("url"),
            f.string("path"),
            f.string("requested-revision"),
            f.requiredString("commit-id"),
            f.string("subdirectory"));
    requirePathOrUrl(f, vcs.path(), vcs.url());
    return vcs;
  }

  private static PackageDirectory directory(Fields f) {
    return new PackageDirectory(
        f.requiredString("path"), f.bool("editable"), f.string("subdirectory"));
  }

  private static Map<String, String> hashes(Fields f) {
    Map<String, Object> raw = f.table("hashes").orElseThrow(() -> f.missing("hashes"));
    if (raw.isEmpty()) {
      throw f.invalid("hashes", "at least one hash must be provided");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      if (!(e.getValue() instanceof String)) {
        throw f.invalid("hashes", "hash values must be strings");
      }
      out.put(e.getKey(), (String) e.getValue());
    }
    return out;
  }

  private static void requirePathOrUrl(Fields f, Optional<String> path, Optional<String> url) {
    if (path.filter(p -> !p.isEmpty()).isEmpty() && url.filter(u -> !u.isEmpty()).isEmpty()) {
      throw f.invalid(null, "path or url must be provided");
    }
  }
}
