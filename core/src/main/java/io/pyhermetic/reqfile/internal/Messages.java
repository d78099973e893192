package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.UnreadableFileException;
import io.pyhermetic.text.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors and warnings of one requirements file, worded as they may be shown: no raw control
 * character, no credential expanded from the environment, no line of a hostile file in full.
 */
public final class Messages {
  // a line of a message longer than this is cut: a hostile file's line is not echoed in full
  private static final int MAX_SHOWN_LINE = 500;

  private final String text;
  private final List<Diagnostic> warnings = new ArrayList<>();
  // the values of credential variables expanded on the line being read, never shown
  private final Map<String, String> lineSecrets = new LinkedHashMap<>();

  /**
   * Messages about a file.
   *
   * @param text the file's text, the input errors are reported against
   */
  public Messages(String text) {
    this.text = text;
  }

  /**
   * Starts a new logical line: what is known of the secrets of the line before is forgotten.
   *
   * @param secrets the values of credential variables expanded on this line, each mapped to the
   *     {@code ${NAME}} it is shown as
   */
  public void startLine(Map<String, String> secrets) {
    lineSecrets.clear();
    lineSecrets.putAll(secrets);
  }

  /**
   * An error pip would stop at.
   *
   * @param location where it is
   * @param message what it is, in pip's words
   * @return the exception to throw
   */
  public RequirementsFileException error(Location location, String message) {
    return new RequirementsFileException(text, location, shown(message));
  }

  /**
   * A file that cannot be read (missing, a device, past a limit).
   *
   * @param location the include line
   * @param message why it cannot be read
   * @return the exception to throw
   */
  public UnreadableFileException unreadable(Location location, String message) {
    return new UnreadableFileException(text, location, shown(message));
  }

  /**
   * Records a warning pip would print.
   *
   * @param rule the warning's rule identifier
   * @param location where it is
   * @param message what it says
   */
  public void warn(String rule, Location location, String message) {
    warnings.add(Diagnostic.warning(rule, location, shown(message)));
  }

  /**
   * The warnings so far, in the order they were met.
   *
   * @return the warnings
   */
  public List<Diagnostic> warnings() {
    return warnings;
  }

  /**
   * A message as it may be shown: no raw control character (escaped as in a quoted string), no
   * credential expanded from the environment (its {@code ${NAME}} instead), no {@code NAME=value}
   * credential of a file that is not one of requirements, and no line of such a file in full.
   */
  private String shown(String message) {
    String out = message;
    for (Map.Entry<String, String> secret : lineSecrets.entrySet()) {
      out = out.replace(secret.getKey(), secret.getValue());
    }
    return PyText.clipLines(PyText.escapeMessage(Redaction.redact(out)), MAX_SHOWN_LINE);
  }
}
