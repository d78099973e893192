package io.pyhermetic.requirement;

import io.pyhermetic.internal.PyText;

/**
 * The tokens of packaging's PEP 508 grammar ({@code _tokenizer.py}), matched at a position in the
 * input: whitespace, identifiers, keywords, version specifiers; and the syntax error the parsers
 * built on it throw.
 */
abstract class Pep508Cursor {

  /** Thrown inside the parser; converted to the public exception by the entry points. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int start;
    final int end;

    SyntaxError(String message, int start, int end) {
      super(message, null, false, false);
      this.start = start;
      this.end = end;
    }
  }

  final String s;
  final int n;
  int pos;

  Pep508Cursor(String s) {
    this.s = s;
    this.n = s.length();
  }

  // ---------------------------------------------------------------- tokens

  /** {@code \bWORD\b} at {@code at}. */
  boolean keywordAt(int at, String word) {
    return s.startsWith(word, at)
        && PyText.isWordBoundary(s, at)
        && PyText.isWordBoundary(s, at + word.length());
  }

  /** {@code [ \t]+}; whether anything was consumed. */
  boolean consumeWs() {
    int start = pos;
    while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    return pos > start;
  }

  /** The regex {@code $}: the end, or just before a final newline. */
  boolean atEnd() {
    return pos == n || (pos == n - 1 && s.charAt(pos) == '\n');
  }

  void expectEnd(String expected) {
    if (!atEnd()) {
      throw error("Expected " + expected);
    }
  }

