package io.pyhermetic.requirement;

import io.pyhermetic.error.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for PEP 508 dependency specifiers and markers, token for token the
 * grammar of packaging 26.x ({@code _parser.py} / {@code _tokenizer.py}), so that it accepts and
 * rejects the same strings and reports problems at the same positions with the same wording. This
 * class holds the requirement grammar and the entry points; {@link MarkerParser} the markers and
 * {@link Pep508Cursor} the tokens.
 */
final class Pep508Parser extends MarkerParser {

  /** What a requirement string parses to, before semantic checks. */
  record Parsed(
      String name,
      int nameEnd,
      List<String> extras,
      String url,
      String specifier,
      int specifierStart,
      Marker.Expression marker) {}

  private Pep508Parser(String s) {
    super(s);
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
}
