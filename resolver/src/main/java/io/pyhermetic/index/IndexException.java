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

  private final String project;
  private final String url;
  private final String reason;
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

  /** The project (and version) the look-up was for, when known. */
  public Optional<String> project() {
    return project.isEmpty() ? Optional.empty() : Optional.of(project);
  }

  /** The URL or path that was read, with credentials redacted. */
  public String url() {
    return url;
  }

  /** What went wrong. */
  public String reason() {
    return reason;
  }

  /** The HTTP status that ended the look-up, when one did. */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Whether the index answered that the project or release does not exist (HTTP 404/410; a local
   * directory reports a missing project or release as 404 too).
   */
  public boolean isNotFound() {
    return status == 404 || status == 410;
  }
}
