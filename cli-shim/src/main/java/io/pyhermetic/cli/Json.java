package io.pyhermetic.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.text.JsonText;
import io.pyhermetic.text.Redaction;
import java.util.List;

/** JSON output: one object, two-space indentation, LF line ends, a final newline. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Adds {@code diagnostics} to {@code root} as the array {@code diagnostics}, each as {@code
   * {severity, rule, file, line, column, message}} with credentials redacted from the message.
   */
  static void putDiagnostics(ObjectNode root, List<Diagnostic> diagnostics) {
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode node = list.addObject();
      node.put("severity", d.severity().label());
      node.put("rule", d.rule());
      node.put("file", d.location().source());
      node.put("line", d.location().line());
      node.put("column", d.location().column());
      node.put("message", Redaction.redact(d.message()));
    }
  }

  static String write(ObjectNode node) {
    return JsonText.pretty(node);
  }
}
