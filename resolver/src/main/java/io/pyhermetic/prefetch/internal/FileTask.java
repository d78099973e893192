package io.pyhermetic.prefetch.internal;

import io.pyhermetic.error.Problem;
import io.pyhermetic.index.ReleaseFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A file to fetch, with every requirement that selected it. Filled by {@link FileSelection}. */
public final class FileTask {
  private final ReleaseFile file;
  private final List<String> pins = new ArrayList<>();
  private final List<Map<String, List<String>>> hashes = new ArrayList<>();
  private Optional<Problem> conflict = Optional.empty();

  FileTask(ReleaseFile file) {
    this.file = file;
  }

  /**
   * The file as the index lists it.
   *
   * @return the first listing selected
   */
  public ReleaseFile file() {
    return file;
  }

  /**
   * The pins it was selected for.
   *
   * @return each {@code name==version} once, in selection order
   */
  public List<String> pins() {
    return Collections.unmodifiableList(pins);
  }

  /**
   * The hashes each selecting requirement pins (empty maps for those that pin none).
   *
   * @return one map per selecting requirement
   */
  public List<Map<String, List<String>>> hashes() {
    return Collections.unmodifiableList(hashes);
  }

  /**
   * Two different files of this name were selected.
   *
   * @return the problem, when they were
   */
  public Optional<Problem> conflict() {
    return conflict;
  }

  void selectedFor(String pin, Map<String, List<String>> pinned) {
    if (!pins.contains(pin)) {
      pins.add(pin);
    }
    hashes.add(pinned);
  }

  void conflictsWith(Problem problem) {
    conflict = Optional.of(problem);
  }
}
