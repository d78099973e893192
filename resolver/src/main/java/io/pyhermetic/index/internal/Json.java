package io.pyhermetic.index.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyhermetic.index.IndexException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/** Reading index JSON with Jackson's tree model; Jackson stays inside this package. */
public final class Json {
  private static final AtomicBoolean PREPARING = new AtomicBoolean();

  private Json() {}

  /** Made on first use: {@link #prepareInBackground} must not pay for it on the caller's thread. */
  private static final class Reader {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * Readies the JSON reader on a background thread, once per JVM. Its first use costs a fresh JVM a
   * few hundred milliseconds of class loading, which would otherwise hold back every response of a
   * run until the first one has paid it; an index calls this when it is made, before its first
   * request leaves.
   */
  public static void prepareInBackground() {
    if (PREPARING.compareAndSet(false, true)) {
      Thread thread = new Thread(Json::prepare, "pyhermetic-json-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static void prepare() {
    try {
      Reader.MAPPER.readTree("{\"meta\": {\"api-version\": \"1.1\"}, \"files\": [{\"size\": 1}]}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a constant document: cannot happen
    }
  }

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
      node = Reader.MAPPER.readTree(response.body());
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
