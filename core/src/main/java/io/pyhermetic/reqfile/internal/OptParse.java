package io.pyhermetic.reqfile.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Python's {@code optparse} that pip's requirements-file parser relies on: long
 * options with unambiguous prefixes and {@code =value}, short options with attached or separate
 * values, values taken even when they start with {@code -}, {@code --} ending the options, and
 * positional leftovers collected (pip discards them).
 */
public final class OptParse {

  /**
   * One option as given.
   *
   * @param option which option
   * @param value its value, null for flags
   * @param offset where its token starts
   * @param nameLength how much of the long name was typed, or -1 for the short name
   * @param joined whether the value was joined to the name ({@code --x=v}, {@code -xv})
   */
  public record Use(OptionSpec option, String value, int offset, int nameLength, boolean joined) {
    /**
     * The option as written in its token: the name as typed, with the value when joined to it.
     *
     * @return the written form ({@code --hash=sha256:…}, {@code -i}, {@code --index})
     */
    public String written() {
      String name =
          nameLength < 0 ? option.shortName() : option.longName().substring(0, nameLength);
      if (!joined) {
        return name;
      }
      return nameLength < 0 ? name + value : name + "=" + value;
    }
  }

  /** The options of one line, in order, and the positional arguments pip drops. */
  public record Result(List<Use> uses, List<Shlex.Token> leftovers) {}

  /** optparse's error, with its message and the offset of the token at fault. */
  public static final class OptionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where the token at fault starts. */
    private final int offset;

    OptionException(String message, int offset) {
      super(message, null, false, false);
      this.offset = offset;
    }

    /**
     * Where the token at fault starts.
     *
     * @return where the token at fault starts
     */
    public int offset() {
      return offset;
    }
  }

  private OptParse() {}

  /**
   * Reads a line's options as optparse does.
   *
   * @param tokens the tokens
   * @return the result
   * @throws OptionException for an unknown or ambiguous option, or a missing or unwanted value
   */
  public static Result parse(List<Shlex.Token> tokens) throws OptionException {
    List<Use> uses = new ArrayList<>(tokens.size());
    List<Shlex.Token> leftovers = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Shlex.Token token = tokens.get(i);
      if (token.length() == 2 && token.startsWith("--")) {
        leftovers.addAll(tokens.subList(i + 1, tokens.size()));
        break;
      }
      if (token.startsWith("--")) {
        int eq = token.indexOf('=');
        boolean explicit = eq >= 0;
        String value = explicit ? token.textFrom(eq + 1) : null;
        // the usual case, an exact --hash=..., needs no name string at all
        OptionSpec option =
            explicit && eq == 6 && token.startsWith("--hash=")
                ? OptionSpec.HASH
                : matchLong(explicit ? token.prefix(eq) : token.text(), token.offset());
        i++;
        if (option.takesValue()) {
          if (!explicit) {
            if (i >= tokens.size()) {
              throw new OptionException(
                  option.longName() + " option requires 1 argument", token.offset());
            }
            value = tokens.get(i).text();
            i++;
          }
        } else if (explicit) {
          throw new OptionException(
              option.longName() + " option does not take a value", token.offset());
        }
        int typed = explicit ? eq : token.length();
        uses.add(new Use(option, value, token.offset(), typed, explicit));
      } else if (token.startsWith("-") && token.length() > 1) {
        String arg = token.text();
        String name = arg.substring(0, 2);
        OptionSpec option = OptionSpec.shortOption(name);
        if (option == null) {
          throw new OptionException("no such option: " + name, token.offset());
        }
        i++;
        String value;
        boolean joined = arg.length() > 2;
        if (joined) {
          value = arg.substring(2);
        } else if (i < tokens.size()) {
          value = tokens.get(i).text();
          i++;
        } else {
          throw new OptionException(name + " option requires 1 argument", token.offset());
        }
        uses.add(new Use(option, value, token.offset(), -1, joined));
      } else {
        leftovers.add(token);
        i++;
      }
    }
    return new Result(uses, leftovers);
  }

  private static OptionSpec matchLong(String name, int offset) throws OptionException {
    OptionSpec exact = OptionSpec.longOptions().get(name);
    if (exact != null) {
      return exact;
    }
    List<String> candidates = new ArrayList<>();
    for (String known : OptionSpec.longOptions().keySet()) {
      if (known.startsWith(name)) {
        candidates.add(known);
      }
    }
    if (candidates.size() == 1) {
      return OptionSpec.longOptions().get(candidates.get(0));
    }
    if (candidates.isEmpty()) {
      throw new OptionException("no such option: " + name, offset);
    }
    throw new OptionException(
        "ambiguous option: " + name + " (" + String.join(", ", candidates) + "?)", offset);
  }
}
