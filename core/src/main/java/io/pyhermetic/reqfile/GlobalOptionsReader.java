package io.pyhermetic.reqfile;

import io.pyhermetic.reqfile.internal.OptParse;
import io.pyhermetic.reqfile.internal.OptionSpec;
import io.pyhermetic.requirement.ProjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The global options of a requirements file and the files it includes, combined in the order pip
 * reads them: the index list, the sticky {@code --no-index}, find-links, the binary format control
 * (which pip applies from any line) and the flags.
 */
final class GlobalOptionsReader {
  private GlobalOptionsReader() {}

  static GlobalOptions read(RequirementsFile file) {
    State state = new State();
    apply(file, state);
    return new GlobalOptions(
        state.indexUrls,
        state.noIndex,
        state.findLinks,
        state.noBinary,
        state.onlyBinary,
        state.preferBinary,
        state.requireHashes,
        state.pre,
        state.trustedHosts,
        state.features);
  }

  private static final class State {
    List<String> indexUrls = new ArrayList<>(List.of(GlobalOptions.DEFAULT_INDEX_URL));
    boolean noIndex;
    List<String> findLinks = new ArrayList<>();
    SortedSet<String> noBinary = new TreeSet<>();
    SortedSet<String> onlyBinary = new TreeSet<>();
    boolean preferBinary;
    boolean requireHashes;
    boolean pre;
    List<String> trustedHosts = new ArrayList<>();
    List<String> features = new ArrayList<>();
  }

  private static void apply(RequirementsFile file, State state) {
    for (Line line : file.lines()) {
      if (line instanceof Entry entry) {
        if (entry.lineOptions() != null && entry.lineOptions().hasFormatControl()) {
          formatControl(entry.lineOptions().uses(), state);
        }
      } else if (line instanceof Include include) {
        formatControl(include.lineOptions().uses(), state);
        apply(include.file(), state);
      } else if (line instanceof OptionLine options) {
        formatControl(options.lineOptions().uses(), state);
        applyGlobal(options, state);
      }
    }
  }

  /** pip applies {@code --no-binary} and {@code --only-binary} from any line, while parsing. */
  private static void formatControl(List<OptParse.Use> uses, State state) {
    for (OptParse.Use use : uses) {
      if (use.option() == OptionSpec.NO_BINARY) {
        formatControl(use.value(), state.noBinary, state.onlyBinary);
      } else if (use.option() == OptionSpec.ONLY_BINARY) {
        formatControl(use.value(), state.onlyBinary, state.noBinary);
      }
    }
  }

  private static void applyGlobal(OptionLine line, State state) {
    String indexUrl = null;
    List<String> extraIndexUrls = new ArrayList<>();
    boolean noIndex = false;
    String findLinks = null;
    for (OptParse.Use use : line.lineOptions().uses()) {
      switch (use.option()) {
        case INDEX_URL:
        case PYPI_URL:
          indexUrl = use.value();
          break;
        case EXTRA_INDEX_URL:
          extraIndexUrls.add(use.value());
          break;
        case NO_INDEX:
          noIndex = true;
          break;
        case FIND_LINKS:
          if (findLinks == null) {
            findLinks = use.value();
          }
          break;
        case PRE:
          state.pre = true;
          break;
        case PREFER_BINARY:
          state.preferBinary = true;
          break;
        case REQUIRE_HASHES:
          state.requireHashes = true;
          break;
        case TRUSTED_HOST:
          state.trustedHosts.add(use.value());
          break;
        case USE_FEATURE:
          if (!state.features.contains(use.value())) {
            state.features.add(use.value());
          }
          break;
        default:
          break;
      }
    }
    if (noIndex) {
      state.noIndex = true;
      state.indexUrls = new ArrayList<>();
    }
    if (indexUrl != null && !indexUrl.isEmpty() && !state.noIndex) {
      state.indexUrls = new ArrayList<>(List.of(indexUrl));
    }
    if (!extraIndexUrls.isEmpty() && !state.noIndex) {
      state.indexUrls.addAll(extraIndexUrls);
    }
    if (findLinks != null) {
      Path file = line.file().orElse(null);
      Path base = file == null ? Path.of("") : file.toAbsolutePath().getParent();
      Path relative;
      try {
        relative = base == null ? null : base.resolve(findLinks);
      } catch (java.nio.file.InvalidPathException e) {
        relative = null; // not a path here (a NUL byte): kept as written, as pip keeps it
      }
      state.findLinks.add(
          relative != null && Files.exists(relative) ? relative.toString() : findLinks);
    }
  }

  /** pip's {@code FormatControl.handle_mutual_excludes}. */
  private static void formatControl(
      String value, SortedSet<String> target, SortedSet<String> other) {
    List<String> names = new ArrayList<>(Arrays.asList(value.split(",", -1)));
    while (names.contains(":all:")) {
      other.clear();
      target.clear();
      target.add(":all:");
      names.subList(0, names.indexOf(":all:") + 1).clear();
      if (!names.contains(":none:")) {
        return;
      }
    }
    for (String name : names) {
      if (name.equals(":none:")) {
        target.clear();
        continue;
      }
      String canonical = ProjectName.canonicalize(name);
      other.remove(canonical);
      target.add(canonical);
    }
  }
}
