package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * One option as written in a requirements file: its long name ({@code --index-url} also for {@code
 * -i} and {@code --pypi-url}, whatever prefix was typed), its value, where it is, whether it sat on
 * a requirement line (where pip ignores global options), and its token as written.
 *
 * @param name the option's canonical long name
 * @param value its value, empty for a flag
 * @param location where its token starts
 * @param onRequirementLine whether it follows a requirement on the same line
 * @param written the token as written ({@code -i}, {@code --index}, {@code --hash=sha256:…}); empty
 *     where an expanded variable before it leaves it without a place in the file
 */
public record OptionUse(
    String name,
    Optional<String> value,
    Location location,
    boolean onRequirementLine,
    Optional<String> written) {

  /**
   * Checks the components.
   *
   * @param name the name
   * @param value the value
   * @param location the location
   * @param onRequirementLine the on requirement line
   * @param written the written
   * @throws NullPointerException for a missing component
   */
  public OptionUse {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(written, "written");
  }

  @Override
  public String toString() {
    return value.map(v -> name + " " + v).orElse(name);
  }
}
