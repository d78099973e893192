package io.pyhermetic.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The one layout of every JSON document the project writes (reports, command output, the SBOM):
 * two-space indentation, {@code "key": value}, LF line ends whatever the platform, empty objects
 * and arrays as {@code {}} and {@code []}, and a final newline, so outputs are byte-identical
 * everywhere.
 */
public final class JsonText {
  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter)
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    WRITER = new ObjectMapper().writer(printer);
  }

  private JsonText() {}

  /**
   * {@code node} in the project's layout.
   *
   * @param node the JSON tree
   * @return the indented JSON text
   */
  public static String pretty(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialise", e);
    }
  }
}
