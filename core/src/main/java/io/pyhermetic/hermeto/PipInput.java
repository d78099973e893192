package io.pyhermetic.hermeto;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code {"type": "pip", …}} package of a Hermeto input. Absent lists mean Hermeto's defaults
 * ({@code requirements.txt} / {@code requirements-build.txt} when present); an empty binary filter
 * means source-only.
 */
public record PipInput(
    String path,
    Optional<List<String>> requirementsFiles,
    Optional<List<String>> requirementsBuildFiles,
    Optional<PipBinaryFilters> binary) {
  /**
   * Copies the lists, so that the input stays immutable.
   *
   * @param path the path
   * @param requirementsFiles the requirements files
   * @param requirementsBuildFiles the requirements build files
   * @param binary the binary
   */
  public PipInput {
    Objects.requireNonNull(path, "path");
    requirementsFiles = requirementsFiles.map(List::copyOf);
    requirementsBuildFiles = requirementsBuildFiles.map(List::copyOf);
    Objects.requireNonNull(binary, "binary");
  }

  /**
   * The project at the source root with Hermeto's defaults.
   *
   * @return the project at the source root with Hermeto's defaults
   */
  public static PipInput root() {
    return new PipInput(".", Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The same input with this path.
   *
   * @param value the value
   * @return the same input with this path
   */
  public PipInput withPath(String value) {
    return new PipInput(value, requirementsFiles, requirementsBuildFiles, binary);
  }

  /**
   * The same input with these requirements files.
   *
   * @param files the files
   * @return the same input with these requirements files
   */
  public PipInput withRequirementsFiles(List<String> files) {
    return new PipInput(path, Optional.of(files), requirementsBuildFiles, binary);
  }

  /**
   * The same input with these build requirements files.
   *
   * @param files the files
   * @return the same input with these build requirements files
   */
  public PipInput withRequirementsBuildFiles(List<String> files) {
    return new PipInput(path, requirementsFiles, Optional.of(files), binary);
  }

  /**
   * The same input with these binary filters.
   *
   * @param filters the filters
   * @return the same input with these binary filters
   */
  public PipInput withBinary(PipBinaryFilters filters) {
    return new PipInput(path, requirementsFiles, requirementsBuildFiles, Optional.of(filters));
  }
}
