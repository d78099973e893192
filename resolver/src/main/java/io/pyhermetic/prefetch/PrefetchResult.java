package io.pyhermetic.prefetch;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Every outcome of a prefetch: what Hermeto's rules say about the requirements files, each
 * requirement, each file, and whether the output directory was written.
 *
 * @param outputDirectory the output directory asked for
 * @param written whether it now holds the complete output (nothing is written unless {@link
 *     #isOk()})
 * @param diagnostics Hermeto's objections to the requirements files (errors stop the output;
 *     warnings do not), in file order
 * @param requirements every requirement line, in input order (runtime files, then build files, per
 *     package)
 * @param files every file of {@code deps/pip}, sorted by name
 * @see #sbom()
 */
public record PrefetchResult(
    Path outputDirectory,
    boolean written,
    List<Diagnostic> diagnostics,
    List<RequirementOutcome> requirements,
    List<FileOutcome> files) {

  /** The SBOM's file name in the output directory, as Hermeto names it. */
  public static final String SBOM_FILE = "bom.json";

  /**
   * Copies the lists.
   *
   * @param outputDirectory see {@link #outputDirectory()}
   * @param written see {@link #written()}
   * @param diagnostics see {@link #diagnostics()}
   * @param requirements see {@link #requirements()}
   * @param files see {@link #files()}
   */
  public PrefetchResult {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    diagnostics = List.copyOf(diagnostics);
    requirements = List.copyOf(requirements);
    files = List.copyOf(files);
  }

  /**
   * The CycloneDX SBOM ({@value #SBOM_FILE}) of the output, when it was written.
   *
   * @return {@code bom.json} in the output directory, or empty when nothing was written
   */
  public java.util.Optional<Path> sbom() {
    return written
        ? java.util.Optional.of(outputDirectory.resolve(SBOM_FILE))
        : java.util.Optional.empty();
  }

  /**
   * No rule error, every requirement fetched, every file verified.
   *
   * @return whether the prefetch succeeded in full
   */
  public boolean isOk() {
    return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR)
        && requirements.stream().allMatch(RequirementOutcome::isOk)
        && files.stream().allMatch(FileOutcome::isOk);
  }

  /**
   * Whether some failure was the index's or the network's (a retry may cure it).
   *
   * @return whether some problem is of kind {@link PrefetchCode#INDEX}
   */
  public boolean hasIndexFailures() {
    return requirements.stream()
            .anyMatch(r -> r.problem().filter(p -> p.code() == PrefetchCode.INDEX).isPresent())
        || files.stream()
            .anyMatch(f -> f.problem().filter(p -> p.code() == PrefetchCode.INDEX).isPresent());
  }

  /**
   * The requirements that could not be fetched.
   *
   * @return those outcomes, in input order
   */
  public List<RequirementOutcome> failedRequirements() {
    return requirements.stream().filter(r -> !r.isOk()).toList();
  }

  /**
   * The files that could not be fetched.
   *
   * @return those outcomes, by file name
   */
  public List<FileOutcome> failedFiles() {
    return files.stream().filter(f -> !f.isOk()).toList();
  }

  /**
   * How many files had the given status.
   *
   * @param status the status
   * @return the number of files with it
   */
  public long count(FileOutcome.Status status) {
    return files.stream().filter(f -> f.status() == status).count();
  }

  /**
   * The bytes of the files fetched (downloaded or reused).
   *
   * @return the sum of their sizes
   */
  public long bytes() {
    return files.stream().mapToLong(f -> f.size().orElse(0)).sum();
  }

  /**
   * The bytes actually downloaded by this run.
   *
   * @return the sum of the downloaded files' sizes
   */
  public long downloadedBytes() {
    return files.stream()
        .filter(f -> f.status() == FileOutcome.Status.DOWNLOADED)
        .mapToLong(f -> f.size().orElse(0))
        .sum();
  }
}
