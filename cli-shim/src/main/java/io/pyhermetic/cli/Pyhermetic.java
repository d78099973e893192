package io.pyhermetic.cli;

import io.pyhermetic.error.Failures;
import io.pyhermetic.text.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code pyhermetic} command: subcommands are added as the library grows, to {@link
 * #SUBCOMMANDS} and {@link #subcommand}.
 */
@Command(
    name = "pyhermetic",
    mixinStandardHelpOptions = true,
    versionProvider = Pyhermetic.Version.class,
    description = "Plans hermetic multi-architecture Python container builds for Hermeto.")
public final class Pyhermetic implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // read by Logging before parsing; declared here so that every command accepts and documents it
  @Option(
      names = Logging.VERBOSE,
      scope = ScopeType.INHERIT,
      description = "Show each retry and the other debug and info logs on stderr.")
  boolean verbose;

  /** The subcommands' names, in the order the usage lists them. */
  static final List<String> SUBCOMMANDS =
      List.of(
          "check",
          "diff",
          "merge",
          "split",
          "lock",
          "audit",
          "build-deps",
          "plan",
          "export",
          "hermeto-config",
          "generate-env",
          "prefetch",
          "build");

  /** A new instance of the subcommand {@code name} (one of {@link #SUBCOMMANDS}). */
  static Object subcommand(String name) {
    switch (name) {
      case "check":
        return new CheckCommand();
      case "diff":
        return new DiffCommand();
      case "merge":
        return new MergeCommand();
      case "split":
        return new SplitCommand();
      case "lock":
        return new LockCommand();
      case "audit":
        return new AuditCommand();
      case "build-deps":
        return new BuildDepsCommand();
      case "plan":
        return new PlanCommand();
      case "export":
        return new ExportCommand();
      case "hermeto-config":
        return new HermetoConfigCommand();
      case "generate-env":
        return new GenerateEnvCommand();
      case "prefetch":
        return new PrefetchCommand();
      case "build":
        return new BuildCommand();
      default:
        throw new IllegalArgumentException("no subcommand " + name);
    }
  }

  /** The command line with every subcommand. */
  static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line for {@code args}: when they name a subcommand first (after {@code --verbose}),
   * only that one is built, since picocli reads every subcommand's annotations when it is added,
   * which is most of a short run's start-up; any other arguments get every subcommand.
   */
  static CommandLine commandLine(String[] args) {
    String only = args == null ? null : onlySubcommand(args);
    CommandLine commandLine = new CommandLine(new Pyhermetic());
    for (String name : SUBCOMMANDS) {
      if (only == null || only.equals(name)) {
        commandLine.addSubcommand(name, subcommand(name));
      }
    }
    return commandLine;
  }

  /** The subcommand {@code args} run, when that is certain before parsing; else null. */
  static String onlySubcommand(String[] args) {
    for (String arg : args) {
      if (!Logging.VERBOSE.equals(arg)) {
        return SUBCOMMANDS.contains(arg) ? arg : null;
      }
    }
    return null;
  }

  /**
   * The program's entry point: runs the command line on the process's streams and exits with its
   * code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    Logging.configure(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code. Logging is left
   * as the host set it up ({@link #main} silences it unless {@code --verbose}).
   *
   * @param args the command-line arguments
   * @param out where results are written
   * @param err where messages and errors are written
   * @return the exit code (0 ok, 1 findings, 2 usage or unreadable input, 3 index or network
   *     failure, 4 podman)
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(args);
    ExitCodes.applyTo(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof CliException) {
            cmd.getErr()
                .println(
                    "pyhermetic "
                        + cmd.getCommandName()
                        + ": "
                        + TerminalText.escapeControls(Failures.scrub(e.getMessage())));
            return ((CliException) e).exitCode();
          }
          // Anything else is reported in one line rather than as a stack trace (which --verbose
          // logs, for a bug report).
          LoggerFactory.getLogger(Pyhermetic.class).debug("the command failed", e);
          cmd.getErr()
              .println(
                  "pyhermetic "
                      + cmd.getCommandName()
                      + ": "
                      + TerminalText.escapeControls(
                          e instanceof io.pyhermetic.error.PyhermeticException
                              ? Failures.scrub(e.getMessage())
                              : "internal error: " + Failures.describe(e)));
          return ExitCodes.USAGE;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version the build wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Pyhermetic.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"pyhermetic " + properties.getProperty("version", "unknown")};
    }
  }
}
