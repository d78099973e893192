package io.pyhermetic.prefetch.internal;

import io.pyhermetic.error.Problem;
import io.pyhermetic.hermeto.HermetoSelection;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.Release;
import io.pyhermetic.index.ReleaseFile;
import io.pyhermetic.prefetch.FileOutcome;
import io.pyhermetic.prefetch.PrefetchCode;
import io.pyhermetic.prefetch.RequirementOutcome;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.text.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files Hermeto selects for each pending requirement ({@link HermetoSelection}, with the
 * package's {@code binary} filter and the pinned hashes as the allow-list), gathered into one task
 * per file name.
 */
public final class FileSelection {
  private final Map<String, FileTask> tasks = new LinkedHashMap<>();

  /**
   * A requirement after selection: its files, or why it has none.
   *
   * @param pending the requirement
   * @param files the names of the files selected for it, in selection order
   * @param warnings what Hermeto would log about it
   * @param problem why nothing was selected, when nothing was
   */
  public record Selected(
      RequirementsPlan.Pending pending,
      List<String> files,
      List<String> warnings,
      Optional<Problem> problem) {

    /**
     * The requirement's outcome once its files are fetched: its own problem, else the first failure
     * among its files.
     *
     * @param outcomes every fetched file's outcome, by file name
     * @return the outcome
     */
    public RequirementOutcome finish(Map<String, FileOutcome> outcomes) {
      Optional<Problem> failure = problem;
      if (failure.isEmpty()) {
        for (String f : files) {
          FileOutcome o = outcomes.get(f);
          if (o != null && o.problem().isPresent()) {
            Problem file = o.problem().get();
            failure =
                Optional.of(
                    Problem.error(
                        file.code(), pending.release().toString(), f + ": " + file.message()));
            break;
          }
        }
      }
      Entry e = pending.entry();
      return new RequirementOutcome(
          e.name().get().toString(),
          Optional.of(pending.pinnedText()),
          e.location(),
          pending.build(),
          files,
          warnings,
          failure);
    }
  }

  /**
   * The files to fetch.
   *
   * @return one task per file name, in the order first selected
   */
  public Map<String, FileTask> tasks() {
    return tasks;
  }

  /**
   * Selects the files of one requirement and adds them to the tasks.
   *
   * @param p the requirement
   * @param releaseFiles the files of each release that was looked up
   * @param failures why each other release's look-up failed
   * @return what was selected, or why nothing was
   */
  public Selected select(
      RequirementsPlan.Pending p,
      Map<Release, List<ReleaseFile>> releaseFiles,
      Map<Release, IndexException> failures) {
    IndexException failure = failures.get(p.release());
    if (failure != null) {
      Problem problem =
          failure.isNotFound()
              ? Problem.error(
                  PrefetchCode.NOT_FOUND,
                  p.release().toString(),
                  "No distributions found for package "
                      + p.release()
                      + " ("
                      + Redaction.redact(failure.getMessage())
                      + ")")
              : Problem.error(
                  PrefetchCode.INDEX,
                  p.release().toString(),
                  Redaction.redact(failure.getMessage()));
      return new Selected(p, List.of(), List.of(), Optional.of(problem));
    }
    List<ReleaseFile> available = releaseFiles.getOrDefault(p.release(), List.of());
    Map<String, ReleaseFile> byName = new LinkedHashMap<>();
    List<HermetoSelection.Candidate> candidates = new ArrayList<>();
    for (ReleaseFile f : available) {
      byName.putIfAbsent(f.filename(), f);
      candidates.add(
          new HermetoSelection.Candidate(
              f.filename(), f.sha256().map(s -> Map.of("sha256", s)).orElse(Map.of()), f.yanked()));
    }
    Map<String, List<String>> pinned = p.entry().hashes();
    HermetoSelection.Result selection =
        HermetoSelection.select(
            p.release().name(), p.release().version(), p.binary(), candidates, pinned);
    if (selection.error().isPresent()) {
      String message = selection.error().get();
      List<String> filtered =
          selection.warnings().stream()
              .filter(w -> w.startsWith("Filtering out "))
              .map(w -> w.substring("Filtering out ".length(), w.indexOf(" due to")))
              .toList();
      PrefetchCode code = PrefetchCode.NOT_FOUND;
      if (!filtered.isEmpty()) {
        code = PrefetchCode.HASH_MISMATCH;
        message += " (the pinned hashes match none of " + String.join(", ", filtered) + ")";
      }
      return new Selected(
          p,
          List.of(),
          selection.warnings(),
          Optional.of(Problem.error(code, p.release().toString(), message)));
    }
    List<String> names = new ArrayList<>();
    for (HermetoSelection.Candidate c : selection.selected()) {
      ReleaseFile file = byName.get(c.filename());
      FileTask task = tasks.computeIfAbsent(file.filename(), n -> new FileTask(file));
      if (!task.file().url().equals(file.url()) || !task.file().sha256().equals(file.sha256())) {
        task.conflictsWith(
            Problem.error(
                PrefetchCode.HASH_MISMATCH,
                file.filename(),
                "two different files named "
                    + file.filename()
                    + " were selected ("
                    + Redaction.redact(task.file().url())
                    + ", "
                    + Redaction.redact(file.url())
                    + ")"));
      }
      task.selectedFor(p.release().toString(), pinned);
      names.add(file.filename());
    }
    return new Selected(p, names, selection.warnings(), Optional.empty());
  }
}
