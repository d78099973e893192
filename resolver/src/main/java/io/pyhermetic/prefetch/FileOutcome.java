package io.pyhermetic.prefetch;

import io.pyhermetic.error.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened to one file of {@code deps/pip}.
 *
 * @param filename the file name the index gives, also its name under {@code deps/pip}
 * @param url where it comes from, with credentials redacted
 * @param status the outcome
 * @param size its size in bytes, when it was fetched
 * @param sha256 the lower-case hex sha256 of its bytes, when they were read
 * @param requirements the pins ({@code name==version}) it was selected for
 * @param problem why it failed, for {@link Status#FAILED}
 */
public record FileOutcome(
    String filename,
    String url,
    Status status,
    OptionalLong size,
    Optional<String> sha256,
    List<String> requirements,
    Optional<Problem> problem) {

  /** The outcomes. */
  public enum Status {
    /** Downloaded now, and verified. */
    DOWNLOADED,
    /** Taken from the download cache (written by an earlier run), its hash checked again. */
    REUSED,
    /** Not fetched; see {@link FileOutcome#problem()}. */
    FAILED;

    /**
     * The lower-case label used in reports.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Checks the parts and copies the requirements.
   *
   * @throws IllegalArgumentException when a failed file has no problem or another file has one
   * @param filename see {@link #filename()}
   * @param url see {@link #url()}
   * @param status see {@link #status()}
   * @param size see {@link #size()}
   * @param sha256 see {@link #sha256()}
   * @param requirements see {@link #requirements()}
   * @param problem see {@link #problem()}
   */
  public FileOutcome {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(sha256, "sha256");
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(problem, "problem");
    if ((status == Status.FAILED) != problem.isPresent()) {
      throw new IllegalArgumentException("a failed file, and only a failed one, has a problem");
    }
  }

  /**
   * Whether the file was fetched.
   *
   * @return whether it is not {@link Status#FAILED}
   */
  public boolean isOk() {
    return status != Status.FAILED;
  }
}
