package io.pyhermetic.reqfile;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.reqfile.internal.DecodedText;
import io.pyhermetic.reqfile.internal.Links;
import io.pyhermetic.reqfile.internal.LogicalLine;
import io.pyhermetic.reqfile.internal.OptParse;
import io.pyhermetic.reqfile.internal.OptionSpec;
import io.pyhermetic.reqfile.internal.Shlex;
import io.pyhermetic.reqfile.internal.TextDecoder;
import io.pyhermetic.requirement.InvalidMarkerException;
import io.pyhermetic.requirement.InvalidRequirementException;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.text.Redaction;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements files the way pip does (decoding, continuations, comments, {@code ${VAR}}
 * expansion, options, includes), judging requirement strings with packaging 26 rules. Immutable and
 * reusable: the environment for {@code ${VAR}} and the directory relative paths on requirement
 * lines resolve against are fixed at construction.
 */
public final class RequirementsFileParser {
  private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
  private static final Pattern PATH_EXTRAS =
      Pattern.compile("^(.+)(\\[[^\\]]+\\])$", Pattern.DOTALL);

  /** How deeply includes may nest ({@code -r a} in {@code -r b} in ...): pip has no limit. */
  public static final int MAX_INCLUDE_DEPTH = 100;

  /** How many files one parse reads in all, so that includes repeated at each level stay cheap. */
  public static final int MAX_INCLUDED_FILES = 10_000;

  // a line of a message longer than this is cut: a hostile file's line is not echoed in full
  private static final int MAX_SHOWN_LINE = 500;

  private static final List<String> OPERATORS =
      List.of("~=", "==", "!=", "<=", ">=", "<", ">", "===");

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

  /** The same parser with these variables (only these) for {@code ${NAME}} expansion. */
  public RequirementsFileParser withEnvironment(Map<String, String> variables) {
    return new RequirementsFileParser(variables, workingDirectory);
  }

  /** The same parser resolving relative paths on requirement lines against {@code directory}. */
  public RequirementsFileParser withWorkingDirectory(Path directory) {
    return new RequirementsFileParser(environment, directory.toAbsolutePath().normalize());
  }

  /**
   * Reads and parses a file and everything it includes.
   *
   * @throws RequirementsFileException for anything pip would reject, and for unreadable files
   */
  public RequirementsFile parse(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes = read(file, file.toString(), null);
    return parseBytes(bytes, file.toString(), file, false, new ArrayDeque<>());
  }

