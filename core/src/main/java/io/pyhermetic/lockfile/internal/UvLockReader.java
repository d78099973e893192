package io.pyhermetic.lockfile.internal;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.lockfile.LockFileException;
import io.pyhermetic.lockfile.PackageFile;
import io.pyhermetic.lockfile.UvDependency;
import io.pyhermetic.lockfile.UvLock;
import io.pyhermetic.lockfile.UvLockFile;
import io.pyhermetic.lockfile.UvPackage;
import io.pyhermetic.lockfile.UvSource;
import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.SpecifierSet;
import io.pyhermetic.version.Version;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a {@code uv.lock} of version 1: {@code [[package]]} tables with {@code source}, {@code
 * sdist}, {@code wheels} ({@code hash = "alg:hex"}), {@code dependencies}, {@code
 * optional-dependencies}, {@code dev-dependencies} and {@code resolution-markers}; keys uv adds for
 * its own use ({@code [options]}, {@code [package.metadata]}) are skipped.
 */
public final class UvLockReader {
  private UvLockReader() {}

  /**
   * Reads and checks a {@code uv.lock}'s text, named {@code source} in locations.
   *
   * @param text the file's text
   * @param source the name used in locations
   * @return the checked file
   * @throws LockFileException with every problem, located at its package table
   */
  public static UvLockFile read(String text, String source) {
    Map<String, Object> root = TomlTree.parse(text, source);
    List<Integer> tableLines = TomlTree.arrayTableLines(text, "package");
    Location head = new Location(source, 1, 1);
    Fields top = new Fields(root, "");
    List<Diagnostic> problems = new ArrayList<>();
    int version = 0;
    int revision = 0;
    Optional<SpecifierSet> requiresPython = Optional.empty();
    List<Marker> forks = List.of();
    List<String> members = List.of();
    try {
      version = (int) top.integer("version").orElseThrow(() -> top.missing("version"));
      if (version != 1) {
        throw new LockFileException(
            head, "version: uv.lock version " + version + " is not supported");
      }
      revision = (int) top.integer("revision").orElse(0);
      requiresPython = top.parsed("requires-python", SpecifierSet::parse);
      forks = top.strings("resolution-markers", Marker::parse).orElse(List.of());
      members =
          top.fields("manifest")
              .flatMap(m -> m.strings("members", ProjectName::canonicalize))
              .orElse(List.of());
    } catch (Fields.Invalid e) {
      problems.add(problem(head, e));
    }
    List<UvPackage> packages = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try {
      List<Fields> tables = top.tables("package").orElse(List.of());
      for (int i = 0; i < tables.size(); i++) {
        int line = tableLines.size() == tables.size() ? tableLines.get(i) : 1;
        try {
          packages.add(pkg(tables.get(i)));
          lines.add(line);
        } catch (Fields.Invalid e) {
          problems.add(problem(new Location(source, line, 1), e));
        }
      }
    } catch (Fields.Invalid e) {
      problems.add(problem(head, e));
    }
    if (problems.isEmpty()) {
      checkEdges(packages, lines, source, problems);
    }
    if (!problems.isEmpty()) {
      throw new LockFileException(problems);
    }
    UvLock lock = new UvLock(version, revision, requiresPython, forks, members, packages);
    return new UvLockFile(source, lock, lines);
  }

