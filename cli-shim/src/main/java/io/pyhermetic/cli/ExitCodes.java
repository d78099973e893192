package io.pyhermetic.cli;

/** The exit codes every command uses (see the README). */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INDEX = 3;
  static final int PODMAN = 4;

  private ExitCodes() {}
}
