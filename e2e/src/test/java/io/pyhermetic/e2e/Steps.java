package io.pyhermetic.e2e;

import io.pyhermetic.cli.Pyhermetic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs and logs the steps of the end-to-end build: pyhermetic commands in this JVM, podman as
 * processes. Every command, its output and its duration go to standard output and to a log file;
 * each step's time is kept for the summary.
 */
final class Steps {
  /** What a step printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Path log;
  private final List<String> timings = new ArrayList<>();

  Steps(Path log) throws IOException {
    Files.createDirectories(log.getParent());
    this.log = log;
  }

  /** Writes a line to standard output and the log. */
  synchronized void log(String line) {
    String stamped = TIME.format(LocalTime.now()) + " " + line;
    System.out.println(stamped);
    System.out.flush();
    try {
      Files.writeString(
          log,
          stamped + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The duration of every step so far, one line each. */
  List<String> timings() {
    return List.copyOf(timings);
  }

  /** Runs a pyhermetic command line in this JVM. */
  Result pyhermetic(String... args) {
    String shown = "pyhermetic " + String.join(" ", args);
    log("$ " + shown);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    long start = System.nanoTime();
    int code;
    try (PrintWriter o = new PrintWriter(new Tee(out, "  | "), true);
        PrintWriter e = new PrintWriter(new Tee(err, "  ! "), true)) {
      code = Pyhermetic.run(args, o, e);
    }
    finish(shown, code, start);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs podman with these arguments, its output interleaved as it comes. */
  Result podman(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("podman");
    argv.addAll(List.of(args));
    String shown = String.join(" ", argv);
    log("$ " + shown);
    long start = System.nanoTime();
    StringBuilder out = new StringBuilder();
    int code;
    try {
      Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
      process.getOutputStream().close();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    synchronized (out) {
                      out.append(line).append('\n');
                    }
                    log("  | " + line);
                  }
                } catch (IOException e) {
                  log("  ! output lost: " + e.getMessage());
                }
              });
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.join(10_000);
        finish(shown, -1, start);
        throw new AssertionError("timed out after " + timeout + ": " + shown);
      }
      reader.join(10_000);
      code = process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + shown, e);
    }
    finish(shown, code, start);
    synchronized (out) {
      return new Result(code, out.toString(), "");
    }
  }

  private void finish(String shown, int code, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    String line = String.format("%7.1f s  exit %d  %s", seconds, code, abbreviate(shown));
    timings.add(line);
    log("  = exit " + code + " after " + String.format("%.1f", seconds) + " s");
  }

  private static String abbreviate(String s) {
    return s.length() > 140 ? s.substring(0, 137) + "..." : s;
  }

  /** Keeps what is written and logs it line by line. */
  private final class Tee extends Writer {
    private final StringBuilder kept;
    private final String prefix;
    private final StringBuilder line = new StringBuilder();

    Tee(StringBuilder kept, String prefix) {
      this.kept = kept;
      this.prefix = prefix;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      kept.append(buf, off, len);
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          log(prefix + line);
          line.setLength(0);
        } else {
          line.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public synchronized void close() {
      if (line.length() > 0) {
        log(prefix + line);
        line.setLength(0);
      }
    }
  }
}
