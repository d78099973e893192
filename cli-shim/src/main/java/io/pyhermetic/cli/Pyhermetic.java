package io.pyhermetic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    description = "Plans hermetic multi-architecture Python container builds for Hermeto.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (warnings allowed)",
      "1:findings (check errors, packages not installable, unresolved build dependencies)",
      "2:usage error or unreadable input",
      "3:index or network failure",
      "4:podman failure"
    })
public final class Pyhermetic implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Pyhermetic());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof CliException) {
            cmd.getErr().println("pyhermetic " + cmd.getCommandName() + ": " + e.getMessage());
            return ((CliException) e).exitCode();
          }
          // Anything else is reported in one line rather than as a stack trace.
          cmd.getErr()
              .println(
                  "pyhermetic "
                      + cmd.getCommandName()
                      + ": "
                      + (e instanceof io.pyhermetic.error.PyhermeticException
                          ? e.getMessage()
                          : "internal error: " + e));
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
