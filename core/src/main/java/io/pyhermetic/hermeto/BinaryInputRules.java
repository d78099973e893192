package io.pyhermetic.hermeto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Hermeto's rules for the {@code binary} object of its pip input: which wheels may be fetched. */
final class BinaryInputRules {
  private static final Set<String> BINARY_KEYS =
      Set.of("packages", "arch", "os", "py_version", "py_impl", "abi", "platform");
  private static final List<String> COMMA_FIELDS =
      List.of("packages", "arch", "os", "py_impl", "abi");

  private BinaryInputRules() {}

  static Optional<PipBinaryFilters> binary(
      JsonNode p, String at, List<HermetoValidator.Violation> violations) {
    JsonNode value = p.get("binary");
    boolean allowBinary =
        p.has("allow_binary") && lenientTrue(p.get("allow_binary"), at, violations);
    if (value == null || value.isNull()) {
      // deprecated allow_binary: every wheel of the version, plus the sdist
      return allowBinary
          ? Optional.of(
              PipBinaryFilters.defaults()
                  .withArch(PipBinaryFilters.ALL)
                  .withOs(PipBinaryFilters.ALL)
                  .withPyImpl(PipBinaryFilters.ALL))
          : Optional.empty();
    }
    String where = at + " -> binary";
    if (!value.isObject()) {
      violations.add(
          new HermetoValidator.Violation(
              where, "Input should be a valid dictionary or instance of PipBinaryFilters"));
      return Optional.empty();
    }
    int before = violations.size();
    for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!BINARY_KEYS.contains(key)) {
        violations.add(
            new HermetoValidator.Violation(where + " -> " + key, "Extra inputs are not permitted"));
      }
    }
    PipBinaryFilters filters = PipBinaryFilters.defaults();
    Map<String, String> lists = new LinkedHashMap<>();
    for (String field : COMMA_FIELDS) {
      JsonNode v = value.get(field);
      if (v == null) {
        continue;
      }
      if (!v.isTextual()) {
        violations.add(
            new HermetoValidator.Violation(
                where + " -> " + field,
                "Value error, Binary filter must be a string, got "
                    + HermetoValidator.pythonType(v)));
        continue;
      }
      try {
        lists.put(field, PipBinaryFilters.normalize(v.asText()));
      } catch (IllegalArgumentException e) {
        violations.add(
            new HermetoValidator.Violation(
                where + " -> " + field, "Value error, " + e.getMessage()));
      }
    }
    OptionalInt pyVersion = OptionalInt.empty();
    JsonNode py = value.get("py_version");
    if (py != null && !py.isNull()) {
      if (py.isIntegralNumber() && py.canConvertToInt()) {
        pyVersion = OptionalInt.of(py.asInt());
      } else if (py.isBoolean()) {
        pyVersion = OptionalInt.of(py.asBoolean() ? 1 : 0);
      } else if (py.isFloatingPointNumber()) {
        if (py.asDouble() == Math.rint(py.asDouble())) {
          pyVersion = OptionalInt.of((int) py.asDouble());
        } else {
          violations.add(
              new HermetoValidator.Violation(
                  where + " -> py_version",
                  "Input should be a valid integer, got a number with a fractional part"));
        }
      } else if (py.isTextual()) {
        try {
          pyVersion = OptionalInt.of(Integer.parseInt(py.asText().strip()));
        } catch (NumberFormatException e) {
          violations.add(
              new HermetoValidator.Violation(
                  where + " -> py_version",
                  "Input should be a valid integer, unable to parse string as an integer"));
        }
      } else {
        violations.add(
            new HermetoValidator.Violation(
                where + " -> py_version", "Input should be a valid integer"));
      }
    }
    Optional<String> platform = Optional.empty();
    JsonNode regex = value.get("platform");
    if (regex != null && !regex.isNull()) {
      if (!regex.isTextual()) {
        violations.add(
            new HermetoValidator.Violation(
                where + " -> platform", "Input should be a valid string"));
      } else {
        try {
          Pattern.compile(regex.asText());
          platform = Optional.of(regex.asText());
        } catch (PatternSyntaxException e) {
          violations.add(
              new HermetoValidator.Violation(
                  where + " -> platform",
                  "Value error, Invalid platform regex: " + regex.asText()));
        }
      }
    }
    if (violations.size() > before) {
      return Optional.empty();
    }
    if (lists.containsKey("packages")) {
      filters = filters.withPackages(lists.get("packages"));
    }
    if (lists.containsKey("arch")) {
      filters = filters.withArch(lists.get("arch"));
    }
    if (lists.containsKey("os")) {
      filters = filters.withOs(lists.get("os"));
    }
    if (lists.containsKey("py_impl")) {
      filters = filters.withPyImpl(lists.get("py_impl"));
    }
    if (lists.containsKey("abi")) {
      filters = filters.withAbi(lists.get("abi"));
    }
    if (pyVersion.isPresent()) {
      filters = filters.withPyVersion(pyVersion.getAsInt());
    }
    if (platform.isPresent()) {
      if (!filters.os().equals("linux") || !filters.arch().equals("x86_64")) {
        violations.add(
            new HermetoValidator.Violation(
                where,
                "Value error, Use either 'platform' (regex pattern) or 'os' with 'arch', but not both."));
        return Optional.empty();
      }
      filters = filters.withPlatform(platform.get());
    }
    return Optional.of(filters);
  }

  /** pydantic's lax booleans. */
  private static boolean lenientTrue(
      JsonNode v, String at, List<HermetoValidator.Violation> violations) {
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.asText().strip().toLowerCase(java.util.Locale.ROOT);
    if (Set.of("1", "true", "yes", "on", "t", "y").contains(s)) {
      return true;
    }
    if (Set.of("0", "false", "no", "off", "f", "n").contains(s)) {
      return false;
    }
    violations.add(
        new HermetoValidator.Violation(
            at + " -> allow_binary", "Input should be a valid boolean, unable to interpret input"));
    return false;
  }
}
