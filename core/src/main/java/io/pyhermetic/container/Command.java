package io.pyhermetic.container;

import io.pyhermetic.text.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One process to run: its argv (passed as is, never through a shell), working directory, extra
 * environment, time limit, and a label (such as the architecture) for its output.
 *
 * @param label what the command is for (such as the architecture), shown with its output
 * @param argv the program and its arguments, passed as they are
 * @param workDir the working directory, when not the current one
 * @param env extra environment variables
 * @param timeout how long the command may run
 */
public record Command(
    String label,
    List<String> argv,
    Optional<Path> workDir,
    Map<String, String> env,
    Duration timeout) {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

  /**
   * Checks that no component is null and copies the collections.
   *
   * @param label what the command is for (such as the architecture), shown with its output
   * @param argv the program and its arguments, passed as they are
   * @param workDir the working directory, when not the current one
   * @param env extra environment variables
   * @param timeout how long the command may run
   */
  public Command {
    Objects.requireNonNull(label, "label");
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs a program");
    }
    Objects.requireNonNull(workDir, "workDir");
    env = Map.copyOf(env);
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * A command run in the current directory with the inherited environment.
   *
   * @param label what the command does, for logs and errors
   * @param argv the program and its arguments
   * @param timeout how long the command may run
   * @return the command
   */
  public static Command of(String label, List<String> argv, Duration timeout) {
    return new Command(label, argv, Optional.empty(), Map.of(), timeout);
  }

  /**
   * The command as one POSIX shell line, each argument single-quoted when it needs it and
   * credentials in URLs masked: for logs and {@code --dry-run}, never for running.
   *
   * @return the shell line
   */
  public String toShellString() {
    StringBuilder out = new StringBuilder();
    for (String arg : argv) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(quote(Redaction.redact(arg)));
    }
    return out.toString();
  }

  static String quote(String arg) {
    if (arg.isEmpty()) {
      return "''";
    }
    return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\"'\"'") + "'";
  }
}