  /** {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b} at {@code at}: its end, or -1. */
  int identifier(int at) {
    if (at >= n || !isAsciiAlnum(s.charAt(at)) || !PyText.isWordBoundary(s, at)) {
      return -1;
    }
    int end = at + 1;
    while (end < n && (isAsciiAlnum(s.charAt(end)) || "._-".indexOf(s.charAt(end)) >= 0)) {
      end++;
    }
    for (int k = end; k > at; k--) {
      if (PyText.isWordBoundary(s, k)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * {@code \+[a-z0-9]+(?:[-_.][a-z0-9]+)*} (lower case only, as packaging's rule) at {@code at}.
   */
  int localLabelTrailEnd(int at) {
    if (at >= n || s.charAt(at) != '+') {
      return at;
    }
    int i = lowerAlnumEnd(at + 1);
    if (i == at + 1) {
      return at;
    }
    while (i + 1 < n && "-_.".indexOf(s.charAt(i)) >= 0 && lowerAlnumEnd(i + 1) > i + 1) {
      i = lowerAlnumEnd(i + 1);
    }
    return i;
  }

  int lowerAlnumEnd(int from) {
    int i = from;
    while (i < n && ((s.charAt(i) >= 'a' && s.charAt(i) <= 'z') || isDigit(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  /**
   * The SPECIFIER token (packaging's specifier regular expression, matched at {@code at} without
   * surrounding whitespace): its end, or -1.
   */
  int specifierToken(int at) {
    if (s.startsWith("===", at)) {
      int i = PyText.skipSpace(s, at + 3);
      while (i < n) {
        int cp = s.codePointAt(i);
        if (PyText.isSpace(cp) || cp == ';' || cp == ')') {
          break;
        }
        i += Character.charCount(cp);
      }
      return i;
    }
    if (s.startsWith("==", at) || s.startsWith("!=", at)) {
      return versionBody(PyText.skipSpace(s, at + 2), true, 1);
    }
    if (s.startsWith("~=", at)) {
      return versionBody(PyText.skipSpace(s, at + 2), false, 2);
    }
    if (s.startsWith("<=", at) || s.startsWith(">=", at)) {
      int end = versionBody(PyText.skipSpace(s, at + 2), false, 1);
      if (end >= 0) {
        return end;
      }
    }
    if (at < n && (s.charAt(at) == '<' || s.charAt(at) == '>')) {
      return versionBody(PyText.skipSpace(s, at + 1), false, 1);
    }
    return -1;
  }

  /**
   * The version part of a specifier token: {@code v? (N!)? N(.N)*} then, for {@code ==}/{@code !=},
   * {@code .*} or pre/post/dev/local, otherwise pre/post/dev. Greedy, like the regex.
   */
  int versionBody(int at, boolean equality, int minReleaseParts) {
    int i = at;
    if (i < n && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
      i++;
    }
    int afterV = i;
    int release = releaseEnd(i, minReleaseParts);
    int digits = digitsEnd(i);
    if (digits > i && digits < n && s.charAt(digits) == '!') {
      int withEpoch = releaseEnd(digits + 1, minReleaseParts);
      if (withEpoch >= 0) {
        release = withEpoch;
      }
    }
    if (release < 0) {
      return -1;
    }
    i = release;
    if (afterV < 0) {
      return -1;
    }
    if (equality && s.startsWith(".*", i)) {
      return i + 2;
    }
    int p = i;
    if (p < n && isSeparator(s.charAt(p))) {
      p++;
    }
    int pre = preLabelLength(p);
    if (pre > 0) {
      p += pre;
      if (p < n && isSeparator(s.charAt(p))) {
        p++;
      }
      i = digitsEnd(p);
    }
    if (i + 1 < n && s.charAt(i) == '-' && isDigit(s.charAt(i + 1))) {
      i = digitsEnd(i + 1);
    } else {
      p = i;
      if (p < n && isSeparator(s.charAt(p))) {
        p++;
      }
      int post = postLabelLength(p);
      if (post > 0) {
        p += post;
        if (p < n && isSeparator(s.charAt(p))) {
          p++;
        }
        i = digitsEnd(p);
      }
    }
    p = i;
    if (p < n && isSeparator(s.charAt(p))) {
      p++;
    }
    if (matchesIgnoreCase(p, "dev")) {
      p += 3;
      if (p < n && isSeparator(s.charAt(p))) {
        p++;
      }
      i = digitsEnd(p);
    }
    if (equality && i + 1 < n && s.charAt(i) == '+' && isAsciiAlnum(s.charAt(i + 1))) {
      i = asciiAlnumEnd(i + 1);
      while (i + 1 < n && isSeparator(s.charAt(i)) && isAsciiAlnum(s.charAt(i + 1))) {
        i = asciiAlnumEnd(i + 1);
      }
    }
    return i;
  }

  /** {@code N(.N)*} with at least {@code minParts} numbers: its end, or -1. */
  int releaseEnd(int at, int minParts) {
    int i = digitsEnd(at);
    if (i == at) {
      return -1;
    }
    int parts = 1;
    while (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
      i = digitsEnd(i + 1);
      parts++;
    }
    return parts >= minParts ? i : -1;
  }

  int preLabelLength(int p) {
    for (String label : new String[] {"alpha", "beta", "preview", "pre", "a", "b", "c", "rc"}) {
      if (matchesIgnoreCase(p, label)) {
        return label.length();
      }
    }
    return 0;
  }

  int postLabelLength(int p) {
    for (String label : new String[] {"post", "rev", "r"}) {
      if (matchesIgnoreCase(p, label)) {
        return label.length();
      }
    }
    return 0;
  }

  boolean matchesIgnoreCase(int p, String lowerWord) {
    return s.regionMatches(true, p, lowerWord, 0, lowerWord.length())
        && asciiOnly(p, lowerWord.length());
  }

  boolean asciiOnly(int p, int length) {
    for (int k = p; k < p + length; k++) {
      if (s.charAt(k) > 127) {
        return false;
      }
    }
    return true;
  }

  int digitsEnd(int from) {
    int i = from;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  int asciiAlnumEnd(int from) {
    int i = from;
    while (i < n && isAsciiAlnum(s.charAt(i))) {
      i++;
    }
    return i;
  }

  SyntaxError error(String message) {
    return new SyntaxError(message, pos, pos);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isSeparator(char c) {
    return c == '.' || c == '_' || c == '-';
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
