package io.pyhermetic.hermeto;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code binary} object of a Hermeto pip input: which wheels to fetch besides the sdist.
 * Comma-list fields are normalized as Hermeto stores them (items trimmed, empty and repeated items
 * dropped). Immutable; change fields with the {@code with…} methods.
 */
public record PipBinaryFilters(
    String packages,
    String arch,
    String os,
    OptionalInt pyVersion,
    String pyImpl,
    String abi,
    Optional<String> platform) {

  /** The value that stands for every package, as pip's {@code :all:}. */
  public static final String ALL = ":all:";

  /**
   * Checks the components.
   *
   * @param packages the packages
   * @param arch the arch
   * @param os the os
   * @param pyVersion the py version
   * @param pyImpl the py impl
   * @param abi the abi
   * @param platform the platform
   */
  public PipBinaryFilters {
    packages = normalize(packages);
    arch = normalize(arch);
    os = normalize(os);
    Objects.requireNonNull(pyVersion, "pyVersion");
    pyImpl = normalize(pyImpl);
    abi = normalize(abi);
    Objects.requireNonNull(platform, "platform");
  }

  /**
   * Hermeto's defaults: all packages, x86_64, linux, any Python, cp, any ABI.
   *
   * @return the pip binary filters
   */
  public static PipBinaryFilters defaults() {
    return new PipBinaryFilters(
        ALL, "x86_64", "linux", OptionalInt.empty(), "cp", ALL, Optional.empty());
  }

  /**
   * The same filters with this packages value.
   *
   * @param value the value
   * @return the same filters with this packages value
   */
  public PipBinaryFilters withPackages(String value) {
    return new PipBinaryFilters(value, arch, os, pyVersion, pyImpl, abi, platform);
  }

  /**
   * The same filters with this arch value.
   *
   * @param value the value
   * @return the same filters with this arch value
   */
  public PipBinaryFilters withArch(String value) {
    return new PipBinaryFilters(packages, value, os, pyVersion, pyImpl, abi, platform);
  }

  /**
   * The same filters with this os value.
   *
   * @param value the value
   * @return the same filters with this os value
   */
  public PipBinaryFilters withOs(String value) {
    return new PipBinaryFilters(packages, arch, value, pyVersion, pyImpl, abi, platform);
  }

  /**
   * {@code 312} for Python 3.12: Hermeto takes one integer, major and minor digits joined.
   *
   * @param value the value
   * @return {@code 312} for Python 3.12
   */
  public PipBinaryFilters withPyVersion(int value) {
    return new PipBinaryFilters(packages, arch, os, OptionalInt.of(value), pyImpl, abi, platform);
  }

  /**
   * The same filters with this py_impl value.
   *
   * @param value the value
   * @return the same filters with this py_impl value
   */
  public PipBinaryFilters withPyImpl(String value) {
    return new PipBinaryFilters(packages, arch, os, pyVersion, value, abi, platform);
  }

  /**
   * The same filters with this abi value.
   *
   * @param value the value
   * @return the same filters with this abi value
   */
  public PipBinaryFilters withAbi(String value) {
    return new PipBinaryFilters(packages, arch, os, pyVersion, pyImpl, value, platform);
  }

  /**
   * A Python regular expression searched in platform tags; excludes non-default os/arch.
   *
   * @param regex the regex
   * @return A Python regular expression searched in platform tags
   */
  public PipBinaryFilters withPlatform(String regex) {
    return new PipBinaryFilters(packages, arch, os, pyVersion, pyImpl, abi, Optional.of(regex));
  }

  /**
   * Hermeto's comma-list normalization: split on {@code ,}, trim, drop empty and repeated items.
   *
   * @throws IllegalArgumentException when nothing is left
   */
  static String normalize(String value) {
    Objects.requireNonNull(value, "value");
    Set<String> items = new LinkedHashSet<>();
    for (String item : value.split(",", -1)) {
      String trimmed = item.strip();
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Binary filter cannot contain only empty values");
    }
    return String.join(",", items);
  }

  /** The items of a comma-list field; empty when it allows everything ({@code :all:}). */
  static List<String> items(String value) {
    List<String> items = new ArrayList<>(List.of(value.split(",")));
    return items.contains(ALL) ? List.of() : items;
  }
}
