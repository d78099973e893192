package io.pyhermetic.builddeps;

import java.util.Objects;

/**
 * One build requirement of an sdist and where it came from.
 *
 * @param requirement the PEP 508 text
 * @param source {@code pyproject.toml}, {@code setup.cfg}, {@code setup.py}, {@code pip default},
 *     or {@code extra for <backend>} for a configured extra requirement
 */
public record DeclaredRequirement(String requirement, String source) {
  /**
   * Checks that both parts are given.
   *
   * @param requirement see {@link #requirement()}
   * @param source see {@link #source()}
   */
  public DeclaredRequirement {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(source, "source");
  }
}
