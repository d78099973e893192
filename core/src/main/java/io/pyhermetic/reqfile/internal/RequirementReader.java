package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.reqfile.EntryKind;
import io.pyhermetic.requirement.InvalidMarkerException;
import io.pyhermetic.requirement.InvalidRequirementException;
import io.pyhermetic.requirement.Marker;
import io.pyhermetic.requirement.Requirement;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What the requirement part of a line names, as pip's {@code parse_req_from_line} and {@code
 * parse_editable} work it out: a PEP 508 requirement (judged with packaging 26 rules), a URL, a
 * local path or an editable project.
 */
public final class RequirementReader {
  private static final List<String> OPERATORS =
      List.of("~=", "==", "!=", "<=", ">=", "<", ">", "===");

  /**
   * What a requirement part resolved to.
   *
   * @param kind what it names
   * @param requirement the requirement, empty for unnamed URLs and paths
   * @param marker the marker, the requirement's or one written after a URL
   * @param link the URL, path or editable target, if any
   * @param extras the extras written after a local path (a requirement keeps its own)
   */
  public record Resolved(
      EntryKind kind,
      Optional<Requirement> requirement,
      Optional<Marker> marker,
      Optional<String> link,
      SortedSet<String> extras) {
    Resolved(EntryKind kind, Requirement requirement, Marker marker, String link) {
      this(kind, requirement, marker, link, Collections.emptySortedSet());
    }

    Resolved(
        EntryKind kind,
        Requirement requirement,
        Marker marker,
        String link,
        SortedSet<String> extras) {
      this(
          kind,
          Optional.ofNullable(requirement),
          Optional.ofNullable(marker),
          Optional.ofNullable(link),
          requirement != null ? requirement.extras() : extras);
    }
  }

  private final Path workingDirectory;
  private final Messages messages;

  /**
   * A reader for the lines of one file.
   *
   * @param workingDirectory what relative paths on requirement lines resolve against
   * @param messages where errors are worded and warnings go
   */
  public RequirementReader(Path workingDirectory, Messages messages) {
    this.workingDirectory = workingDirectory;
    this.messages = messages;
  }

  /**
   * pip's {@code parse_req_from_line}.
   *
   * @param part the requirement part of a line
   * @param at where it is
   * @return what it names
   * @throws io.pyhermetic.reqfile.RequirementsFileException for what pip rejects
   */
  public Resolved requirement(String part, Locator at) {
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
          throw messages.error(
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
          throw messages.error(
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
          messages.warn(
              "missing-file",
              at.locate(leftStart),
              "Requirement "
                  + PyText.repr(name)
                  + " looks like a filename, but the file does not exist");
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
      throw messages.error(
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
    if (filename.toLowerCase(Locale.ROOT).endsWith(".whl")) {
      String[] nameVersion =
          Links.wheelNameAndVersion(filename)
              .orElseThrow(() -> messages.error(at, filename + " is not a valid wheel filename."));
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
        throw messages.error(
            at,
            "Invalid requirement: " + PyText.repr(requirementText) + ": " + firstLine(e.reason()));
      }
    }
    SortedSet<String> pathExtras = Collections.emptySortedSet();
    if (requirement == null && !extras.isEmpty()) {
      try {
        pathExtras = Requirement.parse("placeholder" + extras.toLowerCase(Locale.ROOT)).extras();
      } catch (InvalidRequirementException e) {
        throw messages.error(
            at, "Invalid extras " + PyText.repr(extras) + ": " + firstLine(e.reason()));
      }
    }
    return new Resolved(kind, requirement, marker, link, pathExtras);
  }

  /**
   * pip's {@code parse_editable}.
   *
   * @param value the value of {@code -e}
   * @param at where it is
   * @return the editable project
   * @throws io.pyhermetic.reqfile.RequirementsFileException for what pip rejects
   */
  public Resolved editable(String value, Locator at) {
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
    if (url.toLowerCase(Locale.ROOT).startsWith("file:")) {
      Requirement requirement = null;
      String egg = Links.eggFragment(url).orElse(null);
      if (egg != null && !egg.isEmpty()) {
        requirement = parseEggName(egg + extras, where);
      }
      return new Resolved(EntryKind.EDITABLE, requirement, null, url);
    }
    String full = value;
    for (String vcs : List.of("git", "hg", "svn", "bzr")) {
      if (full.toLowerCase(Locale.ROOT).startsWith(vcs + ":")) {
        full = vcs + "+" + full;
        break;
      }
    }
    if (!Links.isVcs(full)) {
      throw messages.error(
          where,
          value
              + " is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with "
              + String.join(", ", Links.VCS_SCHEMES)
              + ").");
    }
    String egg = Links.eggFragment(full).orElse(null);
    if (egg == null || egg.isEmpty()) {
      throw messages.error(
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
      throw messages.error(where, "Invalid requirement: " + PyText.repr(egg));
    }
  }

  private Path localPath(String name) {
    try {
      return workingDirectory.resolve(name).normalize();
    } catch (InvalidPathException e) {
      return null;
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

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
