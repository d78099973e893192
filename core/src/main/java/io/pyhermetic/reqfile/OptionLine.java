package io.pyhermetic.reqfile;

import io.pyhermetic.reqfile.internal.LineOptions;
import io.pyhermetic.reqfile.internal.TextSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A line of global options ({@code -i}, {@code --extra-index-url}, {@code --no-binary}, ...)
 * without a requirement, an editable or an include on it.
 */
public final class OptionLine extends SpannedLine implements Line {
  private final LineOptions options;
  private final Path file;

  OptionLine(TextSpan span, LineOptions options, Path file) {
    super(span);
    this.options = options;
    this.file = file;
  }

  /**
   * The options of the line, in order, with their locations.
   *
   * @return the options
   */
  public List<OptionUse> options() {
    return options.optionUses();
  }

  LineOptions lineOptions() {
    return options;
  }

  /** The file the line is in, which relative {@code --find-links} paths resolve against. */
  Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
