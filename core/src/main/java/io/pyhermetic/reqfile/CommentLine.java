package io.pyhermetic.reqfile;

import io.pyhermetic.reqfile.internal.TextSpan;

/**
 * A comment line that annotates no requirement (an indented comment after a requirement is that
 * requirement's annotation).
 */
public final class CommentLine extends SpannedLine implements Line {
  CommentLine(TextSpan span) {
    super(span);
  }
}
