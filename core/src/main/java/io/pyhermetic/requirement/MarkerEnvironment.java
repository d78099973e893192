package io.pyhermetic.requirement;

import io.pyhermetic.version.Version;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values a Python interpreter reports for PEP 508 marker variables. {@link #forTarget}
 * describes CPython on Linux for a build target, which is what a container build for that
 * architecture runs. Immutable.
 */
public final class MarkerEnvironment {
  private final Map<String, String> values;

  private MarkerEnvironment(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /**
   * An environment with exactly these variables.
   *
   * @param values the values
   * @return an environment with exactly these variables
   */
  public static MarkerEnvironment of(Map<String, String> values) {
    values.forEach((k, v) -> Objects.requireNonNull(v, k));
    return new MarkerEnvironment(values);
  }

  /**
   * CPython {@code pythonVersion} (such as {@code 3.12} or {@code 3.12.4}; a bare minor version
   * means its {@code .0} release) on Linux for {@code arch}: {@code x86_64}, {@code aarch64},
   * {@code ppc64le}, {@code s390x}, or their aliases {@code amd64} and {@code arm64}.
   *
   * @param arch the arch
   * @param pythonVersion the python version
   * @return CPython {@code pythonVersion}
   * @throws IllegalArgumentException for an unknown architecture or a malformed version
   */
  public static MarkerEnvironment forTarget(String arch, String pythonVersion) {
    String machine = machine(arch);
    Version version =
        Version.tryParse(pythonVersion)
            .filter(v -> v.release().size() >= 2 && v.release().size() <= 3)
            .filter(v -> v.epoch().signum() == 0 && v.local().isEmpty() && v.post().isEmpty())
            .filter(v -> v.release().stream().allMatch(n -> n.bitLength() < 31))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Python version must look like 3.12 or 3.12.4: " + pythonVersion));
    int major = version.major();
    int minor = version.minor();
    int micro = version.micro();
    String full = major + "." + minor + "." + micro;
    // CPython reports pre-releases as e.g. 3.14.0rc1 (the "c" spelling shows as "rc").
    if (version.pre().isPresent()) {
      full += version.pre().get();
    }
    Map<String, String> values = new TreeMap<>();
    values.put("implementation_name", "cpython");
    values.put("implementation_version", full);
    values.put("os_name", "posix");
    values.put("platform_machine", machine);
    values.put("platform_python_implementation", "CPython");
    values.put("platform_release", "");
    values.put("platform_system", "Linux");
    values.put("platform_version", "");
    values.put("python_full_version", full);
    values.put("python_version", major + "." + minor);
    values.put("sys_platform", "linux");
    return new MarkerEnvironment(values);
  }

  /**
   * The {@code platform.machine()} value Linux reports for a target architecture.
   *
   * @param arch the arch
   * @return the {@code platform.machine()} value Linux reports for a target architecture
   */
  public static String machine(String arch) {
    switch (Objects.requireNonNull(arch, "arch").toLowerCase(java.util.Locale.ROOT)) {
      case "x86_64":
      case "amd64":
        return "x86_64";
      case "aarch64":
      case "arm64":
        return "aarch64";
      case "ppc64le":
        return "ppc64le";
      case "s390x":
        return "s390x";
      default:
        throw new IllegalArgumentException(
            "unknown architecture '" + arch + "' (expected x86_64, aarch64, ppc64le or s390x)");
    }
  }

  /**
   * This environment with one variable set (for example {@code extra}).
   *
   * @param variable the variable
   * @param value the value
   * @return this environment with one variable set
   */
  public MarkerEnvironment with(String variable, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(Objects.requireNonNull(variable), Objects.requireNonNull(value));
    return new MarkerEnvironment(copy);
  }

  /**
   * The variables and their values.
   *
   * @return the variables and their values
   */
  public Map<String, String> asMap() {
    return values;
  }

  /**
   * A variable's value.
   *
   * @param variable the variable
   * @return A variable's value
   */
  public String get(String variable) {
    return values.get(variable);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof MarkerEnvironment && values.equals(((MarkerEnvironment) obj).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
