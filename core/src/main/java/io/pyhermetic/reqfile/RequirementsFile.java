package io.pyhermetic.reqfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.reqfile.internal.DecodedText;
import io.pyhermetic.reqfile.internal.TextDecoder;
import io.pyhermetic.requirement.ProjectName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed pip requirements file: its entries, options, included files and annotations, and its
 * exact text, so that writing it back reproduces the input byte for byte and edits leave every
 * untouched line as it was. Immutable; edits return a new instance.
 */
public final class RequirementsFile {

  private final RequirementsFileParser parser;
  private final String source;
  private final Path path;
  private final byte[] bytes;
  private final DecodedText decoded;
  private final boolean constraintFile;
  private final List<Line> lines;
  private final List<Diagnostic> warnings;
  private final List<VariableUse> variables;

  RequirementsFile(
      RequirementsFileParser parser,
      String source,
      Path path,
      byte[] bytes,
      DecodedText decoded,
      boolean constraintFile,
      List<Line> lines,
      List<Diagnostic> warnings,
      List<VariableUse> variables) {
    this.parser = parser;
    this.source = source;
    this.path = path;
    // the input's bytes are kept only when encoding the text again would not give them back
    this.bytes =
        bytes == null || Arrays.equals(bytes, TextDecoder.encode(decoded, decoded.text()))
            ? null
            : bytes;
    this.decoded = decoded;
    this.constraintFile = constraintFile;
    this.lines = List.copyOf(lines);
    this.warnings = List.copyOf(warnings);
    this.variables = List.copyOf(variables);
  }

  /**
   * Reads a file as pip would, with {@code ${VAR}} taken from the process environment.
   *
   * @param file the file
   * @return the requirements file
   * @throws RequirementsFileException located at the problem
   */
  public static RequirementsFile parse(Path file) {
    return new RequirementsFileParser().parse(file);
  }

  /**
   * Parses text given directly, named {@code sourceName} in locations.
   *
   * @param content the content
   * @param sourceName the source name
   * @return the requirements file
   */
  public static RequirementsFile parse(String content, String sourceName) {
    return new RequirementsFileParser().parse(content, sourceName);
  }

  /**
   * The name used in locations: the path as given, or the source name.
   *
   * @return the name used in locations
   */
  public String source() {
    return source;
  }

  /**
   * The path the file was read from.
   *
   * @return the path the file was read from
   */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /**
   * Whether this file was included with {@code -c}: its entries are constraints.
   *
   * @return whether this file was included with {@code -c}
   */
  public boolean isConstraintFile() {
    return constraintFile;
  }

  DecodedText decoded() {
    return decoded;
  }

  /**
   * The logical lines of this file (not of included files), in order: what each one is.
   *
   * @return every line, blank and comment lines included, annotations within their entries
   */
  public List<Line> lines() {
    return lines;
  }

  /**
   * Every {@code ${NAME}} written outside comments in this file (not in included files), in order.
   *
   * @return the variable references
   */
  public List<VariableUse> variableUses() {
    return variables;
  }

