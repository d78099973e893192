package io.pyhermetic.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.text.JsonText;

/** JSON output: one object, two-space indentation, LF line ends, a final newline. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(ObjectNode node) {
    return JsonText.pretty(node);
  }
}
