package io.pyhermetic.sdist;

import io.pyhermetic.error.PyhermeticException;
import io.pyhermetic.text.Redaction;
import java.util.Objects;

/**
 * An sdist that cannot be used: unreadable, unsafe, too large, or not the bytes that were expected.
 * {@link #getMessage()} renders {@code sdist: reason}.
 */
public class SdistException extends PyhermeticException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The file name has no archive suffix this reader knows. */
    UNSUPPORTED_FORMAT,
    /** The archive is truncated or not an archive of its kind. */
    CORRUPT,
    /** A member has an absolute path or a {@code ..} segment. */
    UNSAFE_PATH,
    /** A file that would be read is a symbolic or hard link. */
    LINK,
    /** A member or the whole archive expands beyond the configured limit. */
    TOO_LARGE,
    /** The downloaded bytes are not among the sha256 hashes the requirement pins. */
    HASH_MISMATCH,
    /** The downloaded bytes differ from the sha256 the index lists for the file. */
    INDEX_DIGEST_MISMATCH,
    /** The download itself failed. */
    DOWNLOAD_FAILED
  }

  /** The sdist's file name. */
  private final String sdist;

  /** What kind of failure this is. */
  private final Kind kind;

  /** The message without the sdist name. */
  private final String reason;

  /**
   * A failure with {@code sdist}, caused by another failure.
   *
   * @param sdist the sdist's file name
   * @param kind what kind of failure
   * @param reason what went wrong
   * @param cause the failure that caused it, or null
   */
  public SdistException(String sdist, Kind kind, String reason, Throwable cause) {
    super(Redaction.redact(sdist + ": " + reason), cause);
    this.sdist = Objects.requireNonNull(sdist, "sdist");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.reason = Redaction.redact(Objects.requireNonNull(reason, "reason"));
  }

  /**
   * A failure with {@code sdist}.
   *
   * @param sdist the sdist's file name
   * @param kind what kind of failure
   * @param reason what went wrong
   */
  public SdistException(String sdist, Kind kind, String reason) {
    this(sdist, kind, reason, null);
  }

  /**
   * The sdist's file name.
   *
   * @return the file name
   */
  public String sdist() {
    return sdist;
  }

  /**
   * What kind of failure this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The message without the sdist name.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
