package io.pyhermetic.lockfile.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import io.pyhermetic.error.Location;
import io.pyhermetic.lockfile.LockFileException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TOML document as plain Java values, the types Python's {@code tomllib} gives: {@code Map}
 * (insertion-ordered), {@code List}, {@code String}, {@code Long} or {@code BigInteger}, {@code
 * Double}, {@code Boolean}, and {@code java.time} values for dates and times. Keeps Jackson inside.
 */
public final class TomlTree {
  // built once: a mapper is costly to create and thread-safe afterwards
  private static final TomlMapper TOML =
      TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

  private static final Pattern ARRAY_HEADER =
      Pattern.compile("^\\s*\\[\\[\\s*([A-Za-z0-9_-]+)\\s*]]");

  private TomlTree() {}

  /**
   * The document's root table.
   *
   * @param text the TOML text
   * @param source the name used in locations
   * @return the root table, as plain values
   * @throws LockFileException located at the syntax error
   */
  public static Map<String, Object> parse(String text, String source) {
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location location =
          new Location(
              source,
              at == null ? 1 : Math.max(1, at.getLineNr()),
              at == null ? 1 : Math.max(1, at.getColumnNr()));
      throw new LockFileException(location, "invalid TOML: " + e.getOriginalMessage());
    } catch (DateTimeParseException e) {
      // the TOML reader hands a date that is well-formed but impossible (2025-03-71) to java.time,
      // which knows no position: find the text it could not read
      int at = text.indexOf(e.getParsedString());
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < Math.max(0, at); i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new LockFileException(
          new Location(source, line, at < 0 ? 1 : at - lineStart + 1),
          "invalid TOML: not a valid date or time: " + e.getParsedString());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) plain(root);
    return map;
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), plain(field.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(plain(item)));
      return Collections.unmodifiableList(list);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node instanceof POJONode) {
      return ((POJONode) node).getPojo();
    }
    return node.asText();
  }

  /**
   * The 1-based lines of the {@code [[name]]} headers of a top-level array of tables, in order
   * (empty when the array is written inline).
   *
   * @param text the TOML text
   * @param name the array's name
   * @return the header lines
   */
  public static List<Integer> arrayTableLines(String text, String name) {
    List<Integer> lines = new ArrayList<>();
    int line = 1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      String row = text.substring(start, end < 0 ? text.length() : end);
      Matcher m = ARRAY_HEADER.matcher(row);
      if (m.find() && m.group(1).equals(name)) {
        lines.add(line);
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
      line++;
    }
    return lines;
  }
}
