package io.pyhermetic.platform;

import io.pyhermetic.requirement.MarkerEnvironment;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A machine a container build runs on: CPython of a version on Linux for an architecture, with a C
 * library floor (glibc 2.28 by default, the baseline of today's manylinux wheels; or musl). It
 * knows the ordered list of wheel tags that platform supports, exactly as packaging's {@code
 * cpython_tags} and {@code compatible_tags} produce it, and ranks wheels by it as pip does.
 * Immutable.
 */
public final class Target {

  /** The C library family. */
  public enum Libc {
    /** GNU libc, for manylinux wheels. */
    GLIBC,
    /** musl libc, for musllinux wheels. */
    MUSL
  }

  /** The default glibc: manylinux_2_28, what current wheel builds target. */
  public static final String DEFAULT_GLIBC = "2.28";

  private static final Map<Integer, String> LEGACY_MANYLINUX =
      Map.of(17, "manylinux2014", 12, "manylinux2010", 5, "manylinux1");

  private final String arch;
  private final int pythonMajor;
  private final int pythonMinor;
  private final String pythonVersion;
  private final Libc libc;
  private final int libcMajor;
  private final int libcMinor;
  private final boolean plainLinux;
  private volatile List<WheelTag> tags;
  private volatile Map<WheelTag, Integer> ranks;

  private Target(
      String arch,
      String pythonVersion,
      int pythonMajor,
      int pythonMinor,
      Libc libc,
      int libcMajor,
      int libcMinor,
      boolean plainLinux) {
    this.arch = arch;
    this.pythonVersion = pythonVersion;
    this.pythonMajor = pythonMajor;
    this.pythonMinor = pythonMinor;
    this.libc = libc;
    this.libcMajor = libcMajor;
    this.libcMinor = libcMinor;
    this.plainLinux = plainLinux;
  }

  /**
   * CPython {@code pythonVersion} (3.8 or later, such as {@code 3.12} or {@code 3.12.4}) on glibc
   * 2.28 Linux for {@code arch} ({@code x86_64}, {@code aarch64}, {@code ppc64le}, {@code s390x},
   * or the aliases {@code amd64}, {@code arm64}).
   *
   * @param arch the machine name or alias
   * @param pythonVersion the Python version
   * @return the target
   * @throws IllegalArgumentException for an unknown architecture or an unsupported version
   */
  public static Target linux(String arch, String pythonVersion) {
    String machine = MarkerEnvironment.machine(arch);
    MarkerEnvironment.forTarget(machine, pythonVersion); // validates the version
    Version v = Version.parse(pythonVersion);
    if (v.major() != 3 || v.minor() < 8) {
      throw new IllegalArgumentException(
          "only CPython 3.8 and later are supported: " + pythonVersion);
    }
    int[] glibc = libcVersion(DEFAULT_GLIBC);
    return new Target(
        machine, pythonVersion, v.major(), v.minor(), Libc.GLIBC, glibc[0], glibc[1], false);
  }

  /**
   * The same target with this glibc version (such as {@code 2.17}).
   *
   * @param version the glibc version
   * @return the target
   */
  public Target withGlibc(String version) {
    int[] parsed = libcVersion(version);
    return new Target(
        arch,
        pythonVersion,
        pythonMajor,
        pythonMinor,
        Libc.GLIBC,
        parsed[0],
        parsed[1],
        plainLinux);
  }

  /**
   * The same target on musl libc of this version (such as {@code 1.2}).
   *
   * @param version the musl version
   * @return the target
   */
  public Target withMusl(String version) {
    int[] parsed = libcVersion(version);
    if (parsed[0] != 1) {
      throw new IllegalArgumentException("musl versions are 1.x: " + version);
    }
    return new Target(
        arch, pythonVersion, pythonMajor, pythonMinor, Libc.MUSL, parsed[0], parsed[1], plainLinux);
  }

  /**
   * The same target also accepting plain {@code linux_<arch>} wheels, last, as packaging 26.2 does
   * on a native host. Off by default: such wheels are built for one host and no public index serves
   * them.
   *
   * @param accept whether to accept plain {@code linux_<arch>} wheels
   * @return the target
   */
  public Target withPlainLinuxTag(boolean accept) {
    return new Target(
        arch, pythonVersion, pythonMajor, pythonMinor, libc, libcMajor, libcMinor, accept);
  }