  /** Every edge must name a locked package; where the name is ambiguous, it must say which. */
  private static void checkEdges(
      List<UvPackage> packages, List<Integer> lines, String source, List<Diagnostic> problems) {
    Map<String, List<UvPackage>> byName = new HashMap<>();
    packages.forEach(p -> byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
    for (int i = 0; i < packages.size(); i++) {
      UvPackage p = packages.get(i);
      Map<String, List<UvDependency>> groups = new LinkedHashMap<>();
      groups.put("dependencies", p.dependencies());
      p.optionalDependencies().forEach((k, v) -> groups.put("optional-dependencies." + k, v));
      p.devDependencies().forEach((k, v) -> groups.put("dev-dependencies." + k, v));
      for (Map.Entry<String, List<UvDependency>> g : groups.entrySet()) {
        for (int j = 0; j < g.getValue().size(); j++) {
          UvDependency d = g.getValue().get(j);
          long matches =
              byName.getOrDefault(d.name(), List.of()).stream().filter(q -> matches(d, q)).count();
          if (matches != 1) {
            problems.add(
                Diagnostic.error(
                    LockFileException.RULE,
                    new Location(source, lines.get(i), 1),
                    "package["
                        + i
                        + "]."
                        + g.getKey()
                        + "["
                        + j
                        + "]: "
                        + (matches == 0
                            ? "no locked package " + d.name() + " matches"
                            : d.name()
                                + " is locked more than once; the dependency must name version and source")));
          }
        }
      }
    }
  }

  /**
   * Whether edge {@code d} points to {@code p}.
   *
   * @param d the dependency edge
   * @param p the package
   * @return {@code true} when the edge names the package (and its version and source where given)
   */
  public static boolean matches(UvDependency d, UvPackage p) {
    return d.name().equals(p.name())
        && (d.version().isEmpty() || d.version().equals(p.version()))
        && (d.source().isEmpty() || d.source().get().equals(p.source()));
  }

  private static Diagnostic problem(Location at, Fields.Invalid e) {
    return Diagnostic.error(LockFileException.RULE, at, e.path() + ": " + e.getMessage());
  }

  private static UvPackage pkg(Fields f) {
    String name =
        f.parsed("name", PylockReader::normalizedName).orElseThrow(() -> f.missing("name"));
    Optional<Version> version = f.parsed("version", Version::parse);
    UvSource source = source(f.fields("source").orElseThrow(() -> f.missing("source")));
    boolean located = !source.kind().equals("url") && !source.kind().equals("path");
    Optional<PackageFile> sdist = f.fields("sdist").map(UvLockReader::file);
    List<PackageFile> wheels = new ArrayList<>();
    for (Fields w : f.tables("wheels").orElse(List.of())) {
      wheels.add(file(w));
    }
    List<UvDependency> dependencies = dependencies(f, "dependencies");
    Map<String, List<UvDependency>> optional = groups(f, "optional-dependencies");
    Map<String, List<UvDependency>> dev = groups(f, "dev-dependencies");
    List<Marker> forks = f.strings("resolution-markers", Marker::parse).orElse(List.of());
    if (located) {
      List<PackageFile> all = new ArrayList<>(wheels);
      sdist.ifPresent(all::add);
      for (PackageFile file : all) {
        if (file.url().isEmpty() && file.path().isEmpty()) {
          throw f.invalid(null, "a file of a " + source.kind() + " package needs a url or path");
        }
      }
    }
    if (version.isEmpty()) {
      // the requirement written for such a package takes its version from the file's name
      if (sdist.isPresent()) {
        requireVersionInName(f, "sdist", sdist.get());
      }
      for (int i = 0; i < wheels.size(); i++) {
        requireVersionInName(f, "wheels[" + i + "]", wheels.get(i));
      }
    }
    return new UvPackage(name, version, source, sdist, wheels, dependencies, optional, dev, forks);
  }

  private static void requireVersionInName(Fields f, String at, PackageFile file) {
    if (DistributionFilename.tryParse(file.filename()).isEmpty()) {
      throw f.invalid(
          at,
          "the package has no version, and the file name '"
              + file.filename()
              + "' does not carry one");
    }
  }

  private static UvSource source(Fields f) {
    UvSource found = null;
    for (String kind : UvSource.KINDS) {
      if (f.has(kind)) {
        if (found != null) {
          throw f.invalid(null, "more than one kind of source");
        }
        found = new UvSource(kind, f.requiredString(kind));
      }
    }
    if (found == null) {
      throw f.invalid(
          null, "expected one of registry, git, url, path, directory, editable, virtual");
    }
    return found;
  }

  private static Map<String, List<UvDependency>> groups(Fields f, String key) {
    Map<String, List<UvDependency>> out = new LinkedHashMap<>();
    Optional<Fields> table = f.fields(key);
    if (table.isPresent()) {
      for (String group : f.table(key).orElseThrow().keySet()) {
        out.put(ProjectName.canonicalize(group), dependencies(table.get(), group));
      }
    }
    return out;
  }

  private static List<UvDependency> dependencies(Fields f, String key) {
    List<UvDependency> out = new ArrayList<>();
    for (Fields d : f.tables(key).orElse(List.of())) {
      out.add(
          new UvDependency(
              d.parsed("name", ProjectName::canonicalize).orElseThrow(() -> d.missing("name")),
              d.parsed("version", Version::parse),
              d.fields("source").map(UvLockReader::source),
              d.parsed("marker", Marker::parse),
              d.strings("extra", ProjectName::canonicalize).orElse(List.of())));
    }
    return out;
  }

  private static PackageFile file(Fields f) {
    // a url or path source records only the hash: the file is the source itself
    Optional<String> url = f.string("url");
    Optional<String> path = f.string("path");
    Map<String, String> hashes = new LinkedHashMap<>();
    Optional<String> hash = f.string("hash");
    if (hash.isPresent()) {
      int colon = hash.get().indexOf(':');
      if (colon <= 0 || colon == hash.get().length() - 1) {
        throw f.invalid("hash", "expected algorithm:hex, found '" + hash.get() + "'");
      }
      hashes.put(hash.get().substring(0, colon), hash.get().substring(colon + 1));
    }
    OptionalLong size = f.integer("size");
    Optional<OffsetDateTime> uploaded;
    if (f.has("upload-time") && f.string("upload-time").isEmpty()) {
      uploaded = f.dateTime("upload-time");
    } else {
      uploaded =
          f.parsed(
              "upload-time",
              s -> {
                try {
                  return OffsetDateTime.parse(s);
                } catch (DateTimeParseException e) {
                  throw new IllegalArgumentException("not an RFC 3339 date-time: '" + s + "'");
                }
              });
    }
    return new PackageFile(Optional.empty(), url, path, size, uploaded, hashes);
  }
}
