package io.pyhermetic.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pyhermetic ARGS} in a child JVM with the tests' class path, started as the {@code
 * pyhermetic} script starts it (through {@code main}): for what a JVM sets up once (the logger) or
 * reads from its environment (credentials).
 *
 * @param code the exit code
 * @param out what it wrote on stdout
 * @param err what it wrote on stderr
 */
record ChildRun(int code, String out, String err) {

  /** Runs with this JVM's environment changed by {@code env} ({@code null} values remove). */
  static ChildRun of(Path temp, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Pyhermetic.class.getName());
    command.addAll(List.of(args));
    Path out = temp.resolve("stdout");
    Path err = temp.resolve("stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    env.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pyhermetic did not finish: " + command);
    }
    return new ChildRun(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
