package io.pyhermetic.cli;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.text.Redaction;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The exit codes every command uses, and the one table of them that every command's help, the
 * README and the design show (a test keeps the three alike). The table is set on every command by
 * {@link #applyTo} rather than in each annotation, because an annotation cannot take an array
 * constant and a command added later gets it too.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INDEX = 3;
  static final int PODMAN = 4;

  /** The heading of the table in every command's help. */
  static final String HEADING = "%nExit codes:%n";

  /** The table in picocli's {@code code:meaning} form. */
  static final String[] HELP = {
    "0:success (warnings allowed)",
    "1:findings (check errors, differences with --exit-code, merge conflicts, packages not"
        + " installable, unresolved build dependencies, hash mismatches, input Hermeto rejects)",
    "2:usage error or unreadable input",
    "3:index or network failure (nothing written)",
    "4:podman failure"
  };

  private ExitCodes() {}

  /** Sets the table on {@code command} and all its subcommands. */
  static void applyTo(CommandLine command) {
    Map<String, String> table = new LinkedHashMap<>();
    for (String row : HELP) {
      int colon = row.indexOf(':');
      table.put(row.substring(0, colon), row.substring(colon + 1));
    }
    command.getCommandSpec().usageMessage().exitCodeListHeading(HEADING).exitCodeList(table);
    command.getSubcommands().values().forEach(ExitCodes::applyTo);
  }

  /**
   * Ends a command that found problems before writing: prints each problem (credentials redacted)
   * and {@code nothing written: N problem(s)} on {@code err}.
   *
   * @return {@link #FINDINGS}
   */
  static int nothingWritten(PrintWriter err, List<Diagnostic> problems) {
    for (Diagnostic d : problems) {
      err.println(Redaction.redact(d.toString()));
    }
    err.println("nothing written: " + problems.size() + " problem(s)");
    return FINDINGS;
  }
}
