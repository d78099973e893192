package io.pyhermetic.reqfile;

/** What a requirement line names. */
public enum EntryKind {
  /** A PEP 508 requirement: {@code name[extras] specifiers ; marker} or {@code name @ url}. */
  REQUIREMENT,
  /** A bare URL ({@code https://…/pkg-1.0.tar.gz}, {@code git+https://…#egg=x}). */
  URL,
  /** A local path (a directory or an archive). */
  PATH,
  /** An {@code -e}/{@code --editable} line. */
  EDITABLE
}
