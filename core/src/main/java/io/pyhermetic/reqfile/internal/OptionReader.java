package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of a requirements-file line as pip 23.2.1 parses them: split as {@code shlex} does,
 * read as {@code optparse} does, and checked as pip's option callbacks check them.
 */
public final class OptionReader {
  private OptionReader() {}

  /**
   * Reads the options of a lexed line.
   *
   * @param lexed the line
   * @param messages where errors are worded and warnings go
   * @return the options in order, empty when the line has none
   * @throws io.pyhermetic.reqfile.RequirementsFileException for options pip rejects
   */
  public static List<OptParse.Use> read(LineLexer.Lexed lexed, Messages messages) {
    String content = lexed.content();
    int optionStart = lexed.optionStart();
    Locator at = lexed.at();
    if (optionStart >= content.length()) {
      return List.of();
    }
    List<Shlex.Token> tokens;
    try {
      tokens = Shlex.split(content, optionStart);
    } catch (Shlex.SplitException e) {
      throw messages.error(
          at.locate(optionStart),
          "Invalid requirement: "
              + content
              + "\nCould not split options: "
              + content.substring(optionStart)
              + " ("
              + e.getMessage()
              + ")");
    }
    List<OptParse.Use> uses;
    try {
      OptParse.Result result = OptParse.parse(tokens);
      uses = result.uses();
      if (!result.leftovers().isEmpty()) {
        List<String> dropped = new ArrayList<>();
        result.leftovers().forEach(t -> dropped.add(t.text()));
        messages.warn(
            "ignored-arguments",
            at.locate(optionStart + result.leftovers().get(0).offset()),
            "pip ignores "
                + PyText.repr(String.join(" ", dropped))
                + " after the options of this line (a requirement or marker must come"
                + " before the first option)");
      }
    } catch (OptParse.OptionException e) {
      throw messages.error(at.locate(optionStart + e.offset()), e.getMessage());
    }
    for (OptParse.Use use : uses) {
      validate(use, at.locate(optionStart + use.offset()), messages);
    }
    return uses;
  }

  private static void validate(OptParse.Use use, Location location, Messages messages) {
    String value = use.value();
    switch (use.option()) {
      case HASH:
        int colon = value.indexOf(':');
        if (colon < 0) {
          throw messages.error(
              location,
              "Arguments to --hash must be a hash name followed by a value, like --hash=sha256:abcde...");
        }
        String algorithm = value.substring(0, colon);
        if (!algorithm.equals("sha256")
            && !algorithm.equals("sha384")
            && !algorithm.equals("sha512")) {
          throw messages.error(
              location, "Allowed hash algorithms for --hash are sha256, sha384, sha512.");
        }
        break;
      case CONFIG_SETTINGS:
        if (value.indexOf('=') < 0) {
          throw messages.error(
              location, "Arguments to --config-settings must be of the form KEY=VAL");
        }
        break;
      case USE_FEATURE:
        if (!OptionSpec.FEATURES.contains(value)) {
          throw messages.error(
              location,
              "option --use-feature: invalid choice: "
                  + PyText.repr(value)
                  + " (choose from 'fast-deps', 'truststore', 'no-binary-enable-wheel-cache')");
        }
        break;
      case NO_BINARY:
      case ONLY_BINARY:
        if (value.startsWith("-")) {
          throw messages.error(location, "--no-binary / --only-binary option requires 1 argument.");
        }
        break;
      case TRUSTED_HOST:
        if (value.contains("/") || value.contains("://")) {
          throw messages.error(
              location,
              "--trusted-host takes a host or host:port, not a URL: " + PyText.repr(value));
        }
        break;
      case GLOBAL_OPTION:
        messages.warn(
            "legacy-option", location, "--global-option is deprecated and was removed in pip 25.3");
        break;
      default:
        break;
    }
  }

  /**
   * The first use of an option.
   *
   * @param uses a line's options
   * @param option the option looked for
   * @return its first use, if any
   */
  public static Optional<OptParse.Use> first(List<OptParse.Use> uses, OptionSpec option) {
    for (OptParse.Use use : uses) {
      if (use.option() == option) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }
}
