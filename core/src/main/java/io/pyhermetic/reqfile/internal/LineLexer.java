package io.pyhermetic.reqfile.internal;

import io.pyhermetic.internal.PyText;
import io.pyhermetic.reqfile.VariableUse;
import io.pyhermetic.text.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical side of pip's requirements-file reading: physical lines joined into logical ones
 * (continuations, comment lines), comments stripped, {@code ${VAR}} expanded, and each line's
 * requirement part told from its options.
 */
public final class LineLexer {
  private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");

  /**
   * One logical line, lexed.
   *
   * @param line the logical line
   * @param content its text without comment and surrounding whitespace, variables expanded
   * @param at where offsets in {@code content} are in the file
   * @param optionStart where the options start in {@code content} (its length when none)
   * @param secrets the values of credential variables expanded here, with their {@code ${NAME}}
   * @param variables every {@code ${NAME}} written on the line, expanded or not
   */
  public record Lexed(
      LogicalLine line,
      String content,
      Locator at,
      int optionStart,
      Map<String, String> secrets,
      List<VariableUse> variables) {

    /**
     * The requirement part: what precedes the first option.
     *
     * @return the requirement text, empty when the line starts with an option
     */
    public String requirementPart() {
      if (optionStart == content.length()) {
        return content;
      }
      return optionStart == 0 ? "" : content.substring(0, optionStart - 1);
    }
  }

  private final String source;
  private final Map<String, String> environment;
  private final LogicalLine.Reader lines;

  /**
   * Lexes a file's text from its start.
   *
   * @param text the decoded text
   * @param source the name used in locations
   * @param environment the variables {@code ${NAME}} expands to
   */
  public LineLexer(String text, String source, Map<String, String> environment) {
    this(text, 0, 1, source, environment);
  }

  /**
   * Lexes a file's text from a physical line on.
   *
   * @param text the decoded text
   * @param from where the physical line starts
   * @param firstNumber its 1-based number
   * @param source the name used in locations
   * @param environment the variables {@code ${NAME}} expands to
   */
  public LineLexer(
      String text, int from, int firstNumber, String source, Map<String, String> environment) {
    this.source = source;
    this.environment = environment;
    this.lines = LogicalLine.reader(text, from, firstNumber);
  }

  /**
   * Whether a logical line is left.
   *
   * @return whether {@link #next()} has a line
   */
  public boolean hasNext() {
    return lines.hasNext();
  }

  /**
   * Lexes the next logical line.
   *
   * @return the line's content, options start and variables
   * @throws java.util.NoSuchElementException at the end of the text
   */
  public Lexed next() {
    return lex(lines.next());
  }

  /**
   * Whether the next line is an annotation of the entry before it: a single indented comment line,
   * as uv and pip-compile write {@code # via} lines.
   *
   * @return whether the next line is an annotation line
   */
  public boolean nextIsAnnotation() {
    LogicalLine line = lines.peek();
    if (line == null || !line.isComment() || line.firstLine() != line.lastLine()) {
      return false;
    }
    String text = line.text().substring(1); // pip prepends a space to comment lines
    return !text.isEmpty() && PyText.isSpace(text.charAt(0));
  }

  /**
   * Consumes the next line without lexing it (an annotation, which belongs to its entry).
   *
   * @return the line
   */
  public LogicalLine skip() {
    return lines.next();
  }

  private Lexed lex(LogicalLine line) {
    String content = stripComment(line.text());
    int leading = PyText.skipSpace(content, 0);
    content = content.substring(leading, PyText.trimEnd(content, leading, content.length()));
    if (content.isEmpty()) {
      Locator at = new Locator(source, line.positions(), leading, -1, 0);
      return new Lexed(line, content, at, 0, Map.of(), List.of());
    }
    int expandedAt = -1;
    Map<String, String> secrets = Map.of();
    List<VariableUse> variables = List.of();
    if (content.contains("${")) {
      Matcher m = ENV_VAR.matcher(content);
      Map<String, String> replacements = new LinkedHashMap<>();
      secrets = new LinkedHashMap<>();
      variables = new ArrayList<>();
      while (m.find()) {
        variables.add(new VariableUse(m.group(), line.locate(source, leading + m.start())));
        String value = environment.get(m.group(1));
        if (value != null && !value.isEmpty()) {
          replacements.putIfAbsent(m.group(), value);
          if (Redaction.isCredentialName(m.group(1))) {
            secrets.putIfAbsent(value, m.group());
          }
          if (expandedAt < 0) {
            expandedAt = m.start();
          }
        }
      }
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        content = content.replace(r.getKey(), r.getValue());
      }
    }
    Locator at = new Locator(source, line.positions(), leading, expandedAt, 0);
    return new Lexed(line, content, at, optionStart(content), secrets, variables);
  }

  /** pip's break_args_options: the requirement runs up to the first token starting with '-'. */
  private static int optionStart(String content) {
    for (int pos = 0; pos < content.length(); ) {
      if (content.charAt(pos) == '-') {
        return pos;
      }
      int space = content.indexOf(' ', pos);
      if (space < 0) {
        break;
      }
      pos = space + 1;
    }
    return content.length();
  }

  /**
   * pip's comment rule: from a # at the start or after whitespace to the end of the line.
   *
   * @param line a logical line's text
   * @return the text before the comment
   */
  public static String stripComment(String line) {
    for (int i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
      if (i == 0 || PyText.isSpace(line.charAt(i - 1))) {
        int start = i;
        while (start > 0 && PyText.isSpace(line.charAt(start - 1))) {
          start--;
        }
        return line.substring(0, start);
      }
    }
    return line;
  }

  /**
   * The names of {@code # via a} or {@code # via} followed by {@code # a} lines.
   *
   * @param annotation the annotation lines of an entry
   * @return the names, in order
   */
  public static List<String> parseVia(String annotation) {
    List<String> via = new ArrayList<>();
    boolean inVia = false;
    for (int[] bounds : LogicalLine.physicalLines(annotation)) {
      String line = PyText.strip(annotation.substring(bounds[0], bounds[1]));
      if (!line.startsWith("#")) {
        continue;
      }
      String body = line.substring(1);
      String trimmed = PyText.strip(body);
      if (trimmed.equals("via")) {
        inVia = true;
      } else if (trimmed.startsWith("via ")) {
        via.add(PyText.strip(trimmed.substring(4)));
        inVia = false;
      } else if (inVia && body.startsWith("   ") && !trimmed.isEmpty()) {
        via.add(trimmed);
      } else {
        inVia = false;
      }
    }
    return via;
  }
}
