package io.pyhermetic.plan;

/** The names of the files in a plan directory. */
final class PlanFiles {
  static final String PLAN = "plan.md";
  static final String CHECK = "check.txt";
  static final String DIFF = "diff.md";
  static final String AUDIT_JSON = "audit.json";
  static final String AUDIT_MD = "audit.md";
  static final String BUILD_DEPS = "build-deps.json";
  static final String BUILD_REQUIREMENTS = "requirements-build.txt";
  static final String ENV = "hermeto.env";
  static final String BUILD_SCRIPT = "build.sh";

  private PlanFiles() {}

  static String requirements(String arch) {
    return "requirements-" + arch + ".txt";
  }
}
