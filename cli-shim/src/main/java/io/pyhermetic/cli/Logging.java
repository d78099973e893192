package io.pyhermetic.cli;

/**
 * Sets up the SLF4J binding (slf4j-simple) for one run of the command line, before the first logger
 * exists: nothing from a logger reaches the terminal unless {@code --verbose} is given, and then
 * every retry and the other debug and info lines of pyhermetic go to stderr, never to stdout.
 */
final class Logging {
  static final String VERBOSE = "--verbose";

  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  /**
   * Whether {@code args} ask for {@link #VERBOSE}. Read before picocli parses them, because
   * slf4j-simple fixes each logger's level when the logger is made; an argument after {@code --} is
   * a parameter, as for picocli.
   */
  static boolean verbose(String[] args) {
    for (String arg : args) {
      if ("--".equals(arg)) {
        return false;
      }
      if (VERBOSE.equals(arg)) {
        return true;
      }
    }
    return false;
  }

  /** Configures slf4j-simple for a run with {@code args}; call before anything logs. */
  static void configure(String[] args) {
    boolean verbose = verbose(args);
    // the libraries' own debug output (HttpClient's wire log) would drown the retries
    System.setProperty(PREFIX + "defaultLogLevel", verbose ? "info" : "off");
    System.setProperty(PREFIX + "log.io.pyhermetic", verbose ? "debug" : "off");
    System.setProperty(PREFIX + "logFile", "System.err");
    System.setProperty(PREFIX + "showThreadName", "false");
    System.setProperty(PREFIX + "showShortLogName", "true");
    System.setProperty(PREFIX + "showDateTime", "false");
  }
}
