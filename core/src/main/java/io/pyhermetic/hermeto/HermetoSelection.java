package io.pyhermetic.hermeto;

import io.pyhermetic.platform.DistributionFilename;
import io.pyhermetic.platform.WheelTag;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files Hermeto downloads for one pinned requirement (its {@code
 * process_package_distributions}): the release's files on the index, narrowed by the pinned hashes
 * (an allow-list when both sides have digests), then source-only, prefer-binary or only-binary per
 * the {@code binary} filter, with its substring-based wheel filter and a single best sdist.
 */
public final class HermetoSelection {

  /** A file of the release as the index lists it. */
  public record Candidate(String filename, Map<String, String> digests, boolean yanked) {
    /**
     * Checks the components.
     *
     * @param filename the filename
     * @param digests the digests
     * @param yanked the yanked
     */
    public Candidate {
      Objects.requireNonNull(filename, "filename");
      digests = Map.copyOf(digests);
    }
  }

  /** The files Hermeto would download, or why it would fail, and what it would warn about. */
  public record Result(List<Candidate> selected, Optional<String> error, List<String> warnings) {
    /**
     * Copies the lists, so that the result stays immutable.
     *
     * @param selected the selected
     * @param error the error
     * @param warnings the warnings
     */
    public Result {
      selected = List.copyOf(selected);
      warnings = List.copyOf(warnings);
    }
  }

  private HermetoSelection() {}

  /**
   * The files Hermeto would download for a pinned release, as its pip backend chooses them.
   *
   * @param name the project
   * @param version the pinned version
   * @param binary the input's {@code binary} filter; empty for source-only
   * @param files the release's files as the index lists them
   * @param pinnedHashes the requirement's {@code --hash} values by algorithm
   * @return the files chosen, or why Hermeto would fail, and its warnings
   */
  public static Result select(
      ProjectName name,
      Version version,
      Optional<PipBinaryFilters> binary,
      List<Candidate> files,
      Map<String, List<String>> pinnedHashes) {
    List<String> warnings = new ArrayList<>();
    Set<String> pinned = new HashSet<>();
    pinnedHashes.forEach(
        (alg, values) ->
            values.forEach(
                v -> pinned.add(alg.toLowerCase(Locale.ROOT) + ":" + v.toLowerCase(Locale.ROOT))));
    String canonicalVersion = version.canonical(true);
    List<Candidate> sdists = new ArrayList<>();
    List<Candidate> wheels = new ArrayList<>();
    List<DistributionFilename> wheelNames = new ArrayList<>();
    for (Candidate c : files) {
      Optional<DistributionFilename> parsed = parse(c.filename(), name);
      if (parsed.isEmpty() || !parsed.get().version().canonical(true).equals(canonicalVersion)) {
        continue;
      }
      if (!pinned.isEmpty() && !c.digests().isEmpty()) {
        boolean overlap = false;
        for (Map.Entry<String, String> d : c.digests().entrySet()) {
          overlap |=
              pinned.contains(
                  d.getKey().toLowerCase(Locale.ROOT)
                      + ":"
                      + d.getValue().toLowerCase(Locale.ROOT));
        }
        if (!overlap) {
          warnings.add("Filtering out " + c.filename() + " due to checksum mismatch");
          continue;
        }
      }
      if (parsed.get().isWheel()) {
        wheels.add(c);
        wheelNames.add(parsed.get());
      } else {
        sdists.add(c);
      }
    }
    String pin = name.canonical() + "==" + version;
    Mode mode = mode(name, binary);
    List<Candidate> selected = new ArrayList<>();
    if (mode != Mode.SOURCE) {
      WheelsFilter filter = new WheelsFilter(binary.get());
      for (int i = 0; i < wheels.size(); i++) {
        if (filter.passes(wheelNames.get(i))) {
          selected.add(wheels.get(i));
        }
      }
      if (mode == Mode.ONLY_BINARY) {
        return selected.isEmpty()
            ? new Result(List.of(), Optional.of("No wheels found for package " + pin), warnings)
            : new Result(selected, Optional.empty(), warnings);
      }
    }
    Optional<Candidate> sdist =
        sdists.stream()
            .max(
                Comparator.comparing((Candidate c) -> !c.yanked())
                    .thenComparing(
                        c ->
                            c.filename().endsWith(".tar.gz")
                                ? 2
                                : c.filename().endsWith(".zip") ? 1 : 0));
    if (sdist.isPresent()) {
      if (sdist.get().yanked()) {
        warnings.add("Package " + pin + " is yanked, use a different version");
      }
      selected.add(sdist.get());
    }
    if (selected.isEmpty()) {
      return new Result(
          List.of(), Optional.of("No distributions found for package " + pin), warnings);
    }
    return new Result(selected, Optional.empty(), warnings);
  }

