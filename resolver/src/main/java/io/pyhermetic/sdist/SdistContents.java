package io.pyhermetic.sdist;

import io.pyhermetic.buildsystem.BuildRequirements;
import io.pyhermetic.buildsystem.BuildSystemException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of an sdist's top directory that describe how to build it, held in memory. Immutable:
 * accessors return copies.
 */
public final class SdistContents {
  /** The top-directory files a reader keeps. */
  public static final java.util.List<String> FILES =
      java.util.List.of("pyproject.toml", "setup.cfg", "setup.py", "PKG-INFO");

  private final String filename;
  private final String topDirectory;
  private final Map<String, byte[]> files;

  /**
   * @param filename the sdist's file name
   * @param topDirectory the single top directory the files were read from, or an empty string when
   *     the archive has several top-level entries and the files came from its root
   * @param files by name (one of {@link #FILES}), the bytes read
   */
  public SdistContents(String filename, String topDirectory, Map<String, byte[]> files) {
    this.filename = Objects.requireNonNull(filename, "filename");
    this.topDirectory = Objects.requireNonNull(topDirectory, "topDirectory");
    Map<String, byte[]> copy = new TreeMap<>();
    files.forEach(
        (name, bytes) -> {
          if (!FILES.contains(name)) {
            throw new IllegalArgumentException("not a build description file: " + name);
          }
          copy.put(name, bytes.clone());
        });
    this.files = Collections.unmodifiableMap(copy);
  }

  /**
   * The sdist's file name.
   *
   * @return the file name
   */
  public String filename() {
    return filename;
  }

  /**
   * The top directory ({@code name-1.0}), empty when the files were at the archive's root.
   *
   * @return the top directory, or empty
   */
  public String topDirectory() {
    return topDirectory;
  }

  /**
   * The bytes of one of {@link #FILES}, when the sdist has it.
   *
   * @param name the file's path below the top directory
   * @return the bytes, or empty
   */
  public Optional<byte[]> file(String name) {
    return Optional.ofNullable(files.get(name)).map(byte[]::clone);
  }

  /**
   * The bytes of {@code pyproject.toml}.
   *
   * @return the bytes, or empty
   */
  public Optional<byte[]> pyprojectToml() {
    return file("pyproject.toml");
  }

  /**
   * The bytes of {@code setup.cfg}.
   *
   * @return the bytes, or empty
   */
  public Optional<byte[]> setupCfg() {
    return file("setup.cfg");
  }

  /**
   * The bytes of {@code setup.py}.
   *
   * @return the bytes, or empty
   */
  public Optional<byte[]> setupPy() {
    return file("setup.py");
  }

  /**
   * The bytes of {@code PKG-INFO}.
   *
   * @return the bytes, or empty
   */
  public Optional<byte[]> pkgInfo() {
    return file("PKG-INFO");
  }

  /**
   * The build requirements these files declare.
   *
   * @return the build requirements
   * @throws BuildSystemException for invalid TOML or an unparsable requirement, located in its file
   *     ({@code name-1.0.tar.gz/pyproject.toml:3:9})
   */
  public BuildRequirements buildRequirements() {
    return BuildRequirements.read(filename, pyprojectToml(), setupCfg(), setupPy());
  }

  @Override
  public boolean equals(Object obj) {
    if (!(obj instanceof SdistContents)) {
      return false;
    }
    SdistContents other = (SdistContents) obj;
    if (!filename.equals(other.filename)
        || !topDirectory.equals(other.topDirectory)
        || !files.keySet().equals(other.files.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.files.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(filename, topDirectory);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      h = 31 * h + e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return h;
  }

  @Override
  public String toString() {
    return "SdistContents[" + filename + ", " + files.keySet() + "]";
  }
}
