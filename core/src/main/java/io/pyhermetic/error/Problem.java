package io.pyhermetic.error;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that went wrong, or was left out, for one subject of an operation (a package, a file,
 * an input): what sort of problem it is, how serious, what it is about and what happened. Each
 * operation names its sorts of problem in a {@link Code} enum of its own package. {@link
 * #toString()} renders {@code subject: message}, or the message alone without a subject.
 *
 * @param code what sort of problem
 * @param severity an {@link Severity#ERROR} makes the operation's result unusable; a {@link
 *     Severity#WARNING} leaves something out of it without failing it
 * @param subject what the problem is about: {@code name==version}, a file name, the requirement
 *     text or an input file; may be empty
 * @param message what happened, without credentials
 * @param location the input line the problem was found at, where it is known
 * @param chain for a resolution conflict, each conflicting requirement with the path that led to it
 *     ({@code foo==1.0 → hatchling==1.28.0 → packaging>=24}); empty otherwise
 */
public record Problem(
    Code code,
    Severity severity,
    String subject,
    String message,
    Optional<Location> location,
    List<String> chain) {

  /** A sort of problem: implemented by each operation's enum of codes. */
  public interface Code {
    /**
     * The label used in reports and JSON.
     *
     * @return the label
     */
    String label();
  }

  /**
   * Checks that no part is null and copies the chain.
   *
   * @param code see {@link #code()}
   * @param severity see {@link #severity()}
   * @param subject see {@link #subject()}
   * @param message see {@link #message()}
   * @param location see {@link #location()}
   * @param chain see {@link #chain()}
   */
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    chain = List.copyOf(chain);
  }

  /**
   * An error, without location or chain.
   *
   * @param code what sort of problem
   * @param subject what it is about
   * @param message what happened
   * @return the problem
   */
  public static Problem error(Code code, String subject, String message) {
    return new Problem(code, Severity.ERROR, subject, message, Optional.empty(), List.of());
  }

  /**
   * A warning, without location or chain.
   *
   * @param code what sort of problem
   * @param subject what it is about
   * @param message what happened
   * @return the problem
   */
  public static Problem warning(Code code, String subject, String message) {
    return new Problem(code, Severity.WARNING, subject, message, Optional.empty(), List.of());
  }

  /**
   * The same problem, found at {@code where}.
   *
   * @param where the input line it was found at
   * @return the problem with that location
   */
  public Problem at(Location where) {
    return new Problem(code, severity, subject, message, Optional.of(where), chain);
  }

  /**
   * The same problem with the chain of requirements that led to it.
   *
   * @param steps see {@link #chain()}
   * @return the problem with that chain
   */
  public Problem withChain(List<String> steps) {
    return new Problem(code, severity, subject, message, location, steps);
  }

  /**
   * Whether it is an error.
   *
   * @return whether the severity is {@link Severity#ERROR}
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return subject.isEmpty() ? message : subject + ": " + message;
  }
}
