package io.pyhermetic.diff;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.EntryKind;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.requirement.MarkerEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirements file per build target from a universal, marker-annotated file: each entry's
 * marker is evaluated in the target's environment (CPython on Linux for that architecture), and the
 * file for a target holds the entries that apply, in their original order, with markers dropped by
 * default since Hermeto ignores them.
 */
public final class RequirementsSplit {
  /**
   * The files' text per target (in the order asked), or the problems that prevent it.
   *
   * @param files the file text per target, in the order asked
   * @param problems what prevents the split
   */
  public record Result(Map<String, String> files, List<Diagnostic> problems) {
    /**
     * Copies the collections, so the result stays immutable.
     *
     * @param files the file text per target, in the order asked
     * @param problems what prevents the split
     */
    public Result {
      files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
      problems = List.copyOf(problems);
    }

    /**
     * Whether the split has no problems.
     *
     * @return {@code true} when there are no problems
     */
    public boolean isOk() {
      return problems.isEmpty();
    }
  }

  private RequirementsSplit() {}

  /**
   * Splits {@code file} for each architecture ({@code x86_64}, {@code aarch64}, {@code ppc64le},
   * {@code s390x}; {@code amd64} and {@code arm64} are aliases) and Python version.
   *
   * @param file the universal file
   * @param targets the architectures to write files for
   * @param pythonVersion the Python version markers are evaluated for
   * @param keepMarkers keep each entry's marker in the output instead of dropping it
   * @return the file text per target and every problem found
   * @throws IllegalArgumentException for an unknown architecture or Python version
   */
  public static Result split(
      RequirementsFile file, List<String> targets, String pythonVersion, boolean keepMarkers) {
    Objects.requireNonNull(file, "file");
    Map<String, MarkerEnvironment> environments = new LinkedHashMap<>();
    for (String target : targets) {
      environments.put(
          MarkerEnvironment.machine(target), MarkerEnvironment.forTarget(target, pythonVersion));
    }
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    List<String> optionLines = OptionLines.of(file.options());
    for (String arch : environments.keySet()) {
      StringBuilder text = new StringBuilder();
      text.append("# ")
          .append(arch)
          .append(", CPython ")
          .append(pythonVersion)
          .append(": the entries of ")
          .append(fileName(file))
          .append(" whose markers hold there\n");
      for (String line : optionLines) {
        text.append(line).append('\n');
      }
      texts.put(arch, text);
    }
    List<String> arches = new ArrayList<>(environments.keySet());
    for (Entry e : file.allEntries()) {
      Optional<List<Boolean>> applies = TargetMarkers.applies(e, environments.values(), problems);
      if (applies.isEmpty()) {
        continue;
      }
      String entryText = keepMarkers || e.marker().isEmpty() ? original(e) : withoutMarker(e);
      for (int i = 0; i < arches.size(); i++) {
        if (applies.get().get(i)) {
          texts.get(arches.get(i)).append(entryText);
        }
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    if (problems.isEmpty()) {
      texts.forEach((arch, text) -> files.put(arch, text.toString()));
    }
    return new Result(files, problems);
  }

  private static String fileName(RequirementsFile file) {
    return file.path().map(p -> String.valueOf(p.getFileName())).orElse(file.source());
  }

  /** The entry's lines and annotations as written, ending with a line break. */
  private static String original(Entry e) {
    String text = e.text() + e.annotationText();
    return text.endsWith("\n") || text.endsWith("\r") ? text : text + "\n";
  }

  /** The entry rewritten without its marker: requirement, then its options, then annotations. */
  private static String withoutMarker(Entry e) {
    StringBuilder out = new StringBuilder();
    if (e.kind() == EntryKind.EDITABLE) {
      out.append("-e ").append(e.link().orElse(""));
    } else if (e.kind() == EntryKind.REQUIREMENT && e.requirement().isPresent()) {
      out.append(e.requirement().get().withMarker(Optional.empty()));
    } else {
      out.append(e.link().orElse(e.requirementText().strip()));
    }
    List<String> options = new ArrayList<>();
    e.hashes()
        .forEach((alg, values) -> values.forEach(v -> options.add("--hash=" + alg + ":" + v)));
    e.configSettings()
        .forEach(
            (k, values) -> values.forEach(v -> options.add("--config-settings=" + k + "=" + v)));
    e.globalOptions().forEach(o -> options.add("--global-option=" + o));
    for (String option : options) {
      out.append(" \\\n    ").append(option);
    }
    out.append('\n');
    String annotations = e.annotationText();
    if (!annotations.isEmpty()) {
      out.append(
          annotations.endsWith("\n") || annotations.endsWith("\r")
              ? annotations
              : annotations + "\n");
    }
    return out.toString();
  }
}