  /**
   * Parses the bytes of a requirements file that is not on disk (decoded as a file would be);
   * includes resolve against the current directory.
   */
  public RequirementsFile parse(byte[] content, String sourceName) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(sourceName, "sourceName");
    return parseBytes(content.clone(), sourceName, null, false, new ArrayDeque<>());
  }

  /** Reads a file as {@code pip install -c FILE} does: its entries are constraints. */
  public RequirementsFile parseConstraints(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes = read(file, file.toString(), null);
    return parseBytes(bytes, file.toString(), file, true, new ArrayDeque<>());
  }

  /** Parses text given directly; includes resolve against the current directory. */
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

  private static byte[] read(Path file, String shownAs, Location includedAt) {
    try {
      // the checks the command line makes on the files it is given, for included files too:
      // a device or a pipe is never opened, nothing past the size limit is read; an unreadable
      // regular file is left to the open below, which says so in pip's words
      if (Files.exists(file)
          && !Files.isDirectory(file)
          && (!Files.isRegularFile(file) || Files.isReadable(file))) {
        Optional<String> why = TextFiles.unreadable(file);
        if (why.isPresent()) {
          throw cannotOpen(shownAs, includedAt, PyText.repr(shownAs) + " is " + why.get());
        }
      }
      return TextFiles.read(file);
    } catch (NoSuchFileException e) {
      throw cannotOpen(
          shownAs, includedAt, "[Errno 2] No such file or directory: " + PyText.repr(shownAs));
    } catch (AccessDeniedException e) {
      throw cannotOpen(
          shownAs, includedAt, "[Errno 13] Permission denied: " + PyText.repr(shownAs));
    } catch (IOException | InvalidPathException e) {
      // pip's words where Python has them (open() on a directory), else plain ones
      throw cannotOpen(
          shownAs,
          includedAt,
          Files.isDirectory(file)
              ? "[Errno 21] Is a directory: " + PyText.repr(shownAs)
              : Failures.describe(e));
    }
  }

  private static RequirementsFileException cannotOpen(String shownAs, Location at, String why) {
    Location where = at != null ? at : new Location(shownAs, 1, 1);
    return new UnreadableFileException(shownAs, where, "Could not open requirements file: " + why);
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
          throw top.unreadable(
              pending.at(),
              "Could not open requirements file: includes nested deeper than "
                  + MAX_INCLUDE_DEPTH
                  + " files: "
                  + PyText.repr(pending.shownAs()));
        }
        if (++filesRead > MAX_INCLUDED_FILES) {
          throw top.unreadable(
              pending.at(),
              "Could not open requirements file: more than "
                  + MAX_INCLUDED_FILES
                  + " files included in all: "
                  + PyText.repr(pending.shownAs()));
        }
        byte[] nestedBytes = read(pending.path(), pending.shownAs(), pending.at());
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
      RequirementsFile done =
          new RequirementsFile(
              this,
              top.source,
              top.path,
              top.bytes,
              top.decoded,
              top.constraint,
              top.items,
              top.warnings);
      if (open.isEmpty()) {
        return done;
      }
      open.peek().items.add(new RequirementsFile.Include(top.includedAt, top.constraint, done));
    }
  }

  /** An include line met: the file to read before the including file goes on. */
  private record PendingInclude(Path path, String shownAs, boolean constraint, Location at) {}

  private static Path canonical(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException e) {
      return path.toAbsolutePath().normalize();
    }
  }

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
    final List<Object> items = new ArrayList<>();
    final List<Diagnostic> warnings = new ArrayList<>();
    final List<LogicalLine> lines;
    int next;
    // the values of credential variables expanded on the line being read, never shown
    final Map<String, String> lineSecrets = new LinkedHashMap<>();

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
      this.key = path == null ? null : canonical(path);
      if (key != null) {
        chain.push(key);
      }
      this.lines = LogicalLine.split(text);
    }

    void close() {
      if (key != null) {
        chain.pop();
      }
    }

    /** Reads on up to the next include line (returned) or to the end of the file (null). */
    PendingInclude advance() {
      List<LogicalLine> lines = this.lines;
      for (int i = next; i < lines.size(); i++) {
        lineSecrets.clear();
        int warningsBefore = warnings.size();
        LogicalLine line = lines.get(i);
        String content = stripComment(line.text());
        int leading = PyText.skipSpace(content, 0);
        content = content.substring(leading, PyText.trimEnd(content, leading, content.length()));
        if (content.isEmpty()) {
          continue;
        }
        int expandedAt = -1;
        Matcher m = content.contains("${") ? ENV_VAR.matcher(content) : null;
        Map<String, String> replacements = new LinkedHashMap<>();
        while (m != null && m.find()) {
          String value = environment.get(m.group(1));
          if (value != null && !value.isEmpty()) {
            replacements.putIfAbsent(m.group(), value);
            if (Redaction.isCredentialName(m.group(1))) {
              lineSecrets.putIfAbsent(value, m.group());
            }
            if (expandedAt < 0) {
              expandedAt = m.start();
            }
          }
        }
        for (Map.Entry<String, String> r : replacements.entrySet()) {
          content = content.replace(r.getKey(), r.getValue());
        }
        Positions at = new Positions(source, line, leading, expandedAt, 0);
        // the requirement part runs up to the first space-separated token starting with '-'
        int optionStart = content.length();
        for (int pos = 0; pos < content.length(); ) {
          if (content.charAt(pos) == '-') {
            optionStart = pos;
            break;
          }
          int space = content.indexOf(' ', pos);
          if (space < 0) {
            break;
          }
          pos = space + 1;
        }
        String requirementPart =
            optionStart == content.length()
                ? content
                : optionStart == 0 ? "" : content.substring(0, optionStart - 1);
        List<OptParse.Use> uses = parseOptions(content, optionStart, at);
        boolean requirementLine = !requirementPart.isEmpty();
        boolean globalLine =
            !requirementLine
                && first(uses, OptionSpec.EDITABLE) == null
                && first(uses, OptionSpec.REQUIREMENT) == null
                && first(uses, OptionSpec.CONSTRAINT) == null;
        if (!uses.isEmpty()) {
          Positions options = at.shifted(optionStart);
          items.add(new OptionLine(uses, globalLine, requirementLine, options::locate, path));
        }
        int annotationEnd = i;
        while (annotationEnd + 1 < lines.size() && isAnnotation(lines.get(annotationEnd + 1))) {
          annotationEnd++;
        }
        if (requirementLine) {
          items.add(
              requirementEntry(line, i, lines, annotationEnd, requirementPart, uses, at, false));
          i = annotationEnd;
        } else if (first(uses, OptionSpec.EDITABLE) != null) {
          OptParse.Use editable = first(uses, OptionSpec.EDITABLE);
          items.add(
              requirementEntry(
                  line,
                  i,
                  lines,
                  annotationEnd,
                  editable.value(),
                  List.of(),
                  at.shifted(optionStart + editable.offset()),
                  true));
          i = annotationEnd;
        } else if (first(uses, OptionSpec.REQUIREMENT) != null
            || first(uses, OptionSpec.CONSTRAINT) != null) {
          OptParse.Use include = first(uses, OptionSpec.REQUIREMENT);
          boolean nestedConstraint = include == null;
          if (include == null) {
            include = first(uses, OptionSpec.CONSTRAINT);
          }
          next = i + 1;
          redactWarnings(warningsBefore);
          return include(include, nestedConstraint, at.locate(optionStart + include.offset()));
        } else {
          if (first(uses, OptionSpec.HASH) != null) {
            warnings.add(
                Diagnostic.warning(
                    "hash-without-requirement",
                    at.locate(0),
                    source
                        + " line "
                        + line.firstLine()
                        + " has --hash but no requirement, and will be ignored."));
          }
        }
        redactWarnings(warningsBefore);
      }
      next = lines.size();
      return null;
    }

    private void redactWarnings(int from) {
      for (int w = from; w < warnings.size(); w++) {
        Diagnostic d = warnings.get(w);
        warnings.set(w, new Diagnostic(d.severity(), d.rule(), d.location(), shown(d.message())));
      }
    }

    /**
     * A message as it may be shown: no raw control character (escaped as in a quoted string), no
     * credential expanded from the environment (its {@code ${NAME}} instead), no {@code NAME=value}
     * credential of a file that is not one of requirements, and no line of such a file in full.
     */
    private String shown(String message) {
      String out = message;
      for (Map.Entry<String, String> secret : lineSecrets.entrySet()) {
        out = out.replace(secret.getKey(), secret.getValue());
      }
      return PyText.clipLines(PyText.escapeMessage(Redaction.redact(out)), MAX_SHOWN_LINE);
    }

    private List<OptParse.Use> parseOptions(String content, int optionStart, Positions at) {
      if (optionStart >= content.length()) {
        return List.of();
      }
      List<Shlex.Token> tokens;
      try {
        tokens = Shlex.split(content, optionStart);
      } catch (Shlex.SplitException e) {
        throw error(
            at.locate(optionStart),
            "Invalid requirement: "
                + content
                + "\nCould not split options: "
                + content.substring(optionStart)
                + " ("
                + e.getMessage()
                + ")");
      }
      List<OptParse.Use> uses;
      try {
        OptParse.Result result = OptParse.parse(tokens);
        uses = result.uses();
        if (!result.leftovers().isEmpty()) {
          List<String> dropped = new ArrayList<>();
          result.leftovers().forEach(t -> dropped.add(t.text()));
          warnings.add(
              Diagnostic.warning(
                  "ignored-arguments",
                  at.locate(optionStart + result.leftovers().get(0).offset()),
                  "pip ignores "
                      + PyText.repr(String.join(" ", dropped))
                      + " after the options of this line (a requirement or marker must come"
                      + " before the first option)"));
        }
      } catch (OptParse.OptionException e) {
        throw error(at.locate(optionStart + e.offset()), e.getMessage());
      }
      for (OptParse.Use use : uses) {
        validateOption(use, at.locate(optionStart + use.offset()));
      }
      return uses;
    }

    private void validateOption(OptParse.Use use, Location location) {
      String value = use.value();
      switch (use.option()) {
        case HASH:
          int colon = value.indexOf(':');
          if (colon < 0) {
            throw error(
                location,
                "Arguments to --hash must be a hash name followed by a value, like --hash=sha256:abcde...");
          }
          String algorithm = value.substring(0, colon);
          if (!algorithm.equals("sha256")
              && !algorithm.equals("sha384")
              && !algorithm.equals("sha512")) {
            throw error(location, "Allowed hash algorithms for --hash are sha256, sha384, sha512.");
          }
          break;
        case CONFIG_SETTINGS:
          if (value.indexOf('=') < 0) {
            throw error(location, "Arguments to --config-settings must be of the form KEY=VAL");
          }
          break;
        case USE_FEATURE:
          if (!OptionSpec.FEATURES.contains(value)) {
            throw error(
                location,
                "option --use-feature: invalid choice: "
                    + PyText.repr(value)
                    + " (choose from 'fast-deps', 'truststore', 'no-binary-enable-wheel-cache')");
          }
          break;
        case NO_BINARY:
        case ONLY_BINARY:
          if (value.startsWith("-")) {
            throw error(location, "--no-binary / --only-binary option requires 1 argument.");
          }
          break;
        case TRUSTED_HOST:
          if (value.contains("/") || value.contains("://")) {
            throw error(
                location,
                "--trusted-host takes a host or host:port, not a URL: " + PyText.repr(value));
          }
          break;
        case GLOBAL_OPTION:
          warnings.add(
              Diagnostic.warning(
                  "legacy-option",
                  location,
                  "--global-option is deprecated and was removed in pip 25.3"));
          break;
        default:
          break;
      }
    }

    private PendingInclude include(OptParse.Use use, boolean nestedConstraint, Location at) {
      String target = use.value();
      String scheme = Links.scheme(target);
      Path resolved;
      String shownAs;
      if (scheme.equals("http") || scheme.equals("https")) {
        throw error(
            at, "remote requirements files are not supported in a hermetic plan: " + target);
      } else if (scheme.equals("file")) {
        try {
          resolved = Path.of(java.net.URI.create(target));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
          throw error(
              at, "Could not open requirements file: invalid file URL " + PyText.repr(target));
        }
        shownAs = resolved.toString();
      } else {
        Path base = path == null ? null : path.getParent();
        try {
          resolved = base == null ? Path.of(target) : base.resolve(target);
        } catch (InvalidPathException e) {
          throw error(at, "Could not open requirements file: invalid path " + PyText.repr(target));
        }
        shownAs = resolved.toString();
      }
      Path key = canonical(resolved);
      if (chain.contains(key)) {
        List<String> names = new ArrayList<>();
        List<Path> order = new ArrayList<>(chain);
        Collections.reverse(order);
        int startAt = order.indexOf(key);
        for (Path p : order.subList(startAt, order.size())) {
          names.add(p.toString());
        }
        names.add(key.toString());
        throw error(at, "include cycle: " + String.join(" -> ", names));
      }
      return new PendingInclude(resolved, shownAs, nestedConstraint, at);
    }

    private Entry requirementEntry(
        LogicalLine line,
        int lineIndex,
        List<LogicalLine> lines,
        int annotationEnd,
        String requirementPart,
        List<OptParse.Use> uses,
        Positions at,
        boolean editable) {
      Map<String, List<String>> hashes = new LinkedHashMap<>();
      Map<String, List<String>> configSettings = new LinkedHashMap<>();
      List<String> globalOptions = new ArrayList<>();
      for (OptParse.Use use : uses) {
        if (use.option() == OptionSpec.HASH) {
          String value = use.value();
          int colon = value.indexOf(':');
          hashes
              .computeIfAbsent(hashAlgorithm(value, colon), k -> new ArrayList<>(4))
              .add(value.substring(colon + 1));
        } else if (use.option() == OptionSpec.CONFIG_SETTINGS) {
          int eq = use.value().indexOf('=');
          configSettings
              .computeIfAbsent(use.value().substring(0, eq), k -> new ArrayList<>())
              .add(use.value().substring(eq + 1));
        } else if (use.option() == OptionSpec.GLOBAL_OPTION) {
          globalOptions.add(use.value());
        }
      }
      hashes.replaceAll((k, v) -> List.copyOf(v));
      configSettings.replaceAll((k, v) -> List.copyOf(v));
      Resolved r = editable ? editable(requirementPart, at) : requirement(requirementPart, at);
      int annotationEndOffset = lines.get(annotationEnd).endOffset();
      List<String> via = new ArrayList<>();
      StringBuilder annotation = new StringBuilder();
      if (annotationEnd > lineIndex) {
        annotation.append(text, line.endOffset(), annotationEndOffset);
        via = parseVia(annotation.toString());
      }
      return new Entry(
          editable ? EntryKind.EDITABLE : r.kind,
          new Location(source, line.firstLine(), 1),
          line.lastLine(),
          text.substring(line.startOffset(), line.endOffset()),
          requirementPart,
          r.requirement,
          r.marker,
          r.requirement != null ? r.requirement.extras() : r.extras,
          r.link,
          constraint,
          Collections.unmodifiableMap(hashes),
          Collections.unmodifiableMap(configSettings),
          List.copyOf(globalOptions),
          List.copyOf(via),
          annotation.toString(),
          line.startOffset(),
          line.endOffset(),
          annotationEndOffset);
    }

    /** pip's {@code parse_req_from_line}, with packaging 26 judging requirement strings. */
    private Resolved requirement(String part, Positions at) {
      boolean url = Links.isUrl(part);
      String separator = url ? "; " : ";";
      int split = part.indexOf(separator);
      String left = split >= 0 ? part.substring(0, split) : part;
      int leftStart = PyText.skipSpace(left, 0);
      String name = PyText.strip(left);
      Marker marker = null;
      String markerText = null;
      if (split >= 0) {
        int markerStart = PyText.skipSpace(part, split + separator.length());
        markerText = PyText.strip(part.substring(split + separator.length()));
        if (!markerText.isEmpty()) {
          try {
            marker = Marker.parse(markerText);
          } catch (InvalidMarkerException e) {
            throw error(
                at.locate(markerStart + e.column() - 1),
                "Invalid requirement: " + PyText.repr(name) + ": " + e.reason());
          }
        } else {
          markerText = null;
        }
      }
      String link = null;
      EntryKind kind = EntryKind.REQUIREMENT;
      String extras = "";
      if (Links.isUrl(name)) {
        link = name;
        kind = EntryKind.URL;
      } else {
        String pathPart = name;
        int extrasAt = extrasStart(name);
        if (extrasAt > 0) {
          pathPart = name.substring(0, extrasAt);
          extras = name.substring(extrasAt);
        }
        Path local = localPath(pathPart);
        if (looksLikePath(name) && local != null && Files.isDirectory(local)) {
          if (!Files.exists(local.resolve("setup.py"))
              && !Files.exists(local.resolve("pyproject.toml"))) {
            throw error(
                at.locate(leftStart),
                "Directory "
                    + PyText.repr(name)
                    + " is not installable. Neither 'setup.py' nor 'pyproject.toml' found.");
          }
          link = Links.pathToUrl(local);
          kind = EntryKind.PATH;
        } else if (Links.isArchive(pathPart)) {
          int atSign = name.indexOf('@');
          if (local != null && Files.isRegularFile(local)) {
            link = Links.pathToUrl(local);
            kind = EntryKind.PATH;
          } else if (atSign >= 0 && !looksLikePath(name.substring(0, atSign))) {
            // a PEP 508 "name @ url" that happens to end like an archive
          } else if (local != null) {
            link = Links.pathToUrl(local);
            kind = EntryKind.PATH;
            warnings.add(
                Diagnostic.warning(
                    "missing-file",
                    at.locate(leftStart),
                    "Requirement "
                        + PyText.repr(name)
                        + " looks like a filename, but the file does not exist"));
          }
        }
      }
      if (link != null) {
        return linked(link, kind, extras, marker, markerText, at.locate(leftStart));
      }
      Requirement requirement;
      try {
        requirement = Requirement.parse(markerText == null ? name : name + " ; " + markerText);
        if (markerText != null) {
          // the marker was split off first, as pip does: what precedes it must parse alone
          Requirement.parse(name);
        }
      } catch (InvalidRequirementException e) {
        InvalidRequirementException own = e;
        try {
          Requirement.parse(name);
        } catch (InvalidRequirementException alone) {
          own = alone;
        }
        throw error(
            at.locate(leftStart + Math.max(0, own.column() - 1)),
            "Invalid requirement: "
                + PyText.repr(name)
                + ": "
                + firstLine(own.reason())
                + hint(name));
      }
      return new Resolved(
          kind, requirement, requirement.marker().orElse(null), requirement.url().orElse(null));
    }

    private Resolved linked(
        String link, EntryKind kind, String extras, Marker marker, String markerText, Location at) {
      if (Links.scheme(link).equals("file") && link.contains("../")) {
        Path local = localPath(Links.urlPath(link));
        if (local != null) {
          link = Links.pathToUrl(local);
        }
      }
      String filename = Links.filename(link);
      String requirementText = null;
      if (filename.toLowerCase(java.util.Locale.ROOT).endsWith(".whl")) {
        String[] nameVersion =
            Links.wheelNameAndVersion(filename)
                .orElseThrow(() -> error(at, filename + " is not a valid wheel filename."));
        requirementText = nameVersion[0] + extras + "==" + nameVersion[1];
      } else {
        String egg = Links.eggFragment(link).orElse(null);
        if (egg != null && !egg.isEmpty()) {
          requirementText = egg + extras;
        }
      }
      Requirement requirement = null;
      if (requirementText != null) {
        try {
          requirement =
              Requirement.parse(
                  markerText == null ? requirementText : requirementText + " ; " + markerText);
        } catch (InvalidRequirementException e) {
          throw error(
              at,
              "Invalid requirement: "
                  + PyText.repr(requirementText)
                  + ": "
                  + firstLine(e.reason()));
        }
      }
      java.util.SortedSet<String> pathExtras = Collections.emptySortedSet();
      if (requirement == null && !extras.isEmpty()) {
        try {
          pathExtras =
              Requirement.parse("placeholder" + extras.toLowerCase(java.util.Locale.ROOT)).extras();
        } catch (InvalidRequirementException e) {
          throw error(at, "Invalid extras " + PyText.repr(extras) + ": " + firstLine(e.reason()));
        }
      }
      return new Resolved(kind, requirement, marker, link, pathExtras);
    }

    /** pip's {@code parse_editable}. */
    private Resolved editable(String value, Positions at) {
      Location where = at.locate(0);
      String url = value;
      String extras = "";
      int extrasAt = extrasStart(value);
      if (extrasAt > 0) {
        url = value.substring(0, extrasAt);
        extras = value.substring(extrasAt);
      }
      Path local = localPath(url);
      if (local != null && Files.isDirectory(local)) {
        url = Links.pathToUrl(local);
      }
      if (url.toLowerCase(java.util.Locale.ROOT).startsWith("file:")) {
        Requirement requirement = null;
        String egg = Links.eggFragment(url).orElse(null);
        if (egg != null && !egg.isEmpty()) {
          requirement = parseEggName(egg + extras, where);
        }
        return new Resolved(EntryKind.EDITABLE, requirement, null, url);
      }
      String full = value;
      for (String vcs : List.of("git", "hg", "svn", "bzr")) {
        if (full.toLowerCase(java.util.Locale.ROOT).startsWith(vcs + ":")) {
          full = vcs + "+" + full;
          break;
        }
      }
      if (!Links.isVcs(full)) {
        throw error(
            where,
            value
                + " is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with "
                + String.join(", ", Links.VCS_SCHEMES)
                + ").");
      }
      String egg = Links.eggFragment(full).orElse(null);
      if (egg == null || egg.isEmpty()) {
        throw error(
            where,
            "Could not detect requirement name for "
                + PyText.repr(value)
                + ", please specify one with #egg=your_package_name");
      }
      return new Resolved(EntryKind.EDITABLE, parseEggName(egg, where), null, full);
    }

    private Requirement parseEggName(String egg, Location where) {
      try {
        return Requirement.parse(egg);
      } catch (InvalidRequirementException e) {
        throw error(where, "Invalid requirement: " + PyText.repr(egg));
      }
    }

    private Path localPath(String name) {
      try {
        return workingDirectory.resolve(name).normalize();
      } catch (InvalidPathException e) {
        return null;
      }
    }

    RequirementsFileException error(Location location, String message) {
      return new RequirementsFileException(text, location, shown(message));
    }

    UnreadableFileException unreadable(Location location, String message) {
      return new UnreadableFileException(text, location, shown(message));
    }
  }

  /**
   * Where pip's {@code ^(.+)(\[[^\]]+\])$} would split trailing extras off a path: the last {@code
   * [} before a final {@code ]} with no {@code ]} between; -1 if there are none.
   */
  static int extrasStart(String name) {
    if (!name.endsWith("]") || name.indexOf('\n') >= 0) {
      return -1;
    }
    int open = name.lastIndexOf('[', name.length() - 2);
    if (open <= 0 || open == name.length() - 2) {
      return -1;
    }
    return name.lastIndexOf(']', name.length() - 2) > open ? -1 : open;
  }

  private static boolean looksLikePath(String name) {
    return name.contains("/") || name.contains(java.io.File.separator) || name.startsWith(".");
  }

  private static String hint(String requirement) {
    if (requirement.contains("/") || requirement.contains(java.io.File.separator)) {
      return "\nHint: It looks like a path. File " + PyText.repr(requirement) + " does not exist.";
    }
    if (requirement.contains("=")) {
      for (String op : OPERATORS) {
        if (requirement.contains(op)) {
          return "";
        }
      }
      return "\nHint: = is not a valid operator. Did you mean == ?";
    }
    return "";
  }

  /** The algorithm before {@code colon}, without a new string for the usual ones. */
  private static String hashAlgorithm(String value, int colon) {
    if (colon == 6 && value.startsWith("sha256")) {
      return "sha256";
    }
    if (colon == 6 && value.startsWith("sha512")) {
      return "sha512";
    }
    if (colon == 6 && value.startsWith("sha384")) {
      return "sha384";
    }
    return value.substring(0, colon);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static OptParse.Use first(List<OptParse.Use> uses, OptionSpec option) {
    for (OptParse.Use use : uses) {
      if (use.option() == option) {
        return use;
      }
    }
    return null;
  }

  /** pip's comment rule: from a # at the start or after whitespace to the end of the line. */
  static String stripComment(String line) {
    for (int i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
      if (i == 0 || PyText.isSpace(line.charAt(i - 1))) {
        int start = i;
        while (start > 0 && PyText.isSpace(line.charAt(start - 1))) {
          start--;
        }
        return line.substring(0, start);
      }
    }
    return line;
  }

  /** A comment line indented under an entry: uv's and pip-compile's annotations. */
  private static boolean isAnnotation(LogicalLine line) {
    if (!line.isComment() || line.firstLine() != line.lastLine()) {
      return false;
    }
    String text = line.text().substring(1); // pip prepends a space to comment lines
    return !text.isEmpty() && PyText.isSpace(text.charAt(0));
  }

  /** The names of {@code # via a} or {@code # via} followed by {@code # a} lines. */
  static List<String> parseVia(String annotation) {
    List<String> via = new ArrayList<>();
    boolean inVia = false;
    for (int[] bounds : LogicalLine.physicalLines(annotation)) {
      String raw = annotation.substring(bounds[0], bounds[1]);
      String line = PyText.strip(raw);
      if (!line.startsWith("#")) {
        continue;
      }
      String body = line.substring(1);
      String trimmed = PyText.strip(body);
      if (trimmed.equals("via")) {
        inVia = true;
      } else if (trimmed.startsWith("via ")) {
        via.add(PyText.strip(trimmed.substring(4)));
        inVia = false;
      } else if (inVia && body.startsWith("   ") && !trimmed.isEmpty()) {
        via.add(trimmed);
      } else {
        inVia = false;
      }
    }
    return via;
  }

  /** Where things are on a logical line, after comment stripping and variable expansion. */
  private record Positions(String source, LogicalLine line, int leading, int expandedAt, int base) {
    Positions shifted(int offset) {
      return new Positions(source, line, leading, expandedAt, base + offset);
    }

    Location locate(int offset) {
      int inContent = base + offset;
      if (expandedAt >= 0 && inContent > expandedAt) {
        inContent = expandedAt; // positions after an expanded variable are not in the file
      }
      return line.locate(source, leading + inContent);
    }
  }

  /** What a requirement line resolved to. */
  private record Resolved(
      EntryKind kind,
      Requirement requirement,
      Marker marker,
      String link,
      java.util.SortedSet<String> extras) {
    Resolved(EntryKind kind, Requirement requirement, Marker marker, String link) {
      this(kind, requirement, marker, link, Collections.emptySortedSet());
    }
  }

  /**
   * The options of one line. {@code global} lines are option lines proper; on other lines pip still
   * applies {@code --no-binary}/{@code --only-binary} (they update its finder while parsing).
   */
  record OptionLine(
      List<OptParse.Use> uses,
      boolean global,
      boolean requirementLine,
      java.util.function.IntFunction<Location> locator,
      Path file) {
    /** The line's options with their locations (worked out only when asked for). */
    List<OptionUse> optionUses() {
      List<OptionUse> out = new ArrayList<>(uses.size());
      for (OptParse.Use use : uses) {
        out.add(
            new OptionUse(
                use.option().canonical().longName(),
                java.util.Optional.ofNullable(use.value()),
                locator.apply(use.offset()),
                requirementLine));
      }
      return out;
    }
  }
}
