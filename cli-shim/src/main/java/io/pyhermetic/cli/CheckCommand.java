package io.pyhermetic.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Severity;
import io.pyhermetic.hermeto.HermetoRules;
import io.pyhermetic.lockfile.LockFileException;
import io.pyhermetic.lockfile.LockFiles;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.LockSelection;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.GlobalOptions;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.reqfile.UnreadableFileException;
import io.pyhermetic.text.Redaction;
import io.pyhermetic.text.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyhermetic check}: parse requirements files as pip does, and apply Hermeto's rules. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Parse pip requirements files exactly as pip does and report every problem as"
            + " file:line:col: severity: message [rule]. With --hermeto, also report what"
            + " Hermeto would reject or ignore when prefetching these files.")
final class CheckCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Requirements files to check.")
  List<Path> files;

  @Option(names = "--hermeto", description = "Also apply Hermeto's rules for pip requirements.")
  boolean hermeto;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description =
          "A variable for $${NAME} expansion (repeatable). When given, only these are used;"
              + " otherwise the process environment is, as pip does.")
  Map<String, String> env;

  @Option(
      names = "--target",
      paramLabel = "ARCH",
      description =
          "For a lock file (pylock.toml, uv.lock): check what this architecture installs"
              + " (repeatable); without it the lock is only validated.")
  List<String> targetArchs;

  @picocli.CommandLine.Mixin TargetOptions targetOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RequirementsFileParser parser = new RequirementsFileParser();
    if (env != null) {
      parser = parser.withEnvironment(env);
    }
    // every file is checked and reported, the unreadable ones too, before the exit code is chosen
    List<Checked> results = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    int unreadable = 0;
    for (Path file : files) {
      Optional<String> why = io.pyhermetic.reqfile.TextFiles.unreadable(file);
      if (why.isPresent()) {
        unreadable++;
        err.println("pyhermetic check: cannot read " + file + ": " + why.get());
        results.add(new Checked(file, null, why));
        continue;
      }
      if (LockFiles.isLockFile(file)) {
        checkLock(file, results, diagnostics);
        continue;
      }
      try {
        RequirementsFile parsed = parser.parse(file);
        results.add(new Checked(file, parsed, Optional.empty()));
        diagnostics.addAll(parsed.warnings());
        if (hermeto) {
          diagnostics.addAll(HermetoRules.check(parsed));
        }
      } catch (UnreadableFileException e) {
        // a file it includes cannot be read: as for a file given, exit code 2
        unreadable++;
        String reason = Redaction.redact(e.getMessage());
        err.println(
            "pyhermetic check: cannot read " + file + ": " + TerminalText.escapeMessage(reason));
        results.add(new Checked(file, null, Optional.of(reason)));
      } catch (RequirementsFileException e) {
        results.add(new Checked(file, null, Optional.empty()));
        diagnostics.add(Diagnostic.error("pip", e.location(), Redaction.redact(e.reason())));
      }
    }
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = diagnostics.size() - errors;
    int entries =
        results.stream().mapToInt(r -> r.file == null ? 0 : r.file.allEntries().size()).sum();
    if (format == Format.json) {
      out.print(Json.write(json(results, diagnostics, entries, errors, warnings, unreadable)));
    } else {
      for (Diagnostic d : diagnostics) {
        // one line per finding: a message's own line breaks (pip's hints) become spaces
        out.println(TerminalText.escapeControls(Redaction.redact(d.toString())).replace('\n', ' '));
      }
      out.printf(
          "%d %s%s, %d %s: %d %s, %d %s%n",
          files.size(),
          files.size() == 1 ? "file" : "files",
          unreadable == 0 ? "" : " (" + unreadable + " unreadable)",
          entries,
          entries == 1 ? "entry" : "entries",
          errors,
          errors == 1 ? "error" : "errors",
          warnings,
          warnings == 1 ? "warning" : "warnings");
    }
    out.flush();
    if (unreadable > 0) {
      return ExitCodes.USAGE;
    }
    return errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** A lock file: its problems, and per target given what it installs, checked as requirements. */
  private void checkLock(Path file, List<Checked> results, List<Diagnostic> diagnostics) {
    Map<String, Target> targets =
        targetOptions.targets("--target", targetArchs == null ? List.of() : targetArchs);
    java.util.Set<Diagnostic> found = new java.util.LinkedHashSet<>();
    try {
      if (targets.isEmpty()) {
        if (LockFiles.formatOf(file).orElseThrow() == LockFiles.Format.PYLOCK) {
          found.addAll(io.pyhermetic.lockfile.PylockFile.read(file).warnings());
        } else {
          io.pyhermetic.lockfile.UvLockFile.read(file);
        }
        results.add(new Checked(file, null, Optional.empty()));
      }
      for (Target target : targets.values()) {
        LockSelection selection = LockFiles.select(file, SelectionRequest.of(target));
        found.addAll(selection.problems());
        if (selection.isOk()) {
          RequirementsFile parsed = LockRequirements.of(selection);
          results.add(new Checked(file, parsed, Optional.empty()));
          found.addAll(parsed.warnings());
          if (hermeto) {
            found.addAll(HermetoRules.check(parsed));
          }
        }
      }
    } catch (LockFileException e) {
      results.add(new Checked(file, null, Optional.empty()));
      found.addAll(e.problems());
    }
    found.forEach(
        d ->
            diagnostics.add(
                new Diagnostic(
                    d.severity(), d.rule(), d.location(), Redaction.redact(d.message()))));
  }

  /** A file given: what it parsed to, or why it could not be read. */
  private record Checked(Path path, RequirementsFile file, Optional<String> unreadable) {}

  private static ObjectNode json(
      List<Checked> results,
      List<Diagnostic> diagnostics,
      int entries,
      long errors,
      long warnings,
      int unreadable) {
    ObjectNode root = Json.object();
    ArrayNode files = root.putArray("files");
    for (Checked checked : results) {
      ObjectNode file = files.addObject();
      file.put("path", checked.path.toString());
      file.put("unreadable", checked.unreadable.orElse(null));
      ArrayNode list = file.putArray("entries");
      if (checked.file == null) {
        file.putNull("options");
        continue;
      }
      for (Entry e : checked.file.allEntries()) {
        list.add(entry(e));
      }
      file.set("options", options(checked.file.options()));
      file.put("hash_mode", checked.file.hashMode());
    }
    Json.putDiagnostics(root, diagnostics);
    ObjectNode summary = root.putObject("summary");
    summary.put("files", results.size());
    summary.put("unreadable", unreadable);
    summary.put("entries", entries);
    summary.put("errors", errors);
    summary.put("warnings", warnings);
    return root;
  }

  static ObjectNode entry(Entry e) {
    ObjectNode node = Json.object();
    node.put("file", e.location().source());
    node.put("line", e.line());
    node.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("name", e.requirement().map(r -> r.name()).orElse(null));
    node.put("canonical_name", e.name().map(n -> n.canonical()).orElse(null));
    node.put("specifier", e.requirement().map(r -> r.specifier().toString()).orElse(null));
    node.put("version", e.pinnedVersion().map(Object::toString).orElse(null));
    ArrayNode extras = node.putArray("extras");
    e.extras().forEach(extras::add);
    node.put("marker", e.marker().map(Object::toString).orElse(null));
    node.put("url", Redaction.redact(e.link().orElse(null)));
    node.put("editable", e.isEditable());
    node.put("constraint", e.isConstraint());
    ObjectNode hashes = node.putObject("hashes");
    e.hashes().forEach((alg, values) -> values.forEach(hashes.withArray(alg)::add));
    ArrayNode via = node.putArray("via");
    e.via().forEach(via::add);
    return node;
  }

  static ObjectNode options(GlobalOptions o) {
    ObjectNode node = Json.object();
    ArrayNode indexUrls = node.putArray("index_urls");
    o.indexUrls().forEach(u -> indexUrls.add(Redaction.redact(u)));
    node.put("no_index", o.noIndex());
    ArrayNode findLinks = node.putArray("find_links");
    o.findLinks().forEach(u -> findLinks.add(Redaction.redact(u)));
    ArrayNode noBinary = node.putArray("no_binary");
    o.noBinary().forEach(noBinary::add);
    ArrayNode onlyBinary = node.putArray("only_binary");
    o.onlyBinary().forEach(onlyBinary::add);
    node.put("prefer_binary", o.preferBinary());
    node.put("require_hashes", o.requireHashes());
    node.put("pre", o.pre());
    ArrayNode trusted = node.putArray("trusted_hosts");
    o.trustedHosts().forEach(trusted::add);
    ArrayNode features = node.putArray("features");
    o.features().forEach(features::add);
    return node;
  }
}
