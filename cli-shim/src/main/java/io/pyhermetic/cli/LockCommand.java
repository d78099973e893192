package io.pyhermetic.cli;

import io.pyhermetic.error.ParseException;
import io.pyhermetic.error.Problem;
import io.pyhermetic.files.AtomicFiles;
import io.pyhermetic.index.CachingIndex;
import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.IndexLocation;
import io.pyhermetic.index.Indexes;
import io.pyhermetic.index.SimpleIndex;
import io.pyhermetic.lock.LockFiles;
import io.pyhermetic.lock.LockInput;
import io.pyhermetic.lock.LockRequest;
import io.pyhermetic.lock.LockResult;
import io.pyhermetic.lock.LockedPackage;
import io.pyhermetic.lock.Locker;
import io.pyhermetic.lock.PylockOutput;
import io.pyhermetic.lock.TargetLock;
import io.pyhermetic.lockfile.LockRequirements;
import io.pyhermetic.lockfile.SelectionRequest;
import io.pyhermetic.platform.Target;
import io.pyhermetic.reqfile.Entry;
import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.requirement.Requirement;
import io.pyhermetic.text.Redaction;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pyhermetic lock}: per-target hash-pinned requirements files, resolved without emulation.
 */
@Command(
    name = "lock",
    mixinStandardHelpOptions = true,
    description =
        "Resolve the inputs (pyproject.toml, setup.cfg, requirements files) for each target from"
            + " the index's metadata alone, with every marker evaluated for that target, and write"
            + " DIR/requirements-<arch>.txt in uv's --generate-hashes layout (or one"
            + " DIR/requirements.txt with platform_machine markers with --universal). The versions"
            + " of the files already in DIR are kept unless --upgrade or --upgrade-package. A"
            + " package whose dependencies cannot be known without a build is reported and nothing"
            + " is written. --check writes nothing and exits 1 when DIR's files differ.")