  private static int[] libcVersion(String version) {
    String[] parts = Objects.requireNonNull(version, "version").split("\\.");
    try {
      if (parts.length == 2) {
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        if (major >= 0 && minor >= 0) {
          return new int[] {major, minor};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("a libc version looks like 2.28: " + version);
  }

  /**
   * The machine name, such as {@code x86_64}.
   *
   * @return the machine name
   */
  public String arch() {
    return arch;
  }

  /**
   * The Python version, as given.
   *
   * @return the Python version
   */
  public String pythonVersion() {
    return pythonVersion;
  }

  /**
   * The C library family.
   *
   * @return the C library
   */
  public Libc libc() {
    return libc;
  }

  /**
   * The C library version, such as {@code 2.28}.
   *
   * @return the version
   */
  public String libcVersion() {
    return libcMajor + "." + libcMinor;
  }

  /**
   * The marker environment of this target's interpreter.
   *
   * @return the environment
   */
  public MarkerEnvironment markerEnvironment() {
    return MarkerEnvironment.forTarget(arch, pythonVersion);
  }

  /**
   * The platform tags, most preferred first (manylinux or musllinux, newest first).
   *
   * @return the platform tags
   */
  public List<String> platforms() {
    List<String> out = new ArrayList<>();
    if (libc == Libc.GLIBC) {
      int floorMajor = 2;
      int floorMinor = arch.equals("x86_64") || arch.equals("i686") ? 4 : 16;
      List<int[]> maxima = new ArrayList<>();
      maxima.add(new int[] {libcMajor, libcMinor});
      for (int major = libcMajor - 1; major > 1; major--) {
        maxima.add(new int[] {major, 50}); // packaging assumes at most 50 minors per major
      }
      for (int[] max : maxima) {
        int minMinor = max[0] == floorMajor ? floorMinor : -1;
        for (int minor = max[1]; minor > minMinor; minor--) {
          out.add("manylinux_" + max[0] + "_" + minor + "_" + arch);
          if (max[0] == 2 && LEGACY_MANYLINUX.containsKey(minor)) {
            out.add(LEGACY_MANYLINUX.get(minor) + "_" + arch);
          }
        }
      }
    } else {
      for (int minor = libcMinor; minor >= 0; minor--) {
        out.add("musllinux_1_" + minor + "_" + arch);
      }
    }
    if (plainLinux) {
      out.add("linux_" + arch);
    }
    return out;
  }

  /**
   * Every wheel tag this target accepts, most preferred first: {@code cp3X-cp3X}, {@code
   * cp3X-abi3}, {@code cp3X-none} on each platform, older {@code abi3} down to {@code cp32}, {@code
   * py3X}/{@code py3}/older {@code -none-} on each platform, then the {@code any} tags.
   *
   * @return the tags
   */
  public List<WheelTag> supportedTags() {
    List<WheelTag> result = tags;
    if (result == null) {
      result = Collections.unmodifiableList(computeTags());
      tags = result;
    }
    return result;
  }

  private List<WheelTag> computeTags() {
    List<String> platforms = platforms();
    List<WheelTag> out = new ArrayList<>(27 * platforms.size() + 16);
    String cp = "cp" + pythonMajor + pythonMinor;
    for (String p : platforms) {
      out.add(new WheelTag(cp, cp, p));
    }
    for (String p : platforms) {
      out.add(new WheelTag(cp, "abi3", p));
    }
    for (String p : platforms) {
      out.add(new WheelTag(cp, "none", p));
    }
    for (int minor = pythonMinor - 1; minor > 1; minor--) {
      for (String p : platforms) {
        out.add(new WheelTag("cp" + pythonMajor + minor, "abi3", p));
      }
    }
    List<String> pyRange = new ArrayList<>();
    pyRange.add("py" + pythonMajor + pythonMinor);
    pyRange.add("py" + pythonMajor);
    for (int minor = pythonMinor - 1; minor >= 0; minor--) {
      pyRange.add("py" + pythonMajor + minor);
    }
    for (String py : pyRange) {
      for (String p : platforms) {
        out.add(new WheelTag(py, "none", p));
      }
    }
    out.add(new WheelTag(cp, "none", "any"));
    for (String py : pyRange) {
      out.add(new WheelTag(py, "none", "any"));
    }
    return out;
  }

  /**
   * pip's preference for a wheel: the position of its best tag in {@link #supportedTags()} (lower
   * is better); empty when the wheel does not run here, and for sdists.
   *
   * @param file a distribution file name
   * @return the rank, or empty
   */
  public OptionalInt rank(DistributionFilename file) {
    Map<WheelTag, Integer> index = ranks;
    if (index == null) {
      index = new HashMap<>();
      List<WheelTag> supported = supportedTags();
      for (int i = supported.size() - 1; i >= 0; i--) {
        index.put(supported.get(i), i);
      }
      ranks = index;
    }
    int best = Integer.MAX_VALUE;
    for (WheelTag tag : file.tags()) {
      Integer r = index.get(tag);
      if (r != null && r < best) {
        best = r;
      }
    }
    return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
  }

  /**
   * Whether the wheel runs on this target.
   *
   * @param file a distribution file name
   * @return {@code true} when it is a wheel this target accepts
   */
  public boolean accepts(DistributionFilename file) {
    return rank(file).isPresent();
  }

  @Override
  public boolean equals(Object obj) {
    if (!(obj instanceof Target)) {
      return false;
    }
    Target o = (Target) obj;
    return arch.equals(o.arch)
        && pythonVersion.equals(o.pythonVersion)
        && libc == o.libc
        && libcMajor == o.libcMajor
        && libcMinor == o.libcMinor
        && plainLinux == o.plainLinux;
  }

  @Override
  public int hashCode() {
    return Objects.hash(arch, pythonVersion, libc, libcMajor, libcMinor, plainLinux);
  }

  /** Such as {@code x86_64 cp312 manylinux_2_28}. */
  @Override
  public String toString() {
    return arch
        + " cp"
        + pythonMajor
        + pythonMinor
        + (libc == Libc.GLIBC
            ? " manylinux_" + libcMajor + "_" + libcMinor
            : " musllinux_" + libcMajor + "_" + libcMinor);
  }
}
