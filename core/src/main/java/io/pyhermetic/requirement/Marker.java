package io.pyhermetic.requirement;

import io.pyhermetic.internal.PyText;
import io.pyhermetic.version.Specifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 environment marker such as {@code python_version >= "3.9" and platform_machine ==
 * "x86_64"}, parsed, printed and evaluated as {@code packaging.markers.Marker} 26.x does, with one
 * documented difference: {@code extra} values are normalized inside parentheses too (packaging 26.3
 * behaviour; 26.2 normalized only at the top level). Immutable and thread-safe.
 */
public final class Marker {

  /** Variables whose values compare as versions when the other side is a valid specifier. */
  private static final Set<String> VERSION_VARIABLES =
      Set.of("implementation_version", "platform_release", "python_full_version", "python_version");

  private static final Set<String> SET_VARIABLES = Set.of("extras", "dependency_groups");

  /** One side of a comparison: an environment variable or a string literal. */
  record Operand(boolean variable, String value) {
    String serialize() {
      return variable ? value : "\"" + value + "\"";
    }
  }

  /** {@code lhs op rhs}. */
  record Comparison(Operand lhs, String op, Operand rhs) {}

  /**
   * A parenthesized or top-level expression: atoms ({@link Comparison} or nested {@link
   * Expression}) separated by {@code "and"} / {@code "or"} strings, as packaging's marker list.
   */
  record Expression(List<Object> items) {}

  private final Expression root;

  Marker(Expression root) {
    this.root = normalizeExtras(root);
  }

  /**
   * Parses a marker expression.
   *
   * @param marker the marker
   * @return the marker
   * @throws InvalidMarkerException with the column and packaging's wording
   */
  public static Marker parse(String marker) {
    Objects.requireNonNull(marker, "marker");
    return new Marker(Pep508Parser.parseMarker(marker));
  }

