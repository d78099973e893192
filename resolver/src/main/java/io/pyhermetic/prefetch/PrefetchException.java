package io.pyhermetic.prefetch;

import io.pyhermetic.error.PyhermeticException;
import io.pyhermetic.hermeto.HermetoValidator;
import java.util.List;
import java.util.Objects;

/**
 * A prefetch that could not start or could not put its output in place: an input Hermeto would
 * reject (with every violation, in Hermeto's words and locations), a package Hermeto would reject
 * (no name can be found for it), an output directory that is not ours to replace, or a local I/O
 * failure. Per-file and per-requirement failures are not exceptions; they are outcomes in the
 * {@link PrefetchResult}.
 */
public class PrefetchException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /** Why the prefetch stopped. */
  public enum Kind {
    /** The Hermeto input is invalid; see {@link #violations()}. */
    INVALID_INPUT,
    /**
     * A package of the input Hermeto would reject before fetching anything (no name for its SBOM
     * component: Hermeto's {@code PackageRejected}).
     */
    PACKAGE_REJECTED,
    /** The output directory exists and may not be replaced. */
    OUTPUT_EXISTS,
    /** Reading or writing local files failed. */
    IO,
    /** A vulnerability service did not answer for some pin (nothing was written). */
    ADVISORY_FAILURE
  }

  /** What failed. */
  private final Kind kind;

  /** For {@link Kind#INVALID_INPUT}: every violation; else empty. */
  private final transient List<HermetoValidator.Violation> violations;

  /**
   * A failure of the whole prefetch.
   *
   * @param kind what failed
   * @param message what happened, without credentials
   * @param cause the underlying failure, or null
   */
  public PrefetchException(Kind kind, String message, Throwable cause) {
    this(kind, message, List.of(), cause);
  }

  private PrefetchException(
      Kind kind, String message, List<HermetoValidator.Violation> violations, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.violations = List.copyOf(violations);
  }

  /**
   * An input Hermeto would reject, with its report as the message.
   *
   * @param result the validation that failed
   * @return the exception, of kind {@link Kind#INVALID_INPUT}
   */
  public static PrefetchException invalidInput(HermetoValidator.Result result) {
    return new PrefetchException(Kind.INVALID_INPUT, result.report(), result.violations(), null);
  }

  /**
   * What failed.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * For {@link Kind#INVALID_INPUT}: every violation with its JSON location.
   *
   * @return the violations, empty for other kinds
   */
  public List<HermetoValidator.Violation> violations() {
    return violations;
  }
}
