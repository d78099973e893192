package io.pyhermetic.requirement;

import io.pyhermetic.internal.PyText;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker part of packaging 26's grammar ({@code _parser.py}): {@code or}/{@code and}
 * expressions of comparisons between variables and quoted strings, with parentheses.
 */
abstract class MarkerParser extends Pep508Cursor {

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

  /** Deeper nesting is rejected rather than risk the stack (packaging hits Python's limit). */
  static final int MAX_DEPTH = 100;

  private int depth;

  MarkerParser(String s) {
    super(s);
  }

  Marker.Expression marker() {
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
}
