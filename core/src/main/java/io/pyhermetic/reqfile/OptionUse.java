package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * One option as written in a requirements file: its long name ({@code --index-url} also for {@code
 * -i} and {@code --pypi-url}, whatever prefix was typed), its value, where it is, and whether it
 * sat on a requirement line (where pip ignores global options).
 */
public record OptionUse(
    String name, Optional<String> value, Location location, boolean onRequirementLine) {
  public OptionUse {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String toString() {
    return value.map(v -> name + " " + v).orElse(name);
  }
}
