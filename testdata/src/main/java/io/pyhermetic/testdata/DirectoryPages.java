package io.pyhermetic.testdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * PEP 691 project pages for a directory of distribution files. A {@code <file>.metadata} sidecar is
 * offered as the file's PEP 658 core metadata (and its {@code Requires-Python} published); a {@code
 * <file>.yanked} sidecar marks the file yanked with its text as the reason.
 */
final class DirectoryPages {
  private static final List<String> SDIST_SUFFIXES =
      List.of(".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  private volatile Listing listing = new Listing(null, Map.of());

  /** The files by project, as of the directory's modification time. */
  private record Listing(
      java.nio.file.attribute.FileTime modified, Map<String, List<Path>> files) {}

  DirectoryPages(Path directory) {
    this.directory = directory;
  }

  String page(String project, String fileBaseUrl) {
    String wanted = canonical(project);
    ObjectNode root = JSON.createObjectNode();
    root.putObject("meta").put("api-version", "1.1");
    root.put("name", wanted);
    ArrayNode files = root.putArray("files");
    try {
      for (Path file : files(wanted)) {
        String name = file.getFileName().toString();
        ObjectNode node = files.addObject();
        node.put("filename", name);
        node.put("url", fileBaseUrl + name);
        node.putObject("hashes").put("sha256", sha256(file));
        node.put("size", Files.size(file));
        Path metadata = file.resolveSibling(name + ".metadata");
        if (Files.isRegularFile(metadata)) {
          node.putObject("core-metadata").put("sha256", sha256(metadata));
          requiresPython(Files.readString(metadata)).ifPresent(r -> node.put("requires-python", r));
        }
        Path yanked = file.resolveSibling(name + ".yanked");
        if (Files.isRegularFile(yanked)) {
          String reason = Files.readString(yanked).strip();
          if (reason.isEmpty()) {
            node.put("yanked", true);
          } else {
            node.put("yanked", reason);
          }
        }
      }
      if (files.isEmpty()) {
        return null;
      }
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lists the directory again only when it changed, since every request asks. */
  private List<Path> files(String project) throws IOException {
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(directory);
    Listing current = listing;
    if (!modified.equals(current.modified())) {
      Map<String, List<Path>> byProject = new java.util.HashMap<>();
      try (Stream<Path> paths = Files.list(directory)) {
        for (Path file : paths.sorted().toList()) {
          Optional<String> owner = project(file.getFileName().toString());
          if (owner.isPresent() && Files.isRegularFile(file)) {
            byProject.computeIfAbsent(owner.get(), k -> new java.util.ArrayList<>()).add(file);
          }
        }
      }
      current = new Listing(modified, byProject);
      listing = current;
    }
    return current.files().getOrDefault(project, List.of());
  }

  /** The canonical project name a distribution file name starts with. */
  static Optional<String> project(String filename) {
    if (filename.endsWith(".whl")) {
      int dash = filename.indexOf('-');
      return dash > 0 ? Optional.of(canonical(filename.substring(0, dash))) : Optional.empty();
    }
    for (String suffix : SDIST_SUFFIXES) {
      if (filename.endsWith(suffix)) {
        String stem = filename.substring(0, filename.length() - suffix.length());
        int dash = stem.lastIndexOf('-');
        return dash > 0 ? Optional.of(canonical(stem.substring(0, dash))) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> requiresPython(String metadata) {
    for (String line : metadata.split("\n")) {
      if (line.isEmpty()) {
        break; // the body starts
      }
      if (line.regionMatches(true, 0, "Requires-Python:", 0, 16)) {
        return Optional.of(line.substring(16).strip());
      }
    }
    return Optional.empty();
  }

  private String sha256(Path file) throws IOException {
    String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file);
    String known = digests.get(key);
    if (known != null) {
      return known;
    }
    try {
      String digest =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      digests.put(key, digest);
      return digest;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
