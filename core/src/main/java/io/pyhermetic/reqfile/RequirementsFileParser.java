package io.pyhermetic.reqfile;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.reqfile.internal.DecodedText;
import io.pyhermetic.reqfile.internal.LineLexer;
import io.pyhermetic.reqfile.internal.LineOptions;
import io.pyhermetic.reqfile.internal.Links;
import io.pyhermetic.reqfile.internal.Locator;
import io.pyhermetic.reqfile.internal.LogicalLine;
import io.pyhermetic.reqfile.internal.Messages;
import io.pyhermetic.reqfile.internal.OptParse;
import io.pyhermetic.reqfile.internal.OptionReader;
import io.pyhermetic.reqfile.internal.OptionSpec;
import io.pyhermetic.reqfile.internal.RequirementReader;
import io.pyhermetic.reqfile.internal.SourceFiles;
import io.pyhermetic.reqfile.internal.TextDecoder;
import io.pyhermetic.reqfile.internal.TextSpan;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads requirements files the way pip does (decoding, continuations, comments, {@code ${VAR}}
 * expansion, options, includes), judging requirement strings with packaging 26 rules. Immutable and
 * reusable: the environment for {@code ${VAR}} and the directory relative paths on requirement
 * lines resolve against are fixed at construction.
 */
public final class RequirementsFileParser {
  /** How deeply includes may nest ({@code -r a} in {@code -r b} in ...): pip has no limit. */
  public static final int MAX_INCLUDE_DEPTH = 100;

  /** How many files one parse reads in all, so that includes repeated at each level stay cheap. */
  public static final int MAX_INCLUDED_FILES = 10_000;

  private final Map<String, String> environment;
  private final Path workingDirectory;

  /**
   * A parser that expands variables from the process environment, paths from the current directory.
   */
  public RequirementsFileParser() {
    this(System.getenv(), Path.of("").toAbsolutePath());
  }

