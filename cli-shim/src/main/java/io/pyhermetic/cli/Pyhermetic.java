package io.pyhermetic.cli;

import io.pyhermetic.internal.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code pyhermetic} command: subcommands are added as the library grows. */
@Command(
    name = "pyhermetic",
    mixinStandardHelpOptions = true,
    versionProvider = Pyhermetic.Version.class,
    subcommands = {
      CheckCommand.class,
      DiffCommand.class,
      MergeCommand.class,
      SplitCommand.class,
      AuditCommand.class,
      BuildDepsCommand.class,
      PlanCommand.class,
      HermetoConfigCommand.class,
      GenerateEnvCommand.class,
      PrefetchCommand.class,
      BuildCommand.class
    },
    description = "Plans hermetic multi-architecture Python container builds for Hermeto.")
public final class Pyhermetic implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // read by Logging before parsing; declared here so that every command accepts and documents it
  @Option(
      names = Logging.VERBOSE,
      scope = ScopeType.INHERIT,
      description = "Show each retry and the other debug and info logs on stderr.")
  boolean verbose;

  public static void main(String[] args) {
    Logging.configure(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code. Logging is left
   * as the host set it up ({@link #main} silences it unless {@code --verbose}).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Pyhermetic());
    ExitCodes.applyTo(commandLine);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof CliException) {
            cmd.getErr()
                .println(
                    "pyhermetic " + cmd.getCommandName() + ": " + Failures.scrub(e.getMessage()));
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
                      + (e instanceof io.pyhermetic.error.PyhermeticException
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
