package io.pyhermetic.plan;

import io.pyhermetic.audit.AuditReport;
import io.pyhermetic.audit.PackageAudit;
import io.pyhermetic.audit.Route;
import io.pyhermetic.audit.TargetResult;
import io.pyhermetic.builddeps.BuildDepsOutput;
import io.pyhermetic.builddeps.BuildDepsResult;
import io.pyhermetic.builddeps.OutputEntry;
import io.pyhermetic.builddeps.PackageOutcome;
import io.pyhermetic.diff.PackageDiff;
import io.pyhermetic.diff.RequirementsDiff;
import io.pyhermetic.error.Problem;
import io.pyhermetic.platform.Target;
import io.pyhermetic.text.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code plan.md}: the one page to read first. */
final class PlanMarkdown {
  private PlanMarkdown() {}

  static String render(PlanResult plan) {
    PlanRequest request = plan.request();
    Map<String, Target> targets = plan.targets();
    AuditReport audit = plan.audit();
    BuildDepsResult buildDeps = plan.buildDeps();
    Target first = targets.values().iterator().next();
    StringBuilder md = new StringBuilder("# Hermetic build plan\n\n");
    md.append("Targets ")
        .append(String.join(", ", targets.keySet()))
        .append(" with CPython ")
        .append(first.pythonVersion())
        .append(" and ")
        .append(first.libc().name().toLowerCase(Locale.ROOT))
        .append(' ')
        .append(first.libcVersion())
        .append("; index ")
        .append(Redaction.redact(plan.indexDescription()))
        .append(".\n\n");
    md.append(
        switch (plan.status()) {
          case READY -> "**Ready**: every pin installs offline on every target.\n\n";
          case FINDINGS ->
              "**" + plan.findings().size() + " finding(s)**: see *What will fail* below.\n\n";
          case INDEX_FAILURE ->
              "**The index failed**: what it did not answer is unknown, and this plan is not"
                  + " usable.\n\n";
        });

    md.append("## Per architecture\n\n| |");
    targets.keySet().forEach(a -> md.append(' ').append(a).append(" |"));
    md.append("\n|---|");
    targets.keySet().forEach(a -> md.append("---|"));
    md.append('\n');
    row(
        md,
        "requirements",
        targets,
        a ->
            plan.requirementsByTarget().get(a).stream()
                .map(p -> "`" + Commands.display(p) + "`")
                .collect(Collectors.joining(", ")));
    row(md, "pins", targets, a -> String.valueOf(countPins(audit, a)));
    row(md, "only here", targets, a -> listOrDash(onlyIn(plan.diff(), a)));
    row(md, "wheel", targets, a -> String.valueOf(countRoute(audit, a, Route.WHEEL)));
    row(md, "built from source", targets, a -> listOrDash(names(audit, a, Route.SDIST)));
    row(
        md,
        "not installable",
        targets,
        a ->
            listOrDash(
                audit.notInstallable(a).stream()
                    .filter(p -> !p.indexFailure())
                    .map(Planner::pin)
                    .toList()));
    if (audit.hasIndexFailures()) {
      row(
          md,
          "unknown (index failed)",
          targets,
          a -> listOrDash(audit.unknown(a).stream().map(Planner::pin).toList()));
    }
    md.append('\n');

    md.append("## Without sdist\n\n");
    List<PackageAudit> unknown = audit.indexFailures();
    if (audit.withoutSdist().isEmpty() && unknown.isEmpty()) {
      md.append("Every pin has an sdist.\n\n");
    } else {
      if (!audit.withoutSdist().isEmpty()) {
        md.append("Wheels only; their build dependencies cannot be derived")
            .append(request.skipMissingSdist() ? " (skipped with --skip-missing-sdist)" : "")
            .append(": ")
            .append(Planner.pins(audit.withoutSdist()))
            .append(".");
      } else {
        md.append("Every pin the index answered for has an sdist.");
      }
      if (!unknown.isEmpty()) {
        md.append(" Unknown, the index failed: ").append(Planner.pins(unknown)).append('.');
      }
      md.append("\n\n");
    }

    md.append("## Build dependencies\n\n");
    if (buildDeps.isOk()) {
      long built =
          buildDeps.packages().stream()
              .filter(p -> p.status() == PackageOutcome.Status.RESOLVED)
              .count();
      md.append("`requirements-build.txt`: ")
          .append(buildDeps.entries().size())
          .append(" pins for the build environments of ")
          .append(built)
          .append(" packages: ")
          .append(
              buildDeps.entries().stream()
                  .map(OutputEntry::toString)
                  .collect(Collectors.joining(", ")))
          .append(".");
      if (!buildDeps.skipped().isEmpty()) {
        md.append(" Skipped without sdist: ")
            .append(
                buildDeps.skipped().stream()
                    .map(Problem::subject)
                    .collect(Collectors.joining(", ")))
            .append('.');
      }
      md.append("\n\n");
      String graph = BuildDepsOutput.mermaid(buildDeps);
      if (!graph.isEmpty()) {
        md.append(
                "The build environment of each package with an sdist (dashed: no sdist, skipped):\n\n")
            .append("```mermaid\n")
            .append(graph)
            .append(graph.endsWith("\n") ? "" : "\n")
            .append("```\n\n");
      }
    } else {
      md.append(
              "Not resolved, so no `requirements-build.txt`, Hermeto inputs or `build.sh` were"
                  + " made")
          .append(" (details in `build-deps.json`).\n\n");
    }

    VulnerabilitySection.append(md, plan);

    md.append("## What will fail\n\n");
    if (plan.findings().isEmpty()) {
      md.append("Nothing found.\n\n");
    } else {
      plan.findings()
          .forEach(f -> md.append("- ").append(f.message().replace("|", "\\|")).append('\n'));
      md.append('\n');
    }

    md.append("## Next steps\n\n");
    if (plan.nextSteps().isEmpty()) {
      md.append("Fix the findings above and plan again.\n\n");
    } else {
      nextSteps(md, plan);
    }

    md.append("## Files\n\n");
    if (request.universalFile().isPresent()) {
      targets
          .keySet()
          .forEach(
              a ->
                  md.append("- `requirements-")
                      .append(a)
                      .append(".txt`: the universal file's pins for ")
                      .append(a)
                      .append(", what Hermeto reads\n"));
    }
    md.append("- `check.txt`: pip's and Hermeto's findings per line\n");
    md.append("- `diff.md`: the per-architecture comparison\n");
    md.append("- `audit.json`, `audit.md`: what installs how on each target\n");
    md.append("- `build-deps.json`: each package's build requirements and environment\n");
    if (plan.files().containsKey(PlanFiles.BUILD_REQUIREMENTS)) {
      md.append("- `requirements-build.txt`: the build dependencies, hash-pinned\n");
    }
    plan.configuredArchitectures()
        .forEach(
            a ->
                md.append("- `hermeto-")
                    .append(a)
                    .append(".json`: Hermeto's input for ")
                    .append(a)
                    .append('\n'));
    if (plan.files().containsKey(PlanFiles.ENV)) {
      md.append("- `hermeto.env`: `PIP_FIND_LINKS` and `PIP_NO_INDEX` for the build\n");
    }
    if (plan.files().containsKey(PlanFiles.BUILD_SCRIPT)) {
      md.append("- `build.sh`: the podman commands\n");
    }
    return md.toString();
  }

