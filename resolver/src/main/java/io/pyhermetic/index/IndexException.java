package io.pyhermetic.index;

import io.pyhermetic.error.PyhermeticException;
import io.pyhermetic.text.Redaction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The unchecked exception of the index layer: a look-up that failed, naming the project, the URL
 * (with any credentials redacted) and the reason.
 */
public class IndexException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /** The project (and version) the look-up was for, or an empty string. */
  private final String project;

  /** The URL or path that was read, with credentials redacted. */
  private final String url;

  /** What went wrong. */
  private final String reason;

  /** The HTTP status that ended the look-up, or -1. */
  private final int status;

  /**
   * @param project the project (and version) the look-up was for, or an empty string
   * @param url the URL or path that was read; credentials in it are redacted
   * @param reason what went wrong, without the project or URL
   * @param status the HTTP status that ended the look-up, or -1
   * @param cause the underlying failure, or {@code null}
   */
  public IndexException(String project, String url, String reason, int status, Throwable cause) {
    super(render(project, url, reason), cause);
    this.project = Objects.requireNonNull(project, "project");
    this.url = Redaction.redact(Objects.requireNonNull(url, "url"));
    this.reason = Redaction.redact(Objects.requireNonNull(reason, "reason"));
    this.status = status;
  }

  /**
   * A failure without an HTTP status or cause.
   *
   * @param project the project (and version) the look-up was for, or an empty string
   * @param url the URL or path that was read; credentials in it are redacted
   * @param reason what went wrong, without the project or URL
   */
  public IndexException(String project, String url, String reason) {
    this(project, url, reason, -1, null);
  }

  private static String render(String project, String url, String reason) {
    StringBuilder out = new StringBuilder();
    if (project != null && !project.isEmpty()) {
      out.append(project).append(": ");
    }
    out.append(reason);
    if (url != null && !url.isEmpty()) {
      out.append(" (").append(url).append(')');
    }
    return Redaction.redact(out.toString());
  }

  /**
   * The project (and version) the look-up was for, when known.
   *
   * @return the project, or empty
   */
  public Optional<String> project() {
    return project.isEmpty() ? Optional.empty() : Optional.of(project);
  }

  /**
   * The URL or path that was read, with credentials redacted.
   *
   * @return the redacted URL
   */
  public String url() {
    return url;
  }

  /**
   * What went wrong.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * The HTTP status that ended the look-up, when one did.
   *
   * @return the status, or empty
   */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Whether the index answered that the project or release does not exist (HTTP 404/410; a local
   * directory reports a missing project or release as 404 too).
   *
   * @return {@code true} for a missing project or release
   */
  public boolean isNotFound() {
    return status == 404 || status == 410;
  }
}
