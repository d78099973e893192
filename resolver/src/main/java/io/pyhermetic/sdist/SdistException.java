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

  private final String sdist;
  private final Kind kind;
  private final String reason;

  public SdistException(String sdist, Kind kind, String reason, Throwable cause) {
    super(Redaction.redact(sdist + ": " + reason), cause);
    this.sdist = Objects.requireNonNull(sdist, "sdist");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.reason = Redaction.redact(Objects.requireNonNull(reason, "reason"));
  }

  public SdistException(String sdist, Kind kind, String reason) {
    this(sdist, kind, reason, null);
  }

  /** The sdist's file name. */
  public String sdist() {
    return sdist;
  }

  public Kind kind() {
    return kind;
  }

  /** The message without the sdist name. */
  public String reason() {
    return reason;
  }
}
