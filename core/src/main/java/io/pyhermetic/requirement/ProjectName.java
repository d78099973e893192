package io.pyhermetic.requirement;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Python project name. Keeps the spelling it was given ({@link #toString()}) and compares by its
 * PEP 503 normalized form ({@link #canonical()}): {@code Foo.Bar}, {@code foo_bar} and {@code
 * FOO--bar} are the same project.
 */
public final class ProjectName implements Comparable<ProjectName> {
  private final String name;
  private final String canonical;

  private ProjectName(String name) {
    this.name = name;
    this.canonical = canonicalize(name);
  }

  /**
   * A project name checked against the core metadata rule: ASCII letters and digits, with {@code
   * .}, {@code _} and {@code -} allowed inside.
   *
   * @param name the name
   * @return A project name checked against the core metadata rule
   * @throws InvalidNameException located at the first offending character
   */
  public static ProjectName of(String name) {
    Objects.requireNonNull(name, "name");
    int bad = firstInvalid(name);
    if (bad >= 0) {
      String detail;
      if (name.isEmpty()) {
        detail = "a name cannot be empty";
      } else if (bad == 0 || bad == name.length() - 1) {
        detail = "a name must start and end with an ASCII letter or digit";
      } else {
        detail = "only ASCII letters, digits, '.', '_' and '-' are allowed";
      }
      throw new InvalidNameException(
          name,
          Location.inString(name, bad),
          "Invalid project name " + PyText.repr(name) + ": " + detail);
    }
    return new ProjectName(name);
  }

  /**
   * A name as found in other places with looser rules than core metadata, such as a PEP 508
   * requirement (which may end in {@code _}) or a wheel file name (which may hold non-ASCII
   * letters): kept as given, compared by its normalized form, not validated.
   *
   * @param name the name
   * @return A name as found in other places with looser rules than core metadata, such as a PEP 508
   *     requirement
   */
  public static ProjectName lenient(String name) {
    return new ProjectName(Objects.requireNonNull(name, "name"));
  }

  /**
   * Whether {@code name} satisfies the core metadata name rule.
   *
   * @param name the name
   * @return whether {@code name} satisfies the core metadata name rule
   */
  public static boolean isValid(String name) {
    return name != null && firstInvalid(name) < 0;
  }

  /**
   * PEP 503 normalization of any string, without validation: lower case, and every run of {@code
   * -}, {@code _} and {@code .} becomes one {@code -} (packaging's {@code canonicalize_name}).
   *
   * @param name the name
   * @return PEP 503 normalization of any string, without validation
   */
  public static String canonicalize(String name) {
    String lower = PyText.lower(name);
    StringBuilder out = new StringBuilder(lower.length());
    boolean inRun = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        if (!inRun) {
          out.append('-');
        }
        inRun = true;
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString();
  }

  // packaging's own rule, kept verbatim: it accepts a few odd forms such as "a--b".
  private static final Pattern NORMALIZED =
      Pattern.compile("[a-z0-9]|[a-z0-9]([a-z0-9-](?!--))*[a-z0-9]");

  /**
   * Whether {@code name} is already normalized, by packaging's {@code is_normalized_name}.
   *
   * @param name the name
   * @return whether {@code name} is already normalized, by packaging's {@code is_normalized_name}
   */
  public static boolean isNormalized(String name) {
    return NORMALIZED.matcher(name).matches();
  }

  private static int firstInvalid(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      boolean edge = i == 0 || i == name.length() - 1;
      if (!alnum && (edge || (c != '.' && c != '_' && c != '-'))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The PEP 503 normalized form, used for equality and index look-ups.
   *
   * @return the PEP 503 normalized form, used for equality and index look-ups
   */
  public String canonical() {
    return canonical;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ProjectName && canonical.equals(((ProjectName) obj).canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public int compareTo(ProjectName other) {
    return canonical.compareTo(other.canonical);
  }

  /** The name as given. */
  @Override
  public String toString() {
    return name;
  }
}