  private static void nextSteps(StringBuilder md, PlanResult plan) {
    PlanRequest request = plan.request();
    List<String> steps = plan.nextSteps();
    List<String> archs = plan.configuredArchitectures();
    md.append("From the directory this plan was made in:\n\n");
    for (int i = 0; i < archs.size(); i++) {
      md.append(i + 1)
          .append(". Fetch for ")
          .append(archs.get(i))
          .append(" from the index: `")
          .append(steps.get(i))
          .append("`\n");
    }
    md.append(archs.size() + 1)
        .append(". Build, one `--network none` build per architecture into the manifest list `")
        .append(request.image())
        .append("` (add `--dry-run` to see the podman commands first): `")
        .append(steps.get(steps.size() - 1))
        .append("`\n\n");
    Path containerfile = request.sourceDirectory().resolve(request.containerfile());
    if (!Files.isRegularFile(containerfile)) {
      md.append("The build needs `")
          .append(Commands.display(containerfile))
          .append(
              "`, the hermetic Containerfile, which does not exist yet: it installs the"
                  + " requirements with `pip install --no-index` after sourcing"
                  + " `/tmp/hermeto.env`, with the fetched files mounted at"
                  + " `/tmp/hermeto-output`.\n\n");
    }
  }

  private static void row(
      StringBuilder md, String what, Map<String, Target> targets, Function<String, String> cell) {
    md.append("| ").append(what).append(" |");
    targets
        .keySet()
        .forEach(a -> md.append(' ').append(cell.apply(a).replace("|", "\\|")).append(" |"));
    md.append('\n');
  }

  private static long countPins(AuditReport audit, String arch) {
    return audit.packages().stream().filter(p -> p.targets().containsKey(arch)).count();
  }

  private static long countRoute(AuditReport audit, String arch, Route route) {
    return audit.packages().stream()
        .map(p -> p.targets().get(arch))
        .filter(r -> r != null && r.route() == route)
        .count();
  }

  private static List<String> names(AuditReport audit, String arch, Route route) {
    List<String> out = new ArrayList<>();
    for (PackageAudit p : audit.packages()) {
      TargetResult r = p.targets().get(arch);
      if (r != null && r.route() == route) {
        out.add(Planner.pin(p));
      }
    }
    return out;
  }

  private static List<String> onlyIn(Optional<RequirementsDiff> compared, String arch) {
    List<String> out = new ArrayList<>();
    if (compared.isEmpty() || compared.get().labels().size() < 2) {
      return out;
    }
    for (PackageDiff p : compared.get().packages()) {
      List<String> present = new ArrayList<>();
      p.versions().forEach((label, version) -> version.ifPresent(v -> present.add(label)));
      if (present.size() == 1
          && PlanInputs.architecture(Path.of("requirements-" + present.get(0) + ".txt"))
              .orElse(present.get(0))
              .equals(arch)) {
        out.add(p.name() + " " + p.versions().get(present.get(0)).get());
      }
    }
    return out;
  }

  private static String listOrDash(List<String> items) {
    return items.isEmpty() ? "-" : String.join(", ", items);
  }

  private static String listOrDash(String items) {
    return items.isEmpty() ? "-" : items;
  }
}
