package io.pyhermetic.lockfile;

import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.requirement.Marker;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes a {@link Pylock} as a {@code pylock.toml}: keys in the specification's order, one {@code
 * [[packages]]} table per package with its sdist and wheels as inline tables (one wheel a line),
 * upload times as UTC date-times, and {@code [tool]} last. Deterministic: the same lock, the same
 * bytes. What it writes reads back equal ({@link PylockFile#parse}) and is valid for packaging's
 * {@code Pylock.from_dict}.
 */
public final class PylockWriter {
  private PylockWriter() {}

  /**
   * The file text.
   *
   * @param lock the lock
   * @return the {@code pylock.toml} text
   */
  public static String write(Pylock lock) {
    StringBuilder out = new StringBuilder();
    line(out, "lock-version", quote(lock.lockVersion().toString()));
    if (!lock.environments().isEmpty()) {
      List<Object> markers = new ArrayList<>();
      lock.environments().forEach(m -> markers.add(m.toString()));
      line(out, "environments", value(markers));
    }
    lock.requiresPython().ifPresent(r -> line(out, "requires-python", quote(r.toString())));
    if (!lock.extras().isEmpty()) {
      line(out, "extras", value(lock.extras()));
    }
    if (!lock.dependencyGroups().isEmpty()) {
      line(out, "dependency-groups", value(lock.dependencyGroups()));
    }
    if (!lock.defaultGroups().isEmpty()) {
      line(out, "default-groups", value(lock.defaultGroups()));
    }
    line(out, "created-by", quote(lock.createdBy()));
    if (lock.packages().isEmpty()) {
      line(out, "packages", "[]");
    }
    for (LockedPackage p : lock.packages()) {
      out.append("\n[[packages]]\n");
      writePackage(out, p);
    }
    if (!lock.tool().isEmpty()) {
      out.append("\n[tool]\n");
      lock.tool().forEach((k, v) -> line(out, key(k), value(v)));
    }
    return out.toString();
  }

  /**
   * Writes the file atomically (a temporary file, then a rename): on failure the previous file is
   * left as it was.
   *
   * @param target the file to write
   * @param lock the lock
   */
  public static void write(Path target, Pylock lock) {
    AtomicFiles.write(target, write(lock).getBytes(StandardCharsets.UTF_8));
  }

  private static void writePackage(StringBuilder out, LockedPackage p) {
    line(out, "name", quote(p.name()));
    p.version().ifPresent(v -> line(out, "version", quote(v.toString())));
    p.marker().map(Marker::toString).ifPresent(m -> line(out, "marker", quote(m)));
    p.requiresPython().ifPresent(r -> line(out, "requires-python", quote(r.toString())));
    if (!p.dependencies().isEmpty()) {
      line(out, "dependencies", value(p.dependencies()));
    }
    p.index().ifPresent(i -> line(out, "index", quote(i)));
    p.vcs().ifPresent(v -> line(out, "vcs", inline(vcs(v))));
    p.directory().ifPresent(d -> line(out, "directory", inline(directory(d))));
    p.archive().ifPresent(a -> line(out, "archive", inline(archive(a))));
    p.sdist().ifPresent(s -> line(out, "sdist", inline(file(s))));
    if (!p.wheels().isEmpty()) {
      out.append("wheels = [\n");
      for (PackageFile w : p.wheels()) {
        out.append("  ").append(inline(file(w))).append(",\n");
      }
      out.append("]\n");
    }
    if (!p.attestationIdentities().isEmpty()) {
      line(out, "attestation-identities", value(p.attestationIdentities()));
    }
    if (!p.tool().isEmpty()) {
      line(out, "tool", value(p.tool()));
    }
  }

  private static List<String[]> file(PackageFile f) {
    List<String[]> kv = new ArrayList<>();
    f.name().ifPresent(n -> kv.add(pair("name", quote(n))));
    f.uploadTime().ifPresent(t -> kv.add(pair("upload-time", dateTime(t))));
    f.url().ifPresent(u -> kv.add(pair("url", quote(u))));
    f.path().ifPresent(p -> kv.add(pair("path", quote(p))));
    size(kv, f.size());
    kv.add(pair("hashes", value(f.hashes())));
    return kv;
  }

  private static List<String[]> archive(PackageArchive a) {
    List<String[]> kv = new ArrayList<>();
    a.url().ifPresent(u -> kv.add(pair("url", quote(u))));
    a.path().ifPresent(p -> kv.add(pair("path", quote(p))));
    size(kv, a.size());
    a.uploadTime().ifPresent(t -> kv.add(pair("upload-time", dateTime(t))));
    kv.add(pair("hashes", value(a.hashes())));
    a.subdirectory().ifPresent(s -> kv.add(pair("subdirectory", quote(s))));
    return kv;
  }

  private static List<String[]> vcs(PackageVcs v) {
    List<String[]> kv = new ArrayList<>();
    kv.add(pair("type", quote(v.type())));
    v.url().ifPresent(u -> kv.add(pair("url", quote(u))));
    v.path().ifPresent(p -> kv.add(pair("path", quote(p))));
    v.requestedRevision().ifPresent(r -> kv.add(pair("requested-revision", quote(r))));
    kv.add(pair("commit-id", quote(v.commitId())));
    v.subdirectory().ifPresent(s -> kv.add(pair("subdirectory", quote(s))));
    return kv;
  }

  private static List<String[]> directory(PackageDirectory d) {
    List<String[]> kv = new ArrayList<>();
    kv.add(pair("path", quote(d.path())));
    d.editable().ifPresent(e -> kv.add(pair("editable", e.toString())));
    d.subdirectory().ifPresent(s -> kv.add(pair("subdirectory", quote(s))));
    return kv;
  }

  private static void size(List<String[]> kv, OptionalLong size) {
    if (size.isPresent()) {
      kv.add(pair("size", Long.toString(size.getAsLong())));
    }
  }

  private static String[] pair(String key, String value) {
    return new String[] {key, value};
  }

  private static String inline(List<String[]> pairs) {
    StringBuilder out = new StringBuilder("{ ");
    for (int i = 0; i < pairs.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(pairs.get(i)[0]).append(" = ").append(pairs.get(i)[1]);
    }
    return out.append(" }").toString();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(key).append(" = ").append(value).append('\n');
  }

  /** A plain TOML value as read by {@link PylockFile}: tables, arrays and scalars. */
  private static String value(Object v) {
    if (v instanceof String) {
      return quote((String) v);
    }
    if (v instanceof Boolean
        || v instanceof Long
        || v instanceof Integer
        || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof Double) {
      double d = (Double) v;
      return Double.isNaN(d)
          ? "nan"
          : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
    }
    if (v instanceof OffsetDateTime) {
      return dateTime((OffsetDateTime) v);
    }
    if (v instanceof java.time.LocalDateTime) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((TemporalAccessor) v);
    }
    if (v instanceof java.time.LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format((TemporalAccessor) v);
    }
    if (v instanceof java.time.LocalDate) {
      return v.toString();
    }
    if (v instanceof Map) {
      List<String[]> pairs = new ArrayList<>();
      ((Map<?, ?>) v).forEach((k, x) -> pairs.add(pair(key(String.valueOf(k)), value(x))));
      return pairs.isEmpty() ? "{}" : inline(pairs);
    }
    if (v instanceof List) {
      List<String> items = new ArrayList<>();
      ((List<?>) v).forEach(x -> items.add(value(x)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof Optional) {
      return value(((Optional<?>) v).orElseThrow());
    }
    throw new IllegalArgumentException("not a TOML value: " + v.getClass().getSimpleName());
  }

  private static String dateTime(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** A bare key when TOML allows one, else a quoted key. */
  private static String key(String k) {
    return !k.isEmpty()
            && k.chars()
                .allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')
        ? k
        : quote(k);
  }

  /** A TOML basic string. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