final class LockCommand implements Callable<Integer> {
  static final String UNIVERSAL_FILE = "requirements.txt";
  static final String PYLOCK_FILE = "pylock.toml";

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "pyproject.toml, setup.cfg or a requirements file (requirements.in).")
  List<Path> inputs;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "ARCH",
      description = "x86_64, aarch64, ppc64le or s390x (amd64 and arm64 too); repeatable.")
  List<String> targetArchs;

  @Mixin TargetOptions targetOptions;

  @Option(names = "--extra", paramLabel = "NAME", description = "Include this extra (repeatable).")
  List<String> extras = new ArrayList<>();

  @Option(names = "--all-extras", description = "Include every extra of the project inputs.")
  boolean allExtras;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description = "Include this PEP 735 dependency group (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(
      names = {"-c", "--constraint"},
      paramLabel = "FILE",
      description = "Constrain versions with this requirements file (repeatable).")
  List<Path> constraintFiles = new ArrayList<>();

  @Option(
      names = "--override",
      paramLabel = "FILE",
      description =
          "Replace every requirement on a project named in this file by the file's (repeatable).")
  List<Path> overrideFiles = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Upgrade upgrade;

  static final class Upgrade {
    @Option(
        names = {"-U", "--upgrade"},
        description = "Ignore the versions of the files in DIR.")
    boolean all;

    @Option(
        names = {"-P", "--upgrade-package"},
        paramLabel = "NAME",
        description = "Ignore the version in DIR of this project (repeatable).")
    List<String> packages = new ArrayList<>();
  }

  @Option(
      names = "--universal",
      description =
          "Write one DIR/requirements.txt whose entries carry platform_machine markers; pyhermetic"
              + " split turns it back into the per-target files.")
  boolean universal;

  @Option(
      names = "--format",
      paramLabel = "requirements|pylock",
      defaultValue = "requirements",
      description =
          "requirements (default): the per-target requirements files; pylock: one DIR/pylock.toml"
              + " (PEP 751) with every file's URL, size, upload time and hash, each package"
              + " marked with the architectures that install it.")
  String format;

  @Option(
      names = "--exclude-newer",
      paramLabel = "TIMESTAMP",
      description =
          "Leave out files uploaded after this RFC 3339 timestamp or date (midnight UTC).")
  String excludeNewer;

  @Option(
      names = "--prerelease",
      paramLabel = "allow|if-necessary",
      defaultValue = "if-necessary",
      description =
          "allow: pre-releases are candidates; if-necessary (default): only where nothing else"
              + " matches or a specifier names one.")
  String prerelease;

  @Option(
      names = "--only-binary",
      paramLabel = "NAME",
      description = "Install this project (or :all:) from wheels only (repeatable).")
  List<String> onlyBinary = new ArrayList<>();

  @Option(
      names = "--no-binary",
      paramLabel = "NAME",
      description = "Build this project (or :all:) from its sdist (repeatable).")
  List<String> noBinary = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Directory of the lock files.")
  Path directory;

  @Option(
      names = "--check",
      description = "Write nothing; exit 1 and print the differences when DIR's files differ.")
  boolean check;

  @Mixin IndexOptions indexOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Target> targets = targetOptions.targets("--target", targetArchs);
    if (!format.equals("requirements") && !format.equals("pylock")) {
      throw new CliException(
          "--format must be requirements or pylock, not " + format, ExitCodes.USAGE);
    }
    if (pylock() && universal) {
      throw new CliException(
          "--universal writes requirements files; a pylock.toml is universal already",
          ExitCodes.USAGE);
    }
    if (!prerelease.equals("allow") && !prerelease.equals("if-necessary")) {
      throw new CliException(
          "--prerelease must be allow or if-necessary, not " + prerelease, ExitCodes.USAGE);
    }
    LockRequest.Builder request =
        LockRequest.builder().allExtras(allExtras).prereleases(prerelease.equals("allow"));
    targets.values().forEach(request::target);
    for (Path input : inputs) {
      request.input(readInput(input));
    }
    extras.forEach(request::extra);
    groups.forEach(request::group);
    requirementsOf(constraintFiles).forEach(request::constraint);
    requirementsOf(overrideFiles).forEach(request::override);
    onlyBinary.forEach(request::onlyBinary);
    noBinary.forEach(request::noBinary);
    parseExcludeNewer().ifPresent(request::excludeNewer);
    if (upgrade != null) {
      request.upgradeAll(upgrade.all);
      upgrade.packages.forEach(p -> request.upgrade(projectName(p)));
    }
    Map<String, List<Entry>> existing = existingEntries(targets);
    existing.forEach((arch, entries) -> request.preferences(arch, LockFiles.pins(entries)));

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LockResult result;
    try (CachingIndex index = openIndex()) {
      result = new Locker(index).lock(request.build());
    } catch (IndexException e) {
      err.println("pyhermetic lock: " + Redaction.redact(e.getMessage()).replace('\n', ' '));
      err.println("nothing written: the index failed");
      return ExitCodes.INDEX;
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    if (!report(result, err)) {
      err.println("nothing written");
      return ExitCodes.FINDINGS;
    }
    String command = command();
    Map<Path, String> files = new LinkedHashMap<>();
    if (pylock()) {
      files.put(directory.resolve(PYLOCK_FILE), PylockOutput.render(result, "pyhermetic"));
    } else if (universal) {
      files.put(directory.resolve(UNIVERSAL_FILE), LockFiles.renderUniversal(result, command));
    } else {
      for (TargetLock lock : result.targets()) {
        files.put(
            directory.resolve(LockFiles.fileName(lock.arch())), LockFiles.render(lock, command));
      }
    }
    if (check) {
      return pylock()
          ? checkPylock(files.get(directory.resolve(PYLOCK_FILE)), out)
          : check(result, existing, out);
    }
    try {
      for (Map.Entry<Path, String> file : files.entrySet()) {
        AtomicFiles.write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
      }
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    for (TargetLock lock : result.targets()) {
      Path file =
          directory.resolve(
              pylock()
                  ? PYLOCK_FILE
                  : universal ? UNIVERSAL_FILE : LockFiles.fileName(lock.arch()));
      out.println("locked " + lock.arch() + ": " + lock.packages().size() + " packages in " + file);
    }
    return ExitCodes.OK;
  }

  /** Prints conflicts, problems and notes; whether the result can be written. */
  private static boolean report(LockResult result, PrintWriter err) {
    for (TargetLock lock : result.targets()) {
      lock.conflict()
          .ifPresent(
              c ->
                  err.println(
                      lock.arch()
                          + ": no solution: "
                          + c.explain()
                              .replace("\n", "\n" + " ".repeat(lock.arch().length() + 2))));
      for (Problem p : lock.problems()) {
        err.println(lock.arch() + ": " + p);
      }
      List<LockedPackage> fromJson = lock.fromJsonApi();
      if (!fromJson.isEmpty()) {
        err.println(
            lock.arch()
                + ": note: the dependencies of "
                + fromJson.size()
                + " package(s) come from the JSON API's requires_dist (no core metadata file or"
                + " wheel was read): "
                + String.join(", ", fromJson.stream().map(LockedPackage::pin).toList()));
      }
    }
    return result.isOk();
  }

  private boolean pylock() {
    return format.equals("pylock");
  }

  /** Drift of a pylock.toml: its text against what would be written, as a unified diff. */
  private int checkPylock(String expected, PrintWriter out) {
    Path file = directory.resolve(PYLOCK_FILE);
    if (!Files.isRegularFile(file)) {
      out.println("missing: " + file);
      return ExitCodes.FINDINGS;
    }
    String actual;
    try {
      actual = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new CliException(
          "cannot read " + file + ": " + io.pyhermetic.error.Failures.describe(e), ExitCodes.USAGE);
    }
    if (actual.equals(expected)) {
      out.println("up to date: " + file);
      return ExitCodes.OK;
    }
    out.println(file + " differs from what lock would write:");
    List<String> was = actual.lines().toList();
    List<String> now = expected.lines().toList();
    java.util.Set<String> kept = new java.util.HashSet<>(now);
    java.util.Set<String> before = new java.util.HashSet<>(was);
    was.stream().filter(l -> !kept.contains(l)).forEach(l -> out.println("  - " + l));
    now.stream().filter(l -> !before.contains(l)).forEach(l -> out.println("  + " + l));
    return ExitCodes.FINDINGS;
  }

  private int check(LockResult result, Map<String, List<Entry>> existing, PrintWriter out) {
    boolean drift = false;
    for (TargetLock lock : result.targets()) {
      String name = universal ? UNIVERSAL_FILE : LockFiles.fileName(lock.arch());
      List<Entry> entries = existing.get(lock.arch());
      List<String> lines =
          entries == null
              ? List.of("missing: " + directory.resolve(name))
              : LockFiles.drift(entries, lock);
      if (!lines.isEmpty()) {
        drift = true;
        out.println(lock.arch() + " (" + directory.resolve(name) + "):");
        lines.forEach(l -> out.println("  " + l));
      }
    }
    if (!drift) {
      out.println("up to date: " + directory);
    }
    return drift ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static LockInput readInput(Path input) {
    Inputs.requireText(input);
    try {
      return LockInput.read(input);
    } catch (ParseException e) {
      throw new CliException(Redaction.redact(e.getMessage()).replace('\n', ' '), ExitCodes.USAGE);
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  private static List<Requirement> requirementsOf(List<Path> files) {
    List<Requirement> out = new ArrayList<>();
    RequirementsFileParser parser = new RequirementsFileParser();
    for (Path file : files) {
      for (Entry e : Inputs.parse(parser, file).allEntries()) {
        e.requirement().filter(r -> r.url().isEmpty()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The entries of the existing lock per target: its own file, or the universal file's. */
  private Map<String, List<Entry>> existingEntries(Map<String, Target> targets) {
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    RequirementsFileParser parser = new RequirementsFileParser();
    if (pylock()) {
      Path file = directory.resolve(PYLOCK_FILE);
      if (Files.isRegularFile(file)) {
        for (Target target : targets.values()) {
          out.put(
              target.arch(),
              LockRequirements.of(Inputs.select(file, SelectionRequest.of(target))).allEntries());
        }
      }
      return out;
    }
    for (Target target : targets.values()) {
      Path file = directory.resolve(universal ? UNIVERSAL_FILE : LockFiles.fileName(target.arch()));
      if (!Files.isRegularFile(file)) {
        continue;
      }
      RequirementsFile parsed = Inputs.parse(parser, file);
      List<Entry> entries = new ArrayList<>();
      for (Entry e : parsed.allEntries()) {
        if (appliesTo(e, target)) {
          entries.add(e);
        }
      }
      out.put(target.arch(), entries);
    }
    return out;
  }

  private static boolean appliesTo(Entry e, Target target) {
    return Marker.appliesIn(e.marker(), target.markerEnvironment());
  }

  private static ProjectName projectName(String name) {
    if (!ProjectName.isValid(name)) {
      throw new CliException("--upgrade-package: not a project name: " + name, ExitCodes.USAGE);
    }
    return ProjectName.of(name);
  }

  private Optional<Instant> parseExcludeNewer() {
    if (excludeNewer == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(excludeNewer));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDate.parse(excludeNewer).atStartOfDay().toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        throw new CliException(
            "--exclude-newer: not an RFC 3339 timestamp or a date: " + excludeNewer,
            ExitCodes.USAGE);
      }
    }
  }

  /**
   * The index the options name; without one, PyPI's simple index rather than its JSON API, since
   * the simple index serves each wheel's own metadata (PEP 658) where the JSON API gives one
   * file's.
   */
  private CachingIndex openIndex() {
    IndexLocation location = indexOptions.location();
    if (indexOptions.jsonIndex == null && location.equals(IndexLocation.pypi())) {
      location = IndexLocation.simple(SimpleIndex.DEFAULT_BASE_URL);
    }
    try {
      return Indexes.open(location, indexOptions.settings());
    } catch (IllegalArgumentException e) {
      throw new CliException(Redaction.redact(e.getMessage()), ExitCodes.USAGE);
    }
  }

  /** The command line for the header: as given, without --check, credentials redacted. */
  private String command() {
    List<String> args = new ArrayList<>();
    args.add("pyhermetic");
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      if (!arg.equals("--check")) {
        args.add(quote(Redaction.redact(arg)));
      }
    }
    return String.join(" ", args);
  }

  private static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
