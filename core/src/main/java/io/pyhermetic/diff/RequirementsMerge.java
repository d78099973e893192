package io.pyhermetic.diff;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Severity;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsWriter;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The union of several pinned requirements files, as one file: the input from which build
 * dependencies are resolved for every architecture at once. Same name and version become one entry
 * with the union of hashes, {@code # via} names and markers; different versions of one name are
 * conflicts unless all versions are to be kept (as pybuild-deps' output does).
 */
public final class RequirementsMerge {

  /**
   * The result: what to write, and every problem found (nothing is written when there are any).
   *
   * @param items the merged entries, as the writer takes them
   * @param optionLines the option lines ({@code --index-url} and the like) the files had
   * @param problems every conflict and error found
   */
  public record Result(
      List<RequirementsWriter.Item> items, List<String> optionLines, List<Diagnostic> problems) {
    /**
     * Copies the lists, so the result stays immutable.
     *
     * @param items the merged entries, as the writer takes them
     * @param optionLines the option lines ({@code --index-url} and the like) the files had
     * @param problems every conflict and error found
     */
    public Result {
      items = List.copyOf(items);
      optionLines = List.copyOf(optionLines);
      problems = List.copyOf(problems);
    }

    /**
     * Whether the merge has no errors.
     *
     * @return {@code true} when there are no errors
     */
    public boolean isOk() {
      return problems.stream().noneMatch(d -> d.severity() == Severity.ERROR);
    }

    /**
     * The merged file's text with this writer (its header, its order).
     *
     * @param writer how to write the file
     * @return the file's text
     */
    public String text(RequirementsWriter writer) {
      return writer.withOptions(optionLines).write(items);
    }
  }

  private RequirementsMerge() {}

  /**
   * Merges the files' entries (and those of the files they include).
   *
   * @param files the files to merge
   * @param keepAllVersions write every version of a name instead of reporting a conflict
   * @return the merged items and every problem found
   */
  public static Result merge(List<RequirementsFile> files, boolean keepAllVersions) {
    return merge(files, keepAllVersions, null);
  }

  /**
   * Merges per-architecture files into a universal file: entries missing from some of them get
   * {@code platform_machine == "<arch>"} markers for the architectures that have them (joined with
   * {@code or}, and with {@code and} to a marker they already carry), so that {@link
   * RequirementsSplit} gives the original sets back.
   *
   * @param byArchitecture files by target architecture ({@code x86_64}, {@code aarch64}, …)
   * @param keepAllVersions write every version of a name instead of reporting a conflict
   * @return the merged items and every problem found
   */
  public static Result mergeForTargets(
      Map<String, RequirementsFile> byArchitecture, boolean keepAllVersions) {
    Map<RequirementsFile, String> machines = new java.util.IdentityHashMap<>();
    byArchitecture.forEach(
        (arch, file) ->
            machines.put(file, io.pyhermetic.requirement.MarkerEnvironment.machine(arch)));
    return merge(new ArrayList<>(byArchitecture.values()), keepAllVersions, machines);
  }

  private static Result merge(
      List<RequirementsFile> files,
      boolean keepAllVersions,
      Map<RequirementsFile, String> machines) {
    Objects.requireNonNull(files, "files");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    List<Diagnostic> problems = new ArrayList<>();
    // options must agree
    String optionsKey = OptionLines.key(files.get(0).options());
    for (RequirementsFile f : files.subList(1, files.size())) {
      String key = OptionLines.key(f.options());
      if (!key.equals(optionsKey)) {
        problems.add(
            Diagnostic.error(
                "options-differ",
                new io.pyhermetic.error.Location(f.source(), 1, 1),
                "global options differ: "
                    + files.get(0).source()
                    + " has ["
                    + io.pyhermetic.text.Redaction.redact(optionsKey.replace('\n', ' '))
                    + "], "
                    + f.source()
                    + " has ["
                    + io.pyhermetic.text.Redaction.redact(key.replace('\n', ' '))
                    + "]"));
      }
    }
    // name -> version -> entries
    Map<String, Map<String, List<Entry>>> pins = new TreeMap<>();
    for (RequirementsFile f : files) {
      for (Entry e : f.allEntries()) {
        if (!e.isPinned() || e.name().isEmpty() || e.requirement().get().url().isPresent()) {
          problems.add(
              Diagnostic.error(
                  "not-pinned",
                  e.location(),
                  "only name==version pins can be merged: " + e.requirementText().strip()));
          continue;
        }
        String version = e.requirement().get().specifier().specifiers().get(0).version();
        pins.computeIfAbsent(e.name().get().canonical(), k -> new LinkedHashMap<>())
            .computeIfAbsent(
                io.pyhermetic.version.Version.canonicalize(version, true), k -> new ArrayList<>())
            .add(e);
      }
    }
    Map<Entry, String> machineOf = new java.util.IdentityHashMap<>();
    Set<String> allMachines = new java.util.TreeSet<>();
    if (machines != null) {
      for (RequirementsFile f : files) {
        allMachines.add(machines.get(f));
        for (Entry e : f.allEntries()) {
          machineOf.put(e, machines.get(f));
        }
      }
    }
    List<RequirementsWriter.Item> items = new ArrayList<>(pins.size());
    for (Map.Entry<String, Map<String, List<Entry>>> project : pins.entrySet()) {
      Map<String, List<Entry>> versions = project.getValue();
      if (versions.size() > 1 && !keepAllVersions) {
        List<String> where = new ArrayList<>();
        for (List<Entry> entries : versions.values()) {
          for (Entry e : entries) {
            where.add(versionOf(e) + " at " + e.location());
          }
        }
        problems.add(
            Diagnostic.error(
                "version-conflict",
                versions.values().iterator().next().get(0).location(),
                project.getKey()
                    + " is pinned to different versions: "
                    + String.join("; ", where)));
        continue;
      }
      for (List<Entry> entries : versions.values()) {
        RequirementsWriter.Item item = union(project.getKey(), entries);
        if (machines != null) {
          item = restrictTo(item, entries, machineOf, allMachines);
        }
        items.add(item);
      }
    }
    return new Result(items, OptionLines.of(files.get(0).options()), problems);
  }

  /** Adds a platform_machine condition for the files (architectures) that have this pin. */
  private static RequirementsWriter.Item restrictTo(
      RequirementsWriter.Item item,
      List<Entry> entries,
      Map<Entry, String> machineOf,
      Set<String> all) {
    Set<String> having = new java.util.TreeSet<>();
    for (Entry e : entries) {
      having.add(machineOf.get(e));
    }
    if (having.equals(all)) {
      return item;
    }
    Marker condition = null;
    for (String machine : having) {
      Marker m = Marker.parse("platform_machine == '" + machine + "'");
      condition = condition == null ? m : condition.or(m);
    }
    Marker combined =
        item.marker().isPresent() ? Marker.parse(item.marker().get()).and(condition) : condition;
    return new RequirementsWriter.Item(
        item.name(), item.version(), Optional.of(combined.toString()), item.hashes(), item.via());
  }

  private static String versionOf(Entry e) {
    return e.requirement().get().specifier().specifiers().get(0).version();
  }

  private static RequirementsWriter.Item union(String name, List<Entry> entries) {
    TreeSet<String> hashes = new TreeSet<>();
    TreeSet<String> via = new TreeSet<>();
    Set<String> markers = new LinkedHashSet<>();
    boolean unconditional = false;
    for (Entry e : entries) {
      e.hashes().forEach((alg, values) -> values.forEach(v -> hashes.add(alg + ":" + v)));
      via.addAll(e.via());
      if (e.marker().isEmpty()) {
        unconditional = true;
      } else {
        markers.add(e.marker().get().toString());
      }
    }
    Optional<String> marker = Optional.empty();
    if (!unconditional) {
      Marker combined = null;
      for (String m : markers) {
        Marker parsed = Marker.parse(m);
        combined = combined == null ? parsed : combined.or(parsed);
      }
      marker = Optional.of(combined.toString());
    }
    return new RequirementsWriter.Item(
        ProjectName.of(name), versionOf(entries.get(0)), marker, hashes, via);
  }
}
