package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import java.util.Objects;

/**
 * A {@code ${NAME}} written outside comments in a requirements file, whether or not pip could
 * expand it.
 *
 * @param written the reference as written, braces included
 * @param location where it starts
 */
public record VariableUse(String written, Location location) {
  /**
   * Checks the components.
   *
   * @param written the written
   * @param location the location
   * @throws NullPointerException for a missing component
   */
  public VariableUse {
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(location, "location");
  }
}
