package io.pyhermetic.index.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code .netrc} file, read as Python's {@code netrc} module reads it:
 * whitespace-separated tokens (double quotes and backslash escapes allowed), {@code machine NAME}
 * or {@code default} entries with {@code login}/{@code user}, {@code account} and {@code password}
 * values, a later entry for the same machine replacing an earlier one, {@code macdef NAME} bodies
 * skipped up to the next empty line, and {@code #} starting a comment up to the end of the line.
 */
public final class Netrc {
  /**
   * A login and password.
   *
   * @param login the login
   * @param password the password
   */
  public record Entry(String login, String password) {
    /**
     * Checks that neither part is null.
     *
     * @param login the login
     * @param password the password
     */
    public Entry {
      Objects.requireNonNull(login, "login");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Entry[login=***, password=***]"; // never shown
    }
  }

  /** A malformed file; the message never quotes the file's tokens, which may be secrets. */
  public static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String message, int line) {
      super("line " + line + ": " + message);
    }
  }

  private final Map<String, Entry> machines;
  private final Optional<Entry> fallback;

  private Netrc(Map<String, Entry> machines, Optional<Entry> fallback) {
    this.machines = machines;
    this.fallback = fallback;
  }

  /**
   * The entry for {@code host} (case-insensitive), else the {@code default} entry.
   *
   * @param host the host
   * @return the entry, or empty
   */
  public Optional<Entry> lookup(String host) {
    return machine(host).or(this::fallback);
  }

  /**
   * The {@code machine} entry for {@code host} (case-insensitive).
   *
   * @param host the host
   * @return the entry, or empty
   */
  public Optional<Entry> machine(String host) {
    return Optional.ofNullable(machines.get(host.toLowerCase(Locale.ROOT)));
  }

  /**
   * The {@code default} entry.
   *
   * @return the entry, or empty
   */
  public Optional<Entry> fallback() {
    return fallback;
  }

  /**
   * Parses {@code text}; throws {@link ParseException} for what Python's parser rejects.
   *
   * @param text the netrc file's text
   * @return the parsed file
   */
  public static Netrc parse(String text) {
    Lexer lexer = new Lexer(text);
    Map<String, Entry> machines = new LinkedHashMap<>();
    Entry fallback = null;
    String token = lexer.next();
    while (token != null) {
      int line = lexer.line;
      String name;
      if (token.equals("machine")) {
        name = lexer.next();
        if (name == null) {
          throw new ParseException("machine without a name", line);
        }
      } else if (token.equals("default")) {
        name = null;
      } else if (token.equals("macdef")) {
        if (lexer.next() == null) {
          throw new ParseException("macdef without a name", line);
        }
        lexer.skipMacro();
        token = lexer.next();
        continue;
      } else {
        throw new ParseException("unexpected token at the top level", line);
      }
      String login = "";
      String password = "";
      for (token = lexer.next(); token != null; token = lexer.next()) {
        if (token.equals("login") || token.equals("user")) {
          login = value(lexer, token);
        } else if (token.equals("password")) {
          password = value(lexer, token);
        } else if (token.equals("account")) {
          value(lexer, token);
        } else if (token.equals("machine") || token.equals("default") || token.equals("macdef")) {
          break;
        } else {
          throw new ParseException("unexpected token in an entry", lexer.line);
        }
      }
      Entry entry = new Entry(login, password);
      if (name == null) {
        fallback = entry;
      } else {
        machines.put(name.toLowerCase(Locale.ROOT), entry);
      }
    }
    return new Netrc(Map.copyOf(machines), Optional.ofNullable(fallback));
  }

  private static String value(Lexer lexer, String key) {
    String value = lexer.next();
    if (value == null) {
      throw new ParseException(key + " without a value", lexer.line);
    }
    return value;
  }

  private static final class Lexer {
    private final String text;
    private int pos;
    int line = 1;

    Lexer(String text) {
      this.text = text;
    }

    private int read() {
      if (pos >= text.length()) {
        return -1;
      }
      char c = text.charAt(pos++);
      if (c == '\n') {
        line++;
      }
      return c;
    }

    /** The next token, or {@code null} at the end; comments are skipped. */
    String next() {
      while (true) {
        int c = read();
        while (c != -1 && Character.isWhitespace(c)) {
          c = read();
        }
        if (c == -1) {
          return null;
        }
        if (c == '#') {
          while (c != -1 && c != '\n') {
            c = read();
          }
          continue;
        }
        StringBuilder token = new StringBuilder();
        if (c == '"') {
          for (c = read(); c != -1 && c != '"'; c = read()) {
            token.append((char) (c == '\\' ? escaped() : c));
          }
          return token.toString();
        }
        for (; c != -1 && !Character.isWhitespace(c); c = read()) {
          token.append((char) (c == '\\' ? escaped() : c));
        }
        return token.toString();
      }
    }

    private int escaped() {
      int c = read();
      return c == -1 ? '\\' : c;
    }

    /** Skips a macro body: the lines after the current one, up to and including an empty one. */
    void skipMacro() {
      if (pos > 0 && text.charAt(pos - 1) != '\n') {
        skipLine();
      }
      while (pos < text.length()) {
        if (text.charAt(pos) == '\n') {
          read();
          return;
        }
        skipLine();
      }
    }

    private void skipLine() {
      for (int c = read(); c != -1 && c != '\n'; c = read()) {
        // skip
      }
    }
  }
}
