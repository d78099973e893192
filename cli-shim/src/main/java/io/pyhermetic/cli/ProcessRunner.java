package io.pyhermetic.cli;

import io.pyhermetic.container.Command;
import io.pyhermetic.error.Failures;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs commands as argv (never through a shell): the program is looked up on the given {@code
 * PATH}, stdout and stderr are read on their own threads and printed line by line with the
 * command's label, and a command that runs past its time limit is killed with its children.
 */
final class ProcessRunner {
  private final String searchPath;
  private final PrintWriter out;
  private final PrintWriter err;

  ProcessRunner(String searchPath, PrintWriter out, PrintWriter err) {
    this.searchPath = searchPath == null ? "" : searchPath;
    this.out = out;
    this.err = err;
  }

  /** Runs the command; a failure ends the command line with exit code 4. */
  void run(Command command) {
    check(command, execute(command, null));
  }

  /**
   * Runs the command for what it prints (such as {@code podman version --format …}): its stdout
   * lines are returned rather than shown; a failure ends the command line with exit code 4.
   */
  List<String> output(Command command) {
    List<String> lines = new ArrayList<>();
    check(command, execute(command, lines));
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private static void check(Command command, Outcome outcome) {
    if (outcome.exitCode() != 0) {
      StringBuilder message =
          new StringBuilder("failed with exit code ")
              .append(outcome.exitCode())
              .append(": ")
              .append(command.toShellString());
      for (String line : outcome.stderrTail()) {
        message.append("\n  ").append(line);
      }
      throw new CliException(message.toString(), ExitCodes.PODMAN);
    }
  }

  /**
   * Runs the command and returns its exit code (for probes such as {@code podman manifest exists});
   * only a missing program, a time-out or an interruption end the command line.
   */
  int exitCode(Command command) {
    return execute(command, null).exitCode();
  }

  private record Outcome(int exitCode, List<String> stderrTail) {}

  /** Runs the command; its stdout goes to {@code captured} when given, else to the output. */
  private Outcome execute(Command command, List<String> captured) {
    List<String> argv = new ArrayList<>(command.argv());
    Path program = find(argv.get(0));
    if (program == null) {
      throw new CliException(
          argv.get(0) + " not found on PATH: install it, or use --dry-run to see the commands",
          ExitCodes.PODMAN);
    }
    argv.set(0, program.toString());
    ProcessBuilder builder = new ProcessBuilder(argv);
    command.workDir().ifPresent(dir -> builder.directory(dir.toFile()));
    builder.environment().putAll(command.env());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CliException(
          "cannot start " + command.toShellString() + ": " + Failures.describe(e),
          ExitCodes.PODMAN);
    }
    String prefix = "[" + command.label() + "] ";
    Deque<String> tail = new ArrayDeque<>();
    Thread stdout =
        captured == null
            ? pump(process.getInputStream(), line -> print(out, prefix + line))
            : pump(
                process.getInputStream(),
                line -> {
                  synchronized (captured) {
                    captured.add(line);
                  }
                });
    Thread stderr =
        pump(
            process.getErrorStream(),
            line -> {
              print(err, prefix + line);
              synchronized (tail) {
                tail.addLast(line);
                if (tail.size() > 20) {
                  tail.removeFirst();
                }
              }
            });
    boolean finished;
    try {
      finished = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      stdout.join(10_000);
      stderr.join(10_000);
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CliException("interrupted: " + command.toShellString(), ExitCodes.PODMAN);
    }
    if (!finished) {
      throw new CliException(
          "timed out after " + command.timeout().toMinutes() + " min: " + command.toShellString(),
          ExitCodes.PODMAN);
    }
    synchronized (tail) {
      return new Outcome(process.exitValue(), List.copyOf(tail));
    }
  }

  private Path find(String program) {
    if (program.contains(File.separator)) {
      Path p = Path.of(program);
      return Files.isExecutable(p) ? p : null;
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void print(PrintWriter sink, String line) {
    synchronized (sink) {
      sink.println(line);
      sink.flush();
    }
  }

  /** Hands each line of {@code in} to {@code lines} on its own thread. */
  private static Thread pump(InputStream in, Consumer<String> lines) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.accept(line);
                }
              } catch (IOException e) {
                // the process ended; nothing more to read
              }
            },
            "process output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
