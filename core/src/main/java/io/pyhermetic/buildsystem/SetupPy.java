package io.pyhermetic.buildsystem;

import io.pyhermetic.error.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code setup_requires=} (and the string keywords {@code name=} and {@code version=}) of a {@code
 * setup.py}, found the way pybuild-deps does it with Python's AST, by tokens here: a module-level
 * {@code setup(…)} or {@code setuptools.setup(…)} call whose {@code setup_requires} is a list of
 * string literals, or a name bound at module level (possibly through other names) to such a list or
 * to a string. Nothing is executed; anything else is an error.
 */
final class SetupPy {
  private enum Kind {
    NAME,
    STRING,
    OP,
    OTHER,
    NEWLINE
  }

  private record Token(Kind kind, String text, int line, int column, int indent) {}

  private SetupPy() {}

  static List<String> setupRequires(String text, String source) {
    Call call = scan(tokenize(text, source), "setup_requires");
    List<Token> found = call.value();
    if (found == null) {
      if (call.spread() && call.call() != null) {
        throw error(
            source,
            call.call(),
            "setup() takes **keyword arguments; setup_requires cannot be read without running setup.py");
      }
      return List.of();
    }
    if (found.size() == 1 && found.get(0).kind() == Kind.STRING) {
      throw error(source, found.get(0), "setup_requires is a string, not a list");
    }
    return resolve(found, call.assignments(), source, 0);
  }

  /**
   * The string value of keyword {@code keyword} of the {@code setup(…)} call: string literals
   * (adjacent ones joined), or a module-level name bound to them. Empty for anything else, for a
   * missing keyword and for a file that cannot be tokenized: the caller treats the value as
   * unknown.
   */
  static Optional<String> stringKeyword(String text, String source, String keyword) {
    Call call;
    try {
      call = scan(tokenize(text, source), keyword);
    } catch (BuildSystemException e) {
      return Optional.empty();
    }
    return call.value() == null
        ? Optional.empty()
        : resolveString(call.value(), call.assignments(), 0);
  }

  /**
   * A module-level {@code setup(…)} call: the tokens of one keyword's value ({@code null} when not
   * given), whether it spreads {@code **kwargs}, its first token, and the module-level assignments.
   */
  private record Call(
      List<Token> value, boolean spread, Token call, Map<String, List<Token>> assignments) {}

  private static Call scan(List<Token> tokens, String keyword) {
    Map<String, List<Token>> assignments = new HashMap<>();
    List<Token> found = null;
    boolean spread = false;
    Token call = null;
    for (int i = 0; i < tokens.size(); ) {
      int end = i;
      while (end < tokens.size() && tokens.get(end).kind() != Kind.NEWLINE) {
        end++;
      }
      List<Token> statement = tokens.subList(i, end);
      i = end + 1;
      if (statement.isEmpty() || statement.get(0).indent() != 0) {
        continue;
      }
      if (statement.size() >= 3
          && statement.get(0).kind() == Kind.NAME
          && statement.get(1).text().equals("=")) {
        assignments.put(statement.get(0).text(), statement.subList(2, statement.size()));
        continue;
      }
      int open = -1;
      if (statement.size() >= 2
          && statement.get(0).text().equals("setup")
          && statement.get(1).text().equals("(")) {
        open = 1;
      } else if (statement.size() >= 4
          && statement.get(0).text().equals("setuptools")
          && statement.get(1).text().equals(".")
          && statement.get(2).text().equals("setup")
          && statement.get(3).text().equals("(")) {
        open = 3;
      }
      if (open < 0) {
        continue;
      }
      call = statement.get(0);
      int depth = 0;
      for (int k = open; k < statement.size(); k++) {
        Token t = statement.get(k);
        if (t.kind() == Kind.OP && "([{".contains(t.text())) {
          depth++;
        } else if (t.kind() == Kind.OP && ")]}".contains(t.text())) {
          depth--;
        } else if (depth == 1 && t.text().equals("**")) {
          spread = true;
        } else if (depth == 1
            && t.kind() == Kind.NAME
            && t.text().equals(keyword)
            && k + 1 < statement.size()
            && statement.get(k + 1).text().equals("=")) {
          int from = k + 2;
          int to = from;
          int d = 0;
          while (to < statement.size()) {
            Token v = statement.get(to);
            if (v.kind() == Kind.OP && "([{".contains(v.text())) {
              d++;
            } else if (v.kind() == Kind.OP && ")]}".contains(v.text())) {
              if (d == 0) {
                break;
              }
              d--;
            } else if (d == 0 && v.text().equals(",")) {
              break;
            }
            to++;
          }
          found = statement.subList(from, to);
        }
      }
    }
    return new Call(found, spread, call, assignments);
  }

  private static Optional<String> resolveString(
      List<Token> expr, Map<String, List<Token>> assignments, int depth) {
    if (!expr.isEmpty() && expr.stream().allMatch(t -> t.kind() == Kind.STRING)) {
      StringBuilder joined = new StringBuilder();
      expr.forEach(t -> joined.append(t.text()));
      return Optional.of(joined.toString());
    }
    if (expr.size() == 1 && expr.get(0).kind() == Kind.NAME && depth <= 20) {
      List<Token> bound = assignments.get(expr.get(0).text());
      return bound == null ? Optional.empty() : resolveString(bound, assignments, depth + 1);
    }
    return Optional.empty();
  }