  private RequirementsFileParser(Map<String, String> environment, Path workingDirectory) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
  }

  /**
   * The same parser with these variables (only these) for {@code ${NAME}} expansion.
   *
   * @param variables the variables
   * @return the same parser with these variables
   */
  public RequirementsFileParser withEnvironment(Map<String, String> variables) {
    return new RequirementsFileParser(variables, workingDirectory);
  }

  /**
   * The same parser resolving relative paths on requirement lines against {@code directory}.
   *
   * @param directory the directory
   * @return the same parser resolving relative paths on requirement lines against {@code directory}
   */
  public RequirementsFileParser withWorkingDirectory(Path directory) {
    return new RequirementsFileParser(environment, directory.toAbsolutePath().normalize());
  }

  /**
   * Reads and parses a file and everything it includes.
   *
   * @param file the file
   * @return the requirements file
   * @throws RequirementsFileException for anything pip would reject, and for unreadable files
   */
  public RequirementsFile parse(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes = SourceFiles.read(file, file.toString(), null);
    return parseBytes(bytes, file.toString(), file, false, new ArrayDeque<>());
  }

  /**
   * Parses the bytes of a requirements file that is not on disk (decoded as a file would be);
   * includes resolve against the current directory.
   *
   * @param content the content
   * @param sourceName the source name
   * @return the requirements file
   */
  public RequirementsFile parse(byte[] content, String sourceName) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(sourceName, "sourceName");
    return parseBytes(content.clone(), sourceName, null, false, new ArrayDeque<>());
  }

  /**
   * Reads a file as {@code pip install -c FILE} does: its entries are constraints.
   *
   * @param file the file
   * @return the requirements file
   */
  public RequirementsFile parseConstraints(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes = SourceFiles.read(file, file.toString(), null);
    return parseBytes(bytes, file.toString(), file, true, new ArrayDeque<>());
  }

  /**
   * Parses text given directly; includes resolve against the current directory.
   *
   * @param content the content
   * @param sourceName the source name
   * @return the requirements file
   */
  public RequirementsFile parse(String content, String sourceName) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(sourceName, "sourceName");
    DecodedText decoded =
        new DecodedText(content, java.nio.charset.StandardCharsets.UTF_8, new byte[0]);
    return parseDecoded(decoded, null, sourceName, null, false, new ArrayDeque<>());
  }

  RequirementsFile reparse(RequirementsFile original, String newText) {
    DecodedText decoded =
        new DecodedText(newText, original.decoded().charset(), original.decoded().bom());
    return parseDecoded(
        decoded,
        null,
        original.source(),
        original.path().orElse(null),
        original.isConstraintFile(),
        new ArrayDeque<>());
  }

  private RequirementsFile parseBytes(
      byte[] bytes, String source, Path path, boolean constraint, Deque<Path> chain) {
    DecodedText decoded = TextDecoder.decode(bytes, source);
    return parseDecoded(decoded, bytes, source, path, constraint, chain);
  }

  /**
   * Parses a file and its includes without recursion: the files being read form a stack, each
   * suspended at its include line while the included file is read, so that neither a deep chain nor
   * a hostile one costs the JVM's stack.
   */
  private RequirementsFile parseDecoded(
      DecodedText decoded,
      byte[] bytes,
      String source,
      Path path,
      boolean constraint,
      Deque<Path> chain) {
    Deque<FileState> open = new ArrayDeque<>();
    open.push(new FileState(decoded, bytes, source, path, constraint, chain, null));
    int filesRead = 1;
    while (true) {
      FileState top = open.peek();
      PendingInclude pending = top.advance();
      if (pending != null) {
        if (open.size() >= MAX_INCLUDE_DEPTH) {
          throw top.messages.unreadable(
              pending.at(),
              "Could not open requirements file: includes nested deeper than "
                  + MAX_INCLUDE_DEPTH
                  + " files: "
                  + PyText.repr(pending.shownAs()));
        }
        if (++filesRead > MAX_INCLUDED_FILES) {
          throw top.messages.unreadable(
              pending.at(),
              "Could not open requirements file: more than "
                  + MAX_INCLUDED_FILES
                  + " files included in all: "
                  + PyText.repr(pending.shownAs()));
        }
        byte[] nestedBytes = SourceFiles.read(pending.path(), pending.shownAs(), pending.at());
        DecodedText nested = TextDecoder.decode(nestedBytes, pending.shownAs());
        open.push(
            new FileState(
                nested,
                nestedBytes,
                pending.shownAs(),
                pending.path(),
                pending.constraint(),
                chain,
                pending.at()));
        continue;
      }
      open.pop();
      top.close();
      RequirementsFile done = top.done();
      if (open.isEmpty()) {
        return done;
      }
      open.peek().included(top.includedAt, top.constraint, done);
    }
  }

  /** An include line met: the file to read before the including file goes on. */
  private record PendingInclude(Path path, String shownAs, boolean constraint, Location at) {}

  /** The work of parsing one file, resumable after each include line. */
  private final class FileState {
    final DecodedText decoded;
    final byte[] bytes;
    final String text;
    final String source;
    final Path path;
    final boolean constraint;
    final Deque<Path> chain;
    final Location includedAt;
    final Path key;
    final List<Line> lines = new ArrayList<>();
    final List<VariableUse> variables = new ArrayList<>();
    final Messages messages;
    final LineLexer lexer;
    final RequirementReader reader;
    final LineOptions.Source optionSource;
    // the include line being read, completed when its file is done
    TextSpan includeSpan;
    LineOptions includeOptions;

    FileState(
        DecodedText decoded,
        byte[] bytes,
        String source,
        Path path,
        boolean constraint,
        Deque<Path> chain,
        Location includedAt) {
      this.decoded = decoded;
      this.bytes = bytes;
      this.text = decoded.text();
      this.source = source;
      this.path = path;
      this.constraint = constraint;
      this.chain = chain;
      this.includedAt = includedAt;
      this.key = path == null ? null : SourceFiles.canonical(path);
      if (key != null) {
        chain.push(key);
      }
      this.messages = new Messages(text);
      this.lexer = new LineLexer(text, source, environment);
      this.optionSource = new LineOptions.Source(source, text, environment);
      this.reader = new RequirementReader(workingDirectory, messages);
    }

    void close() {
      if (key != null) {
        chain.pop();
      }
    }

    RequirementsFile done() {
      return new RequirementsFile(
          RequirementsFileParser.this,
          source,
          path,
          bytes,
          decoded,
          constraint,
          lines,
          messages.warnings(),
          variables);
    }

    /** Adds the include line whose file was read. */
    void included(Location at, boolean nestedConstraint, RequirementsFile file) {
      lines.add(new Include(includeSpan, includeOptions, at, nestedConstraint, file));
    }

    /** Reads on up to the next include line (returned) or to the end of the file (null). */
    PendingInclude advance() {
      while (lexer.hasNext()) {
        LineLexer.Lexed lexed = lexer.next();
        LogicalLine line = lexed.line();
        messages.startLine(lexed.secrets());
        variables.addAll(lexed.variables());
        TextSpan span = TextSpan.of(source, text, line);
        String content = lexed.content();
        if (content.isEmpty()) {
          lines.add(line.isComment() ? new CommentLine(span) : new BlankLine(span));
          continue;
        }
        Locator at = lexed.at();
        int optionStart = lexed.optionStart();
        String requirementPart = lexed.requirementPart();
        List<OptParse.Use> uses = OptionReader.read(lexed, messages);
        LineOptions options =
            new LineOptions(optionSource, line.startOffset(), line.firstLine(), uses);
        Optional<OptParse.Use> editable = OptionReader.first(uses, OptionSpec.EDITABLE);
        Optional<OptParse.Use> include = OptionReader.first(uses, OptionSpec.REQUIREMENT);
        boolean nestedConstraint = include.isEmpty();
        if (include.isEmpty()) {
          include = OptionReader.first(uses, OptionSpec.CONSTRAINT);
        }
        if (!requirementPart.isEmpty()) {
          RequirementReader.Resolved r = reader.requirement(requirementPart, at);
          lines.add(entry(line, requirementPart, r, options).build());
        } else if (editable.isPresent()) {
          String value = editable.get().value();
          Locator where = at.shifted(optionStart + editable.get().offset());
          RequirementReader.Resolved r = reader.editable(value, where);
          lines.add(
              entry(line, value, r, options)
                  // pip keeps no per-requirement option of an editable line
                  .hashes(Map.of())
                  .configSettings(Map.of())
                  .globalOptions(List.of())
                  .build());
        } else if (include.isPresent()) {
          includeSpan = span;
          includeOptions = options;
          return include(
              include.get(), nestedConstraint, at.locate(optionStart + include.get().offset()));
        } else {
          if (OptionReader.first(uses, OptionSpec.HASH).isPresent()) {
            messages.warn(
                "hash-without-requirement",
                at.locate(0),
                source
                    + " line "
                    + line.firstLine()
                    + " has --hash but no requirement, and will be ignored.");
          }
          lines.add(new OptionLine(span, options, path));
        }
      }
      return null;
    }

    /** An entry of {@code line} and the annotation lines after it, which are consumed. */
    private EntryBuilder entry(
        LogicalLine line,
        String requirementPart,
        RequirementReader.Resolved r,
        LineOptions options) {
      int annotationEndOffset = line.endOffset();
      while (lexer.nextIsAnnotation()) {
        annotationEndOffset = lexer.skip().endOffset();
      }
      return Entry.builder()
          .kind(r.kind())
          .location(new Location(source, line.firstLine(), 1))
          .lastLine(line.lastLine())
          .span(text, line.startOffset(), line.endOffset(), annotationEndOffset)
          .requirementText(requirementPart)
          .requirement(r.requirement())
          .marker(r.marker())
          .extras(r.extras())
          .link(r.link())
          .constraint(constraint)
          .lineOptions(options);
    }

    private PendingInclude include(OptParse.Use use, boolean nestedConstraint, Location at) {
      String target = use.value();
      String scheme = Links.scheme(target);
      Path resolved;
      if (scheme.equals("http") || scheme.equals("https")) {
        throw messages.error(
            at, "remote requirements files are not supported in a hermetic plan: " + target);
      } else if (scheme.equals("file")) {
        try {
          resolved = Path.of(java.net.URI.create(target));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
          throw messages.error(
              at, "Could not open requirements file: invalid file URL " + PyText.repr(target));
        }
      } else {
        Path base = path == null ? null : path.getParent();
        try {
          resolved = base == null ? Path.of(target) : base.resolve(target);
        } catch (InvalidPathException e) {
          throw messages.error(
              at, "Could not open requirements file: invalid path " + PyText.repr(target));
        }
      }
      Path key = SourceFiles.canonical(resolved);
      if (chain.contains(key)) {
        List<String> names = new ArrayList<>();
        List<Path> order = new ArrayList<>(chain);
        Collections.reverse(order);
        for (Path p : order.subList(order.indexOf(key), order.size())) {
          names.add(p.toString());
        }
        names.add(key.toString());
        throw messages.error(at, "include cycle: " + String.join(" -> ", names));
      }
      return new PendingInclude(resolved, resolved.toString(), nestedConstraint, at);
    }
  }
}
