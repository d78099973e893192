package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.internal.LineOptions;
import io.pyhermetic.reqfile.internal.TextSpan;
import java.util.List;
import java.util.Objects;

/** A {@code -r} or {@code -c} line and the file it brought in. */
public final class Include extends SpannedLine implements Line {
  private final boolean constraint;
  private final RequirementsFile file;
  private final LineOptions options;
  private final Location target;

  Include(
      TextSpan span,
      LineOptions options,
      Location target,
      boolean constraint,
      RequirementsFile file) {
    super(span);
    this.options = options;
    this.target = Objects.requireNonNull(target, "target");
    this.constraint = constraint;
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * Where the {@code -r} or {@code -c} option is.
   *
   * @return the option's location
   */
  public Location optionLocation() {
    return target;
  }

  /**
   * Whether the file was included with {@code -c}.
   *
   * @return whether its entries are constraints
   */
  public boolean constraint() {
    return constraint;
  }

  /**
   * The included file.
   *
   * @return the file, parsed
   */
  public RequirementsFile file() {
    return file;
  }

  /**
   * The options of the line ({@code -r} or {@code -c} among them), in order.
   *
   * @return the options
   */
  public List<OptionUse> options() {
    return options.optionUses();
  }

  LineOptions lineOptions() {
    return options;
  }
}
