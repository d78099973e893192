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
    private final String path;

    public Invalid(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }

    /** The key path, such as {@code packages[3].sdist}. */
    public String path() {
      return path;
    }
  }

  private final Map<String, Object> table;
  private final String path;

  public Fields(Map<String, Object> table, String path) {
    this.table = table;
    this.path = path;
  }

  /** The key path of {@code key} in this table. */
  public String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public String path() {
    return path;
  }

  public boolean has(String key) {
    return table.containsKey(key);
  }

  public Invalid invalid(String key, String message) {
    return new Invalid(key == null ? path : at(key), message);
  }

  public Optional<String> string(String key) {
    return get(key, String.class, "a string");
  }

  public String requiredString(String key) {
    return string(key).orElseThrow(() -> missing(key));
  }

  public Optional<Boolean> bool(String key) {
    return get(key, Boolean.class, "a boolean");
  }

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

  /** A TOML date-time; one without an offset is taken as UTC. */
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

  public Optional<Fields> fields(String key) {
    return table(key).map(t -> new Fields(t, at(key)));
  }

  /** A list whose items all are of {@code type}. */
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

  /** A list of strings, each converted; a failing conversion names its index. */
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

  /** A list of tables, as {@link Fields} named {@code key[i]}. */
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

  /** The plain tables of a list of tables. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Map<String, Object>> plainTables(String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    list(key, Map.class, "a table")
        .orElse(List.of())
        .forEach(m -> out.add((Map<String, Object>) m));
    return out;
  }

  /** A string converted by {@code convert}; its exception's message becomes the problem. */
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

  /** The TOML name of a value's type. */
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
