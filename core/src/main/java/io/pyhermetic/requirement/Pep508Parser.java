package io.pyhermetic.requirement;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for PEP 508 dependency specifiers and markers, token for token the
 * grammar of packaging 26.x ({@code _parser.py} / {@code _tokenizer.py}), so that it accepts and
 * rejects the same strings and reports problems at the same positions with the same wording.
 */
final class Pep508Parser {

  /** What a requirement string parses to, before semantic checks. */
  record Parsed(
      String name,
      int nameEnd,
      List<String> extras,
      String url,
      String specifier,
      int specifierStart,
      Marker.Expression marker) {}

  private static final String[] VARIABLES = {
    "python_version",
    "python_full_version",
    "os_name",
    "os.name",
    "sys_platform",
    "sys.platform",
    "platform_release",
    "platform_system",
    "platform_version",
    "platform.version",
    "platform_machine",
    "platform.machine",
    "platform_python_implementation",
    "platform.python_implementation",
    "python_implementation",
    "implementation_name",
    "implementation_version",
    "extra",
    "extras",
    "dependency_groups",
  };

  private static final String[] OPERATORS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};

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

  /** Deeper nesting is rejected rather than risk the stack (packaging hits Python's limit). */
  static final int MAX_DEPTH = 100;

  private final String s;
  private final int n;
  private int pos;
  private int depth;

  private Pep508Parser(String s) {
    this.s = s;
    this.n = s.length();
  }

  static Parsed parseRequirement(String text) {
    Pep508Parser p = new Pep508Parser(text);
    try {
      return p.requirement();
    } catch (SyntaxError e) {
      throw new InvalidRequirementException(text, Location.inString(text, e.end), render(text, e));
    }
  }

  static Marker.Expression parseMarker(String text) {
    Pep508Parser p = new Pep508Parser(text);
    try {
      Marker.Expression expression = p.marker();
      p.expectEnd("end of marker expression");
      return expression;
    } catch (SyntaxError e) {
      throw new InvalidMarkerException(text, Location.inString(text, e.end), render(text, e));
    }
  }

  /** packaging's message: the reason, then the input and a caret under the problem. */
  private static String render(String text, SyntaxError e) {
    return e.getMessage()
        + "\n    "
        + text
        + "\n    "
        + " ".repeat(e.start)
        + "~".repeat(Math.max(0, e.end - e.start))
        + "^";
  }

  // ---------------------------------------------------------------- requirement

  private Parsed requirement() {
    consumeWs();
    int nameEnd = identifier(pos);
    if (nameEnd < 0) {
      throw error("Expected package name at the start of dependency specifier");
    }
    String name = s.substring(pos, nameEnd);
    pos = nameEnd;
    consumeWs();
    List<String> extras = extras();
    consumeWs();

    String url = null;
    String specifier = "";
    int specifierStart = pos;
    Marker.Expression marker = null;
    if (pos < n && s.charAt(pos) == '@') {
      pos++;
      consumeWs();
      int urlStart = pos;
      int urlEnd = pos;
      while (urlEnd < n && s.charAt(urlEnd) != ' ' && s.charAt(urlEnd) != '\t') {
        urlEnd++;
      }
      if (urlEnd == pos) {
        throw error("Expected URL after @");
      }
      url = s.substring(pos, urlEnd);
      pos = urlEnd;
      if (!atEnd()) {
        if (!consumeWs()) {
          throw error("Expected whitespace after URL");
        }
        if (!atEnd()) {
          marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
        }
      }
    } else {
      specifierStart = pos;
      specifier = specifier();
      consumeWs();
      if (!atEnd()) {
        marker =
            requirementMarker(
                specifierStart,
                specifier.isEmpty()
                    ? "semicolon (after name with no version specifier)"
                    : "comma (within version specifier), semicolon (after version specifier)");
      }
    }
    expectEnd("end of dependency specifier");
    return new Parsed(name, nameEnd, extras, url, specifier, specifierStart, marker);
  }

  private Marker.Expression requirementMarker(int spanStart, String expected) {
    if (pos >= n || s.charAt(pos) != ';') {
      throw new SyntaxError("Expected " + expected + " or end", spanStart, pos);
    }
    pos++;
    Marker.Expression marker = marker();
    consumeWs();
    return marker;
  }

  private List<String> extras() {
    List<String> extras = new ArrayList<>();
    if (pos >= n || s.charAt(pos) != '[') {
      return extras;
    }
    int open = pos;
    pos++;
    consumeWs();
    int end = identifier(pos);
    if (end >= 0) {
      extras.add(s.substring(pos, end));
      pos = end;
      while (true) {
        consumeWs();
        if (identifier(pos) >= 0) {
          throw error("Expected comma between extra names");
        }
        if (pos >= n || s.charAt(pos) != ',') {
          break;
        }
        pos++;
        consumeWs();
        end = identifier(pos);
        if (end < 0) {
          throw error("Expected extra name after comma");
        }
        extras.add(s.substring(pos, end));
        pos = end;
      }
    }
    consumeWs();
    if (pos >= n || s.charAt(pos) != ']') {
      throw new SyntaxError(
          "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open, pos);
    }
    pos++;
    return extras;
  }

  private String specifier() {
    int open = -1;
    if (pos < n && s.charAt(pos) == '(') {
      open = pos;
      pos++;
    }
    consumeWs();
    StringBuilder specifiers = new StringBuilder();
    while (true) {
      int end = specifierToken(pos);
      if (end < 0) {
        break;
      }
      int spanStart = pos;
      specifiers.append(s, pos, end);
      pos = end;
      if (s.startsWith(".*", pos)) {
        throw new SyntaxError(
            ".* suffix can only be used with `==` or `!=` operators", spanStart, pos + 1);
      }
      if (localLabelTrailEnd(pos) > pos) {
        throw new SyntaxError(
            "Local version label can only be used with `==` or `!=` operators", spanStart, pos);
      }
      consumeWs();
      if (pos >= n || s.charAt(pos) != ',') {
        break;
      }
      specifiers.append(',');
      pos++;
      consumeWs();
    }
    consumeWs();
    if (open >= 0) {
      if (pos >= n || s.charAt(pos) != ')') {
        throw new SyntaxError(
            "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
            open,
            pos);
      }
      pos++;
    }
    return specifiers.toString();
  }

  // ---------------------------------------------------------------- markers

  private Marker.Expression marker() {
    List<Object> items = new ArrayList<>();
    items.add(markerAtom());
    while (true) {
      String boolop = keywordAt(pos, "or") ? "or" : keywordAt(pos, "and") ? "and" : null;
      if (boolop == null) {
        break;
      }
      pos += boolop.length();
      items.add(boolop);
      items.add(markerAtom());
    }
    return new Marker.Expression(items);
  }

  private Object markerAtom() {
    consumeWs();
    Object atom;
    if (pos < n && s.charAt(pos) == '(') {
      int open = pos;
      if (++depth > MAX_DEPTH) {
        throw error(
            "Marker expression nested too deeply (more than " + MAX_DEPTH + " parentheses)");
      }
      pos++;
      consumeWs();
      atom = marker();
      consumeWs();
      if (pos >= n || s.charAt(pos) != ')') {
        throw new SyntaxError(
            "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
            open,
            pos);
      }
      pos++;
      depth--;
    } else {
      consumeWs();
      Marker.Operand lhs = markerVar();
      consumeWs();
      String op = markerOp();
      consumeWs();
      Marker.Operand rhs = markerVar();
      consumeWs();
      atom = new Marker.Comparison(lhs, op, rhs);
    }
    consumeWs();
    return atom;
  }

  private Marker.Operand markerVar() {
    if (pos > 0 && PyText.isWordChar(s.codePointBefore(pos)) || pos >= n) {
      // a variable needs a word boundary before it; fall through to the quoted-string check
    } else {
      for (String variable : VARIABLES) {
        if (s.startsWith(variable, pos) && PyText.isWordBoundary(s, pos + variable.length())) {
          pos += variable.length();
          String name = variable.replace('.', '_');
          if (name.equals("python_implementation")) {
            name = "platform_python_implementation";
          }
          return new Marker.Operand(true, name);
        }
      }
    }
    if (pos < n && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
      int close = s.indexOf(s.charAt(pos), pos + 1);
      if (close >= 0) {
        int start = pos;
        String value = PythonString.literal(s, start, close + 1);
        pos = close + 1;
        return new Marker.Operand(false, value);
      }
    }
    throw error("Expected a marker variable or quoted string");
  }

  private String markerOp() {
    if (keywordAt(pos, "in")) {
      pos += 2;
      return "in";
    }
    if (keywordAt(pos, "not")) {
      pos += 3;
      if (!consumeWs()) {
        throw error("Expected whitespace after 'not'");
      }
      if (!keywordAt(pos, "in")) {
        throw error("Expected 'in' after 'not'");
      }
      pos += 2;
      return "not in";
    }
    for (String op : OPERATORS) {
      if (s.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    throw error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
  }

  // ---------------------------------------------------------------- tokens

  /** {@code \bWORD\b} at {@code at}. */
  private boolean keywordAt(int at, String word) {
    return s.startsWith(word, at)
        && PyText.isWordBoundary(s, at)
        && PyText.isWordBoundary(s, at + word.length());
  }

  /** {@code [ \t]+}; whether anything was consumed. */
  private boolean consumeWs() {
    int start = pos;
    while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    return pos > start;
  }

  /** The regex {@code $}: the end, or just before a final newline. */
  private boolean atEnd() {
    return pos == n || (pos == n - 1 && s.charAt(pos) == '\n');
  }

  private void expectEnd(String expected) {
    if (!atEnd()) {
      throw error("Expected " + expected);
    }
  }

  /** {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b} at {@code at}: its end, or -1. */
  private int identifier(int at) {
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
  private int localLabelTrailEnd(int at) {
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

  private int lowerAlnumEnd(int from) {
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
  private int specifierToken(int at) {
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
  private int versionBody(int at, boolean equality, int minReleaseParts) {
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
  private int releaseEnd(int at, int minParts) {
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

  private int preLabelLength(int p) {
    for (String label : new String[] {"alpha", "beta", "preview", "pre", "a", "b", "c", "rc"}) {
      if (matchesIgnoreCase(p, label)) {
        return label.length();
      }
    }
    return 0;
  }

  private int postLabelLength(int p) {
    for (String label : new String[] {"post", "rev", "r"}) {
      if (matchesIgnoreCase(p, label)) {
        return label.length();
      }
    }
    return 0;
  }

  private boolean matchesIgnoreCase(int p, String lowerWord) {
    return s.regionMatches(true, p, lowerWord, 0, lowerWord.length())
        && asciiOnly(p, lowerWord.length());
  }

  private boolean asciiOnly(int p, int length) {
    for (int k = p; k < p + length; k++) {
      if (s.charAt(k) > 127) {
        return false;
      }
    }
    return true;
  }

  private int digitsEnd(int from) {
    int i = from;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private int asciiAlnumEnd(int from) {
    int i = from;
    while (i < n && isAsciiAlnum(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private SyntaxError error(String message) {
    return new SyntaxError(message, pos, pos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '_' || c == '-';
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