  /**
   * Parses a marker, if it is valid.
   *
   * @param marker the marker
   * @return the marker, if any
   */
  public static Optional<Marker> tryParse(String marker) {
    if (marker == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(marker));
    } catch (InvalidMarkerException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a marker parses.
   *
   * @param marker the marker
   * @return whether a marker parses
   */
  public static boolean isValid(String marker) {
    return tryParse(marker).isPresent();
  }

  /**
   * Both markers must hold.
   *
   * @param other the other
   * @return both markers must hold
   */
  public Marker and(Marker other) {
    return new Marker(new Expression(List.of(root, "and", other.root)));
  }

  /**
   * Either marker may hold.
   *
   * @param other the other
   * @return either marker may hold
   */
  public Marker or(Marker other) {
    return new Marker(new Expression(List.of(root, "or", other.root)));
  }

  /**
   * The environment variable names this marker reads, canonical spelling.
   *
   * @return the environment variable names this marker reads, canonical spelling
   */
  public Set<String> variables() {
    Set<String> names = new java.util.TreeSet<>();
    collectVariables(root, names);
    return Collections.unmodifiableSet(names);
  }

  private static void collectVariables(Object node, Set<String> names) {
    if (node instanceof Expression) {
      for (Object item : ((Expression) node).items()) {
        collectVariables(item, names);
      }
    } else if (node instanceof Comparison) {
      Comparison c = (Comparison) node;
      if (c.lhs().variable()) {
        names.add(c.lhs().value());
      }
      if (c.rhs().variable()) {
        names.add(c.rhs().value());
      }
    }
  }

  /**
   * Whether a requirement (or a requirements-file entry) with {@code marker} applies in {@code
   * environment}, with no extra: one without a marker always does, one whose marker cannot be
   * evaluated there (an undefined comparison) does not.
   *
   * @param marker the requirement's marker, if it has one
   * @param environment the target environment
   * @return whether the requirement applies
   */
  public static boolean appliesIn(Optional<Marker> marker, MarkerEnvironment environment) {
    try {
      return marker.isEmpty() || marker.get().evaluate(environment);
    } catch (MarkerEvaluationException e) {
      return false;
    }
  }

  /**
   * Evaluates against a target environment ({@code extra} is empty).
   *
   * @param environment the environment
   * @return evaluates against a target environment
   */
  public boolean evaluate(MarkerEnvironment environment) {
    return evaluate(environment.asMap());
  }

  /**
   * Evaluates against the given variables, as packaging's {@code Marker.evaluate} in its default
   * (metadata) context: {@code extra} defaults to the empty string and is normalized when given.
   * Every comparison is evaluated, so an undefined one fails even where {@code or} could
   * short-circuit, as in packaging.
   *
   * @param environment the environment
   * @return evaluates against the given variables, as packaging's {@code Marker.evaluate} in its
   *     default
   * @throws MarkerEvaluationException for an undefined comparison or a missing variable
   */
  public boolean evaluate(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    String extra = env.get("extra");
    env.put("extra", extra == null || extra.isEmpty() ? "" : ProjectName.canonicalize(extra));
    String full = env.get("python_full_version");
    if (full != null && full.endsWith("+")) {
      env.put("python_full_version", full + "local");
    }
    return evaluate(root, env, Map.of());
  }

  /**
   * Evaluates as packaging's {@code Marker.evaluate(…, context="lock_file")} does for a PEP 751
   * lock file: {@code extras} and {@code dependency_groups} are sets (compared by normalized name,
   * {@code "x" in extras}), and {@code extra} is not defined.
   *
   * @param environment the environment
   * @param extras the extras
   * @param dependencyGroups the dependency groups
   * @return evaluates as packaging's {@code Marker.evaluate(…, context="lock_file")} does for a PEP
   *     751 lock file
   * @throws MarkerEvaluationException for an undefined comparison or a missing variable
   */
  public boolean evaluateInLockFile(
      MarkerEnvironment environment, Set<String> extras, Set<String> dependencyGroups) {
    Map<String, String> env = new HashMap<>(environment.asMap());
    env.remove("extra");
    String full = env.get("python_full_version");
    if (full != null && full.endsWith("+")) {
      env.put("python_full_version", full + "local");
    }
    return evaluate(
        root,
        env,
        Map.of("extras", Set.copyOf(extras), "dependency_groups", Set.copyOf(dependencyGroups)));
  }

  /**
   * Evaluates as packaging's {@code Marker.evaluate(…, context="requirement")}: neither {@code
   * extra} nor the lock-file sets are defined.
   *
   * @param environment the environment
   * @return evaluates as packaging's {@code Marker.evaluate(…, context="requirement")}
   */
  public boolean evaluateAsRequirement(MarkerEnvironment environment) {
    Map<String, String> env = new HashMap<>(environment.asMap());
    env.remove("extra");
    return evaluate(root, env, Map.of());
  }

  private static boolean evaluate(
      Expression expression, Map<String, String> env, Map<String, Set<String>> sets) {
    List<List<Boolean>> groups = new ArrayList<>();
    groups.add(new ArrayList<>());
    for (Object item : expression.items()) {
      if (item instanceof Expression) {
        groups.get(groups.size() - 1).add(evaluate((Expression) item, env, sets));
      } else if (item instanceof Comparison) {
        groups.get(groups.size() - 1).add(evaluate((Comparison) item, env, sets));
      } else if ("or".equals(item)) {
        groups.add(new ArrayList<>());
      }
    }
    for (List<Boolean> group : groups) {
      if (!group.contains(Boolean.FALSE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean evaluate(
      Comparison c, Map<String, String> env, Map<String, Set<String>> sets) {
    String key;
    String lhs;
    String rhs;
    if (c.lhs().variable()) {
      key = c.lhs().value();
      if (sets.containsKey(key)) {
        throw new MarkerEvaluationException(
            "The set " + PyText.repr(key) + " can only be the right-hand side of a comparison");
      }
      lhs = lookup(env, key);
      rhs = c.rhs().value();
    } else {
      // packaging looks the right-hand side up by its text, whatever it is.
      key = c.rhs().value();
      lhs = c.lhs().value();
      if (sets.containsKey(key)) {
        return evaluateInSet(ProjectName.canonicalize(lhs), c.op(), sets.get(key));
      }
      rhs = lookup(env, key);
    }
    if (SET_VARIABLES.contains(key)) {
      lhs = ProjectName.canonicalize(lhs);
      rhs = ProjectName.canonicalize(rhs);
    }
    String op = c.op();
    if (VERSION_VARIABLES.contains(key)) {
      Optional<Specifier> spec = Specifier.tryParse(op + rhs);
      if (spec.isPresent()) {
        return spec.get().contains(lhs, true);
      }
    }
    switch (op) {
      case "in":
        return rhs.contains(lhs);
      case "not in":
        return !rhs.contains(lhs);
      case "<":
      case ">":
        return false;
      case "<=":
      case "==":
      case ">=":
        return lhs.equals(rhs);
      case "!=":
        return !lhs.equals(rhs);
      default:
        throw new MarkerEvaluationException(
            "Undefined comparison " + op + " on " + PyText.repr(lhs) + " and " + PyText.repr(rhs));
    }
  }

  /** A string against a set: membership, and Python's comparisons of a str with a frozenset. */
  private static boolean evaluateInSet(String value, String op, Set<String> set) {
    switch (op) {
      case "in":
        return set.stream().anyMatch(member -> ProjectName.canonicalize(member).equals(value));
      case "not in":
        return set.stream().noneMatch(member -> ProjectName.canonicalize(member).equals(value));
      case "!=":
        return true;
      case "<":
      case ">":
      case "<=":
      case "==":
      case ">=":
        return false;
      default:
        throw new MarkerEvaluationException(
            "Undefined comparison " + op + " on " + PyText.repr(value) + " and a set");
    }
  }

  private static String lookup(Map<String, String> env, String key) {
    String value = env.get(key);
    if (value == null) {
      throw new MarkerEvaluationException(
          "The marker uses " + PyText.repr(key) + ", which the environment does not define");
    }
    return value;
  }

  /** PEP 685: compare {@code extra} names normalized, at every nesting level. */
  private static Expression normalizeExtras(Expression expression) {
    List<Object> items = new ArrayList<>(expression.items().size());
    for (Object item : expression.items()) {
      if (item instanceof Expression) {
        items.add(normalizeExtras((Expression) item));
      } else if (item instanceof Comparison) {
        Comparison c = (Comparison) item;
        if (c.lhs().variable() && c.lhs().value().equals("extra")) {
          c =
              new Comparison(
                  c.lhs(), c.op(), new Operand(false, ProjectName.canonicalize(c.rhs().value())));
        } else if (c.rhs().variable() && c.rhs().value().equals("extra")) {
          c =
              new Comparison(
                  new Operand(false, ProjectName.canonicalize(c.lhs().value())), c.op(), c.rhs());
        }
        items.add(c);
      } else {
        items.add(item);
      }
    }
    return new Expression(Collections.unmodifiableList(items));
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof Marker && toString().equals(obj.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The normalized text: canonical variable names, double-quoted values, single spaces. */
  @Override
  public String toString() {
    return format(root, true);
  }

  private static String format(Object node, boolean first) {
    if (node instanceof Comparison) {
      Comparison c = (Comparison) node;
      return c.lhs().serialize() + " " + c.op() + " " + c.rhs().serialize();
    }
    if (node instanceof String) {
      return (String) node;
    }
    List<Object> items = ((Expression) node).items();
    if (items.size() == 1 && !(items.get(0) instanceof String)) {
      return format(items.get(0), true);
    }
    StringBuilder out = new StringBuilder();
    for (Object item : items) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(format(item, false));
    }
    return first ? out.toString() : "(" + out + ")";
  }
}
