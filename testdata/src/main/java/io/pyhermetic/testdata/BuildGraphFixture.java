package io.pyhermetic.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory index whose build graph follows the corpus' {@code requirements-build.txt}: every
 * release named in a {@code # via} line declares the entry it is listed under as a build
 * requirement (pinned with {@code ==} when the corpus has that project at several versions), so
 * resolving the corpus' pins against it walks a graph of the corpus' shape and size. The pins of
 * {@code requirements-x86_64.txt} get sdists (the releases the corpus workflow found without one
 * get only wheels); the build requirements get an sdist and a {@code py3-none-any} wheel. Every
 * file has a PEP 658 {@code .metadata} sidecar.
 */
public final class BuildGraphFixture {
  private static final Pattern PIN =
      Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\\s;\\\\]+)");
  private static final Pattern VIA =
      Pattern.compile("^\\s*#\\s+(?:via\\s+)?([A-Za-z0-9][\\w.-]*)\\s*$");

  private final Path directory;
  private final String requirements;
  private final Map<String, List<String>> buildRequires;

  private BuildGraphFixture(
      Path directory, String requirements, Map<String, List<String>> buildRequires) {
    this.directory = directory;
    this.requirements = requirements;
    this.buildRequires = buildRequires;
  }

  /** Writes the fixture into {@code directory} (which must exist). */
  public static BuildGraphFixture garak(Path directory) {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    Map<String, Set<String>> requires = new LinkedHashMap<>();
    Map<String, List<String>> viaByEntry = new LinkedHashMap<>();
    String current = null;
    for (String line : CorpusIndex.read("requirements-build.txt").split("\n")) {
      Matcher pin = PIN.matcher(line);
      if (pin.find()) {
        current = canonical(pin.group(1)) + "==" + pin.group(2);
        versions
            .computeIfAbsent(canonical(pin.group(1)), k -> new LinkedHashSet<>())
            .add(pin.group(2));
        viaByEntry.put(current, new ArrayList<>());
        continue;
      }
      Matcher via = VIA.matcher(line);
      // "# via" alone opens a list of "#   name" lines
      if (current != null && via.find() && !line.strip().equals("# via")) {
        viaByEntry.get(current).add(canonical(via.group(1)));
      }
    }
    viaByEntry.forEach(
        (entry, dependents) -> {
          String name = entry.substring(0, entry.indexOf("=="));
          boolean several = versions.get(name).size() > 1;
          for (String dependent : dependents) {
            Set<String> list = requires.computeIfAbsent(dependent, k -> new LinkedHashSet<>());
            // a dependent listed under two versions of one project keeps the newest
            list.removeIf(r -> r.equals(name) || r.startsWith(name + "=="));
            list.add(several ? entry : name);
          }
        });
    Map<String, List<String>> buildRequires = new LinkedHashMap<>();
    StringBuilder input = new StringBuilder();
    Set<String> written = new LinkedHashSet<>();
    for (String line : CorpusIndex.read("requirements-x86_64.txt").split("\n")) {
      Matcher pin = PIN.matcher(line);
      if (!pin.find()) {
        continue;
      }
      String name = canonical(pin.group(1));
      String version = pin.group(2);
      List<String> reqs = List.copyOf(requires.getOrDefault(name, Set.of()));
      buildRequires.put(name + "==" + version, reqs);
      String metadata = Distributions.metadata(name, version, ">=3.9", List.of());
      Path file;
      if (CorpusIndex.WITHOUT_SDIST.contains(name)) {
        file = Distributions.wheel(directory, name, version, "py3-none-any", metadata);
      } else {
        file =
            Distributions.sdist(
                directory, name, version, Distributions.Format.TAR_GZ, metadata, pyproject(reqs));
      }
      sidecar(file, metadata);
      written.add(name + "==" + version);
      input.append(name).append("==").append(version).append(" \\\n    --hash=sha256:");
      input.append(sha256(file)).append('\n');
    }
    versions.forEach(
        (name, all) -> {
          for (String version : all) {
            if (written.contains(name + "==" + version)) {
              continue; // the pinned release's sdist serves both roles
            }
            List<String> reqs = List.copyOf(requires.getOrDefault(name, Set.of()));
            buildRequires.put(name + "==" + version, reqs);
            String metadata = Distributions.metadata(name, version, ">=3.9", List.of());
            sidecar(
                Distributions.wheel(directory, name, version, "py3-none-any", metadata), metadata);
            sidecar(
                Distributions.sdist(
                    directory,
                    name,
                    version,
                    Distributions.Format.TAR_GZ,
                    metadata,
                    pyproject(reqs)),
                metadata);
          }
        });
    return new BuildGraphFixture(directory, input.toString(), buildRequires);
  }

  /** The directory holding the distributions. */
  public Path directory() {
    return directory;
  }

  /** The corpus' x86_64 pins, hash-pinned to the fixture's files. */
  public String requirements() {
    return requirements;
  }

  /** Each release's declared build requirements, by {@code name==version}. */
  public Map<String, List<String>> buildRequires() {
    return buildRequires;
  }

  private static Map<String, String> pyproject(List<String> requires) {
    StringBuilder list = new StringBuilder();
    for (String r : requires) {
      list.append(list.length() == 0 ? "" : ", ").append('"').append(r).append('"');
    }
    return Map.of(
        "pyproject.toml",
        "[build-system]\nrequires = [" + list + "]\nbuild-backend = \"setuptools.build_meta\"\n");
  }

  private static void sidecar(Path file, String metadata) {
    try {
      Files.writeString(
          file.resolveSibling(file.getFileName() + ".metadata"), metadata, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