  private enum Mode {
    SOURCE,
    PREFER_BINARY,
    ONLY_BINARY
  }

  private static Mode mode(ProjectName name, Optional<PipBinaryFilters> binary) {
    if (binary.isEmpty()) {
      return Mode.SOURCE;
    }
    List<String> packages = PipBinaryFilters.items(binary.get().packages());
    if (packages.isEmpty()) {
      return Mode.PREFER_BINARY;
    }
    for (String p : packages) {
      if (ProjectName.canonicalize(p).equals(name.canonical())) {
        return Mode.ONLY_BINARY;
      }
    }
    return Mode.SOURCE;
  }

  private static Optional<DistributionFilename> parse(String filename, ProjectName name) {
    if (filename.endsWith(".whl")) {
      return DistributionFilename.tryParse(filename);
    }
    try {
      return Optional.of(DistributionFilename.parseSdist(filename, name));
    } catch (RuntimeException e) {
      return DistributionFilename.tryParse(filename);
    }
  }

  /**
   * Hermeto's {@code WheelsFilter}: some tag passes every field (substring tests).
   *
   * @param f the f
   * @param wheel the wheel
   * @return whether the wheel passes Hermeto's filter
   */
  public static boolean wheelPasses(PipBinaryFilters f, DistributionFilename wheel) {
    return new WheelsFilter(f).passes(wheel);
  }

  /** A filter's comma lists split once, since every wheel of every release is tested. */
  private static final class WheelsFilter {
    private final OptionalInt pyVersion;
    private final List<String> impls;
    private final List<String> abis;
    private final List<String> arches;
    private final List<String> oses;
    private final Optional<Pattern> platform;

    WheelsFilter(PipBinaryFilters f) {
      pyVersion = f.pyVersion();
      impls = PipBinaryFilters.items(f.pyImpl());
      abis = PipBinaryFilters.items(f.abi());
      arches = PipBinaryFilters.items(f.arch());
      oses = PipBinaryFilters.items(f.os());
      platform = f.platform().map(Pattern::compile);
    }

    boolean passes(DistributionFilename wheel) {
      for (WheelTag tag : wheel.tags()) {
        if (interpreterPasses(tag) && versionPasses(tag) && abiPasses(tag) && platformPasses(tag)) {
          return true;
        }
      }
      return false;
    }

    private boolean interpreterPasses(WheelTag tag) {
      return impls.isEmpty()
          || tag.interpreter().contains("py3")
          || impls.stream().anyMatch(tag.interpreter()::contains);
    }

    private boolean versionPasses(WheelTag tag) {
      if (pyVersion.isEmpty()) {
        return true;
      }
      int wanted = pyVersion.getAsInt();
      StringBuilder digits = new StringBuilder();
      for (char c : tag.interpreter().toCharArray()) {
        if (c >= '0' && c <= '9') {
          digits.append(c);
        }
      }
      if (digits.length() == 0 || digits.charAt(0) != String.valueOf(wanted).charAt(0)) {
        return false;
      }
      long have;
      try {
        have = Long.parseLong(digits.toString());
      } catch (NumberFormatException e) {
        return false;
      }
      return have == wanted
          || (have < wanted && (tag.abi().equals("abi3") || tag.abi().equals("none")));
    }

    private boolean abiPasses(WheelTag tag) {
      return abis.isEmpty()
          || tag.abi().equals("abi3")
          || tag.abi().equals("none")
          || abis.stream().anyMatch(tag.abi()::contains);
    }

    private boolean platformPasses(WheelTag tag) {
      String name = tag.platform();
      if (platform.isPresent()) {
        return platform.get().matcher(name).find();
      }
      boolean arch =
          arches.isEmpty() || name.equals("any") || arches.stream().anyMatch(name::contains);
      boolean os = oses.isEmpty() || name.equals("any") || oses.stream().anyMatch(name::contains);
      return arch && os;
    }
  }
}
