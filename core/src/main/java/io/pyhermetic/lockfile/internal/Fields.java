package io.pyhermetic.lockfile.internal;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Typed access to one TOML table, each failure naming the key path ({@code
 * packages[3].wheels[0].hashes}) as packaging's pylock validation does.
 */
public final class Fields {

  /** A value of the wrong type or form, at a key path. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The key path of the invalid value. */
    private final String path;

    /**
     * A problem with the value at {@code path}.
     *
     * @param path the key path
     * @param message what is wrong with the value
     */
    public Invalid(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }

    /**
     * The key path, such as {@code packages[3].sdist}.
     *
     * @return the key path
     */
    public String path() {
      return path;
    }
  }

  private final Map<String, Object> table;
  private final String path;

  /**
   * Access to {@code table}, whose key path is {@code path}.
   *
   * @param table the TOML table
   * @param path the table's key path (empty for the root)
   */
  public Fields(Map<String, Object> table, String path) {
    this.table = table;
    this.path = path;
  }

  /**
   * The key path of {@code key} in this table.
   *
   * @param key a key of this table
   * @return the key path
   */
  public String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * This table's key path.
   *
   * @return the key path
   */
  public String path() {
    return path;
  }

  /**
   * Whether the table holds {@code key}.
   *
   * @param key the key
   * @return {@code true} when it is present
   */
  public boolean has(String key) {
    return table.containsKey(key);
  }

  /**
   * A problem with the value of {@code key}, or with this table when {@code key} is null.
   *
   * @param key the key, or null for the table itself
   * @param message what is wrong
   * @return the problem, to throw
   */
  public Invalid invalid(String key, String message) {
    return new Invalid(key == null ? path : at(key), message);
  }

  /**
   * An optional string.
   *
   * @param key the key
   * @return the string, or empty when absent
   */
  public Optional<String> string(String key) {
    return get(key, String.class, "a string");
  }

  /**
   * A required string.
   *
   * @param key the key
   * @return the string
   * @throws Invalid when it is absent or not a string
   */
  public String requiredString(String key) {
    return string(key).orElseThrow(() -> missing(key));
  }

  /**
   * An optional boolean.
   *
   * @param key the key
   * @return the boolean, or empty when absent
   */
  public Optional<Boolean> bool(String key) {
    return get(key, Boolean.class, "a boolean");
  }

  /**
   * An optional integer.
   *
   * @param key the key
   * @return the integer, or empty when absent
   */
  public OptionalLong integer(String key) {
    Object value = table.get(key);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value instanceof Long) {
      return OptionalLong.of((Long) value);
    }
    if (value instanceof BigInteger) {
      throw invalid(key, "integer out of range");
    }
    throw wrongType(key, value, "an integer");
  }

  /**
   * A TOML date-time; one without an offset is taken as UTC.
   *
   * @param key the key
   * @return the date-time, or empty when absent
   */
  public Optional<OffsetDateTime> dateTime(String key) {
    Object value = table.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof OffsetDateTime) {
      // UTC, as the spec records upload times, so equal instants are equal values
      return Optional.of(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (value instanceof LocalDateTime) {
      return Optional.of(((LocalDateTime) value).atOffset(ZoneOffset.UTC));
    }
    throw wrongType(key, value, "a date-time");
  }

  /**
   * An optional table, as plain TOML values.
   *
   * @param key the key
   * @return the table, or empty when absent
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> table(String key) {
    Object value = table.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map) {
      return Optional.of((Map<String, Object>) value);
    }
    throw wrongType(key, value, "a table");
  }

  /**
   * An optional table, as {@link Fields} named after its key path.
   *
   * @param key the key
   * @return the table, or empty when absent
   */
  public Optional<Fields> fields(String key) {
    return table(key).map(t -> new Fields(t, at(key)));
  }

  /**
   * A list whose items all are of {@code type}.
   *
   * @param <T> the items' type
   * @param key the key
   * @param type the items' class
   * @param typeName the type's name in messages
   * @return the list, or empty when absent
   */
  public <T> Optional<List<T>> list(String key, Class<T> type, String typeName) {
    Object value = table.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof List)) {
      throw wrongType(key, value, "an array");
    }
    List<?> items = (List<?>) value;
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!type.isInstance(item)) {
        throw new Invalid(
            at(key) + "[" + i + "]", "expected " + typeName + ", found " + typeName(item));
      }
      out.add(type.cast(item));
    }
    return Optional.of(Collections.unmodifiableList(out));
  }

  /**
   * A list of strings, each converted; a failing conversion names its index.
   *
   * @param <T> the converted items' type
   * @param key the key
   * @param convert the conversion of each string
   * @return the converted list, or empty when absent
   */
  public <T> Optional<List<T>> strings(String key, Function<String, T> convert) {
    Optional<List<String>> raw = list(key, String.class, "a string");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < raw.get().size(); i++) {
      try {
        out.add(convert.apply(raw.get().get(i)));
      } catch (Invalid e) {
        throw new Invalid(at(key) + "[" + i + "]", e.getMessage());
      } catch (RuntimeException e) {
        throw new Invalid(at(key) + "[" + i + "]", e.getMessage());
      }
    }
    return Optional.of(Collections.unmodifiableList(out));
  }

  /**
   * A list of tables, as {@link Fields} named {@code key[i]}.
   *
   * @param key the key
   * @return the tables, or empty when absent
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Optional<List<Fields>> tables(String key) {
    Optional<List<Map>> raw = list(key, Map.class, "a table");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < raw.get().size(); i++) {
      out.add(new Fields((Map<String, Object>) raw.get().get(i), at(key) + "[" + i + "]"));
    }
    return Optional.of(out);
  }

  /**
   * The plain tables of a list of tables.
   *
   * @param key the key
   * @return the tables (empty when absent)
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Map<String, Object>> plainTables(String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    list(key, Map.class, "a table")
        .orElse(List.of())
        .forEach(m -> out.add((Map<String, Object>) m));
    return out;
  }

  /**
   * A string converted by {@code convert}; its exception's message becomes the problem.
   *
   * @param <T> the converted value's type
   * @param key the key
   * @param convert the conversion
   * @return the converted value, or empty when absent
   */
  public <T> Optional<T> parsed(String key, Function<String, T> convert) {
    Optional<String> raw = string(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(convert.apply(raw.get()));
    } catch (Invalid e) {
      throw new Invalid(at(key), e.getMessage());
    } catch (RuntimeException e) {
      throw new Invalid(at(key), e.getMessage());
    }
  }

  /**
   * The problem of a missing required key.
   *
   * @param key the key
   * @return the problem, to throw
   */
  public Invalid missing(String key) {
    return new Invalid(at(key), "missing required value");
  }

  private <T> Optional<T> get(String key, Class<T> type, String typeName) {
    Object value = table.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw wrongType(key, value, typeName);
    }
    return Optional.of(type.cast(value));
  }

  private Invalid wrongType(String key, Object value, String expected) {
    return new Invalid(at(key), "expected " + expected + ", found " + typeName(value));
  }

  /**
   * The TOML name of a value's type.
   *
   * @param value a TOML value
   * @return its type's name, such as {@code a string}
   */
  public static String typeName(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return "an integer";
    }
    if (value instanceof Double) {
      return "a float";
    }
    if (value instanceof Map) {
      return "a table";
    }
    if (value instanceof List) {
      return "an array";
    }
    return "a date or time";
  }
}
