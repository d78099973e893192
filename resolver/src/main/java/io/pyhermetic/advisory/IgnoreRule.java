package io.pyhermetic.advisory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vulnerability to ignore, as {@code ID[:UNTIL-DATE][:JUSTIFICATION]} gives it: the id (or any
 * alias) of the vulnerability, the last day the rule applies (after it, the rule has expired and
 * the finding counts again), and why it does not apply, as one of CycloneDX's impact justifications
 * (written into the SBOM's VEX analysis).
 *
 * @param id the vulnerability's id or alias
 * @param until the last day the rule holds; empty for no end
 * @param justification why the vulnerability is ignored
 */
public record IgnoreRule(String id, Optional<LocalDate> until, Optional<String> justification) {

  /** CycloneDX 1.6's {@code impactAnalysisJustification} values. */
  public static final List<String> JUSTIFICATIONS =
      List.of(
          "code_not_present",
          "code_not_reachable",
          "requires_configuration",
          "requires_dependency",
          "requires_environment",
          "protected_by_compiler",
          "protected_at_runtime",
          "protected_at_perimeter",
          "protected_by_mitigating_control");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Checks that no component is null.
   *
   * @param id the vulnerability's id or alias
   * @param until the last day the rule holds; empty for no end
   * @param justification why the vulnerability is ignored
   */
  public IgnoreRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(justification, "justification");
  }

  /**
   * Parses {@code ID[:UNTIL-DATE][:JUSTIFICATION]}, such as {@code GHSA-j8r2-6x86-q33q:2027-01-31}
   * or {@code PYSEC-2023-74:code_not_reachable}.
   *
   * @param text the rule's text
   * @return the rule
   * @throws IllegalArgumentException naming what is wrong
   */
  public static IgnoreRule parse(String text) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length > 3 || !ID.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not ID[:UNTIL-DATE][:JUSTIFICATION] (such as PYSEC-2023-74:2027-01-31)");
    }
    Optional<LocalDate> until = Optional.empty();
    Optional<String> justification = Optional.empty();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (DATE.matcher(part).matches() && until.isEmpty() && justification.isEmpty()) {
        try {
          until = Optional.of(LocalDate.parse(part));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("'" + part + "' in '" + text + "' is not a date");
        }
      } else if (JUSTIFICATIONS.contains(part) && justification.isEmpty()) {
        justification = Optional.of(part);
      } else {
        throw new IllegalArgumentException(
            "'"
                + part
                + "' in '"
                + text
                + "' is neither a date (YYYY-MM-DD) nor one of "
                + String.join(", ", JUSTIFICATIONS));
      }
    }
    return new IgnoreRule(parts[0], until, justification);
  }

  /**
   * Whether the rule's last day lies before {@code today}.
   *
   * @param today the day to judge by
   * @return {@code true} when the rule has expired
   */
  public boolean isExpired(LocalDate today) {
    return until.isPresent() && today.isAfter(until.get());
  }

  /**
   * Whether the rule names {@code vulnerability} (by id or alias).
   *
   * @param vulnerability the vulnerability
   * @return {@code true} when the rule names it
   */
  public boolean matches(Vulnerability vulnerability) {
    return vulnerability.isKnownAs(id);
  }

  @Override
  public String toString() {
    return id + until.map(d -> ":" + d).orElse("") + justification.map(j -> ":" + j).orElse("");
  }
}
