package io.pyhermetic.index.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.index.IndexException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading index JSON with Jackson's tree model; Jackson stays inside this package. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The JSON object in {@code response}, or an {@link IndexException} naming {@code subject}.
   *
   * @param subject what the request was for, named in errors
   * @param response the response
   * @return the JSON object
   */
  public static JsonNode parseObject(String subject, HttpTransport.Response response) {
    JsonNode node;
    try {
      node = MAPPER.readTree(response.body());
    } catch (JacksonException e) {
      throw new IndexException(
          subject,
          response.uri().toString(),
          "malformed JSON response: " + e.getOriginalMessage(),
          response.status(),
          null);
    } catch (java.io.IOException e) {
      throw new IndexException(
          subject, response.uri().toString(), "unreadable JSON response", response.status(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IndexException(
          subject,
          response.uri().toString(),
          "malformed JSON response: expected an object",
          response.status(),
          null);
    }
    return node;
  }

  /**
   * A non-empty string field.
   *
   * @param node the JSON object
   * @param field the field's name
   * @return the string, or empty
   */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /**
   * An integral field.
   *
   * @param node the JSON object
   * @param field the field's name
   * @return the number, or empty
   */
  public static OptionalLong number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToLong()
        ? OptionalLong.of(value.asLong())
        : OptionalLong.empty();
  }

  /**
   * A timestamp field in ISO-8601 form, with or without fraction and zone ({@code Z} assumed).
   *
   * @param node the JSON object
   * @param field the field's name
   * @return the instant, or empty
   */
  public static Optional<Instant> instant(JsonNode node, String field) {
    return text(node, field).flatMap(Json::parseInstant);
  }

  static Optional<Instant> parseInstant(String text) {
    String value = text.trim();
    if (!value.endsWith("Z") && !value.matches(".*[+-]\\d\\d:\\d\\d$")) {
      value = value + "Z";
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