  /**
   * The requirement and editable entries of this file, in order (not of included files).
   *
   * @return the requirement and editable entries of this file, in order
   */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Line line : lines) {
      if (line instanceof Entry entry) {
        entries.add(entry);
      }
    }
    return Collections.unmodifiableList(entries);
  }

  /**
   * Every entry of this file and of the files it includes, in the order pip yields them.
   *
   * @return every entry of this file and of the files it includes, in the order pip yields them
   */
  public List<Entry> allEntries() {
    List<Entry> entries = new ArrayList<>();
    collectEntries(entries);
    return Collections.unmodifiableList(entries);
  }

  private void collectEntries(List<Entry> into) {
    for (Line line : lines) {
      if (line instanceof Entry entry) {
        into.add(entry);
      } else if (line instanceof Include include) {
        include.file().collectEntries(into);
      }
    }
  }

  /**
   * The entries with this project name, in order.
   *
   * @param name the name
   * @return the entries with this project name, in order
   */
  public List<Entry> entries(ProjectName name) {
    List<Entry> found = new ArrayList<>();
    for (Entry e : allEntries()) {
      if (e.name().filter(name::equals).isPresent()) {
        found.add(e);
      }
    }
    return found;
  }

  /**
   * The {@code -r} and {@code -c} lines of this file, in order.
   *
   * @return the includes
   */
  public List<Include> includes() {
    List<Include> includes = new ArrayList<>();
    for (Line line : lines) {
      if (line instanceof Include include) {
        includes.add(include);
      }
    }
    return Collections.unmodifiableList(includes);
  }

  /**
   * Every option written in this file (not in included files), in order, with its location.
   *
   * @return the options of every line
   */
  public List<OptionUse> optionUses() {
    List<OptionUse> all = new ArrayList<>();
    for (Line line : lines) {
      if (line instanceof Entry entry) {
        all.addAll(entry.options());
      } else if (line instanceof OptionLine options) {
        all.addAll(options.options());
      } else if (line instanceof Include include) {
        all.addAll(include.options());
      }
    }
    return Collections.unmodifiableList(all);
  }

  /**
   * Warnings pip would print while reading this file and the files it includes.
   *
   * @return the diagnostics
   */
  public List<Diagnostic> warnings() {
    List<Diagnostic> all = new ArrayList<>(warnings);
    for (Include include : includes()) {
      all.addAll(include.file().warnings());
    }
    return Collections.unmodifiableList(all);
  }

  /**
   * pip's hash-checking mode: {@code --require-hashes} anywhere, or a {@code --hash} on any
   * requirement.
   *
   * @return whether pip checks hashes for this file
   */
  public boolean hashMode() {
    if (options().requireHashes()) {
      return true;
    }
    for (Entry e : allEntries()) {
      if (!e.hashes().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The global options of this file and its includes, combined as pip's finder sees them.
   *
   * @return the global options of this file and its includes, combined as pip's finder sees them
   */
  public GlobalOptions options() {
    return GlobalOptionsReader.read(this);
  }

  /**
   * The decoded text of this file.
   *
   * @return the decoded text of this file
   */
  public String text() {
    return decoded.text();
  }

  /**
   * The file's bytes: exactly the input when unmodified, else the text in its original encoding.
   *
   * @return the file's bytes
   */
  public byte[] toBytes() {
    return bytes != null ? bytes.clone() : TextDecoder.encode(decoded, decoded.text());
  }

  // ---------------------------------------------------------------- editing

  /**
   * This file without {@code entry} and its annotation lines.
   *
   * @param entry the entry
   * @return this file without {@code entry} and its annotation lines
   */
  public RequirementsFile without(Entry entry) {
    checkOwn(entry);
    String text = decoded.text();
    return parser.reparse(
        this, text.substring(0, entry.startOffset) + text.substring(entry.annotationEndOffset));
  }

  /**
   * This file with {@code entry}'s lines (not its annotations) replaced by {@code newText}, which
   * must end with a line break if the old lines did.
   *
   * @param entry the entry
   * @param newText the new text
   * @return this file with {@code entry}'s lines
   */
  public RequirementsFile withEntryText(Entry entry, String newText) {
    checkOwn(entry);
    String text = decoded.text();
    return parser.reparse(
        this, text.substring(0, entry.startOffset) + newText + text.substring(entry.endOffset));
  }

  /**
   * This file with {@code entry} pinned to {@code version} with these hashes, written in the
   * canonical layout ({@code name==version \} then indented {@code --hash} lines); its marker,
   * extras and annotations are kept.
   *
   * @param entry the entry
   * @param version the version
   * @param hashes the hashes
   * @return this file with {@code entry} pinned to {@code version} with these hashes, written in
   *     the canonical layout
   */
  public RequirementsFile withPin(
      Entry entry, io.pyhermetic.version.Version version, Map<String, List<String>> hashes) {
    checkOwn(entry);
    String name =
        entry
            .requirement()
            .orElseThrow(() -> new IllegalArgumentException("entry has no name: " + entry))
            .name();
    String lineEnd = lineEnding(entry.text());
    StringBuilder out = new StringBuilder(name);
    entry
        .requirement()
        .ifPresent(
            r -> {
              if (!r.extras().isEmpty()) {
                out.append('[').append(String.join(",", r.extras())).append(']');
              }
            });
    out.append("==").append(version);
    entry.marker().ifPresent(m -> out.append(" ; ").append(m));
    List<String> hashLines = new ArrayList<>();
    hashes.forEach(
        (alg, values) -> values.forEach(v -> hashLines.add("    --hash=" + alg + ":" + v)));
    for (String hashLine : hashLines) {
      out.append(" \\").append(lineEnd).append(hashLine);
    }
    out.append(lineEnd);
    return withEntryText(entry, out.toString());
  }

  private static String lineEnding(String text) {
    if (text.endsWith("\r\n")) {
      return "\r\n";
    }
    if (text.endsWith("\r")) {
      return "\r";
    }
    return "\n";
  }

  private void checkOwn(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    if (!lines.contains(entry)) {
      throw new IllegalArgumentException("not an entry of " + source + ": " + entry);
    }
  }

  @Override
  public String toString() {
    return source + " (" + allEntries().size() + " entries)";
  }
}