  private static List<String> resolve(
      List<Token> expr, Map<String, List<Token>> assignments, String source, int depth) {
    if (expr.isEmpty()) {
      throw new BuildSystemException("", new Location(source, 1, 1), "setup_requires has no value");
    }
    Token first = expr.get(0);
    if (expr.size() == 1 && first.kind() == Kind.NAME) {
      List<Token> bound = assignments.get(first.text());
      if (bound == null || depth > 20) {
        throw error(
            source,
            first,
            "setup_requires refers to " + first.text() + ", which is not a module-level literal");
      }
      return resolve(bound, assignments, source, depth + 1);
    }
    if (expr.stream().allMatch(t -> t.kind() == Kind.STRING)) {
      StringBuilder joined = new StringBuilder();
      expr.forEach(t -> joined.append(t.text()));
      return List.of(joined.toString());
    }
    if (first.text().equals("[") || first.text().equals("(")) {
      String close = first.text().equals("[") ? "]" : ")";
      if (!expr.get(expr.size() - 1).text().equals(close)) {
        throw error(source, first, "setup_requires is not a literal list");
      }
      List<String> items = new ArrayList<>();
      StringBuilder current = null;
      for (Token t : expr.subList(1, expr.size() - 1)) {
        if (t.kind() == Kind.STRING) {
          current = current == null ? new StringBuilder(t.text()) : current.append(t.text());
        } else if (t.text().equals(",")) {
          if (current != null) {
            items.add(current.toString());
            current = null;
          }
        } else {
          throw error(source, t, "setup_requires is not a list of string literals");
        }
      }
      if (current != null) {
        items.add(current.toString());
      }
      return items;
    }
    throw error(source, first, "setup_requires is not a literal list");
  }

  private static BuildSystemException error(String source, Token at, String reason) {
    return new BuildSystemException(
        at.text(), new Location(source, at.line(), at.column()), reason);
  }

  /** Python tokens, enough for module-level assignments and calls. */
  private static List<Token> tokenize(String s, String source) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int line = 1;
    int lineStart = 0;
    int depth = 0;
    int indent = 0;
    boolean atLineStart = true;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (atLineStart) {
        int j = i;
        while (j < s.length()
            && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\f')) {
          j++;
        }
        indent = j - i;
        i = j;
        atLineStart = false;
        continue;
      }
      if (c == '\n') {
        if (depth == 0 && !out.isEmpty() && out.get(out.size() - 1).kind() != Kind.NEWLINE) {
          out.add(new Token(Kind.NEWLINE, "\n", line, i - lineStart + 1, indent));
        }
        i++;
        line++;
        lineStart = i;
        atLineStart = depth == 0;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        i++;
        continue;
      }
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
        i += s.charAt(i + 1) == '\r' && i + 2 < s.length() && s.charAt(i + 2) == '\n' ? 3 : 2;
        line++;
        lineStart = i;
        continue;
      }
      if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      int column = i - lineStart + 1;
      int prefixEnd = i;
      while (prefixEnd < s.length()
          && prefixEnd - i < 2
          && "rRbBuUfF".indexOf(s.charAt(prefixEnd)) >= 0) {
        prefixEnd++;
      }
      if (prefixEnd < s.length() && (s.charAt(prefixEnd) == '\'' || s.charAt(prefixEnd) == '"')) {
        String prefix = s.substring(i, prefixEnd).toLowerCase(java.util.Locale.ROOT);
        char quote = s.charAt(prefixEnd);
        boolean triple = s.startsWith(String.valueOf(quote).repeat(3), prefixEnd);
        String delimiter = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        int start = prefixEnd + delimiter.length();
        int j = start;
        StringBuilder value = new StringBuilder();
        while (true) {
          if (j >= s.length() || (!triple && s.charAt(j) == '\n')) {
            throw new BuildSystemException(
                s, new Location(source, line, column), "unterminated string");
          }
          if (s.startsWith(delimiter, j)) {
            break;
          }
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < s.length() && !prefix.contains("r")) {
            char e = s.charAt(j + 1);
            value.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            j += 2;
            continue;
          }
          if (d == '\n') {
            line++;
            lineStart = j + 1;
          }
          value.append(d);
          j++;
        }
        out.add(
            new Token(
                prefix.contains("f") ? Kind.OTHER : Kind.STRING,
                value.toString(),
                line,
                column,
                indent));
        i = j + delimiter.length();
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(new Token(Kind.NAME, s.substring(i, j), line, column, indent));
        i = j;
        continue;
      }
      if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < s.length()
            && (Character.isLetterOrDigit(s.charAt(j))
                || s.charAt(j) == '.'
                || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(Kind.OTHER, s.substring(i, j), line, column, indent));
        i = j;
        continue;
      }
      String op =
          s.startsWith("**", i)
                  || s.startsWith("==", i)
                  || s.startsWith("!=", i)
                  || s.startsWith("<=", i)
                  || s.startsWith(">=", i)
              ? s.substring(i, i + 2)
              : String.valueOf(c);
      if ("([{".contains(op)) {
        depth++;
      } else if (")]}".contains(op)) {
        depth = Math.max(0, depth - 1);
      } else if (op.equals(";") && depth == 0) {
        out.add(new Token(Kind.NEWLINE, ";", line, column, indent));
        i++;
        continue;
      }
      out.add(new Token(Kind.OP, op, line, column, indent));
      i += op.length();
    }
    out.add(new Token(Kind.NEWLINE, "", line, 1, 0));
    return out;
  }
}
