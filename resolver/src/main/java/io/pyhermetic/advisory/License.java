package io.pyhermetic.advisory;

import io.pyhermetic.advisory.internal.Licenses;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A release's licence as its metadata declares it.
 *
 * @param value an SPDX expression when {@code spdx}, else the text as the metadata gives it
 * @param spdx whether {@code value} is an SPDX licence expression
 */
public record License(String value, boolean spdx) {
  /**
   * Checks that the value is not null.
   *
   * @param value an SPDX expression when {@code spdx}, else the text as the metadata gives it
   * @param spdx whether {@code value} is an SPDX licence expression
   */
  public License {
    Objects.requireNonNull(value, "value");
  }

  /**
   * The licence from core metadata fields: {@code License-Expression} (PEP 639), else {@code
   * License} (as SPDX where the text is a known licence name), else the {@code License ::}
   * classifiers; empty when none says anything.
   *
   * @param expression the {@code License-Expression} field
   * @param license the {@code License} field
   * @param classifiers the {@code Classifier} fields
   * @return the licence, or empty when none is given
   */
  public static Optional<License> of(
      Optional<String> expression, Optional<String> license, List<String> classifiers) {
    return Licenses.of(expression, license, classifiers);
  }

  /**
   * The first line of the value, at most 80 characters: for tables.
   *
   * @return the short text
   */
  public String shortText() {
    String line = value.strip().lines().findFirst().orElse("").strip();
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }

  @Override
  public String toString() {
    return value;
  }
}
