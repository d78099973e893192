package io.pyhermetic.reqfile;

import io.pyhermetic.reqfile.internal.TextSpan;

/** A line with nothing for pip: empty, or only whitespace, a trailing comment or continuations. */
public final class BlankLine extends SpannedLine implements Line {
  BlankLine(TextSpan span) {
    super(span);
  }
}
