package io.pyhermetic.hermeto;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.Include;
import io.pyhermetic.reqfile.Line;
import io.pyhermetic.reqfile.OptionLine;
import io.pyhermetic.reqfile.OptionUse;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.VariableUse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Hermeto's pip backend (the snapshot described in {@code spec/hermeto.md} §2) would reject,
 * fail on or silently treat otherwise than pip in one requirements file.
 *
 * <p>Only the file's own entries and options are checked: like Hermeto, this does not follow {@code
 * -r} and {@code -c}; every included file must be listed for Hermeto, and checked, on its own. Hash
 * mode is decided for this file alone. Every finding is reported, not only the first one Hermeto
 * would stop at, in file order, each located at the entry or option at fault. Messages never show
 * credentials embedded in URLs.
 */
public final class HermetoRules {

  private HermetoRules() {}

  /**
   * Every problem Hermeto would have with {@code file}'s own entries and options, in file order.
   * The list is empty when Hermeto accepts the file as it is.
   *
   * @param file the file
   * @return every problem Hermeto would have with {@code file}'s own entries and options, in file
   *     order
   */
  public static List<Diagnostic> check(RequirementsFile file) {
    Objects.requireNonNull(file, "file");
    return new Checker(file).run();
  }

  /** How Hermeto classifies an entry. */
  private enum Kind {
    PYPI,
    URL,
    VCS,
    LOCAL,
    UNSUPPORTED
  }

  /**
   * An entry with Hermeto's view of it, and its {@code --hash} options (also those pip does not
   * keep for an editable line, which Hermeto does keep).
   */
  private record Classified(
      Entry entry, Kind kind, String url, String scheme, String shown, List<OptionUse> hashUses) {

    /** How many {@code --hash} values the entry has. */
    int hashCount() {
      int count = 0;
      for (List<String> values : entry.hashes().values()) {
        count += values.size();
      }
      return Math.max(count, hashUses.size());
    }
  }

  /** The work of checking one file. */
  private static final class Checker {
    private final RequirementsFile file;
    private final Findings findings = new Findings();
    private final EntryRules entryRules = new EntryRules(findings);
    private final OptionRules optionRules = new OptionRules(findings);

    Checker(RequirementsFile file) {
      this.file = file;
    }

    List<Diagnostic> run() {
      // a first pass finds what the checks depend on (hash mode, a requirement from the index),
      // the second checks line by line; each line's options are read from the parsed line when
      // needed and dropped after, so that neither pass holds the options of the whole file
      String requireHashes = null;
      String firstHash = null;
      String firstUrl = null;
      boolean hasPypi = false;
      for (Line line : file.lines()) {
        List<OptionUse> options = optionsOf(line);
        for (OptionUse use : options) {
          if (requireHashes == null && use.name().equals("--require-hashes")) {
            requireHashes = "--require-hashes on line " + use.location().line();
          }
        }
        if (line instanceof Entry entry) {
          EntryRules.Classified c = entryRules.classify(entry, options);
          hasPypi |= c.kind() == EntryRules.Kind.PYPI;
          if (firstHash == null && c.hashCount() > 0) {
            firstHash = "the --hash of line " + entry.line();
          }
          if (firstUrl == null && c.kind() == EntryRules.Kind.URL) {
            firstUrl = "the URL requirement on line " + entry.line() + ", which needs a --hash";
          }
        }
      }
      Optional<String> hashMode =
          Optional.ofNullable(
              requireHashes != null ? requireHashes : firstHash != null ? firstHash : firstUrl);
      for (Line line : file.lines()) {
        List<OptionUse> options = optionsOf(line);
        if (line instanceof Entry entry) {
          entryRules.checkEntry(entryRules.classify(entry, options), hashMode);
        }
        for (OptionUse use : options) {
          optionRules.checkOption(use, hasPypi, line instanceof Entry);
        }
      }
      checkEnvironmentVariables();
      return findings.sorted();
    }

    /** The options written on a line: of its entry (an editable's too), option line or include. */
    private static List<OptionUse> optionsOf(Line line) {
      if (line instanceof Entry entry) {
        return entry.options();
      } else if (line instanceof OptionLine optionLine) {
        return optionLine.options();
      } else if (line instanceof Include include) {
        return include.options();
      }
      return List.of();
    }

    // ------------------------------------------------------------------ text    //
    // ------------------------------------------------------------------ text

    private void checkEnvironmentVariables() {
      for (VariableUse variable : file.variableUses()) {
        findings.report(
            Rule.ENV_VAR,
            variable.location(),
            Findings.q(variable.written())
                + " is an environment variable, which Hermeto does not expand: it reads the"
                + " text literally; write the value itself");
      }
    }
  }
}
