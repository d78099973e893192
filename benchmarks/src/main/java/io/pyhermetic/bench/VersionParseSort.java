package io.pyhermetic.bench;

import io.pyhermetic.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Whole-process counterpart of {@code baseline/packaging_parse_sort.py}: parses every line of a
 * file as a {@link Version}, then sorts, and prints one line per repetition: {@code <seconds>
 * <count> <first> <last> <digest>}, the digest being the baseline's (SHA-256 of the sorted
 * normalized versions, taken after the clock stops, after the last repetition only). The first
 * repetition includes JIT warm-up.
 */
public final class VersionParseSort {
  private VersionParseSort() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: VersionParseSort versions.txt [repeat]");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int r = 0; r < repeat; r++) {
      long start = System.nanoTime();
      List<Version> versions = parseAndSort(lines);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%.6f %d %s %s %s%n",
          seconds,
          versions.size(),
          versions.get(0),
          versions.get(versions.size() - 1),
          // only after the last repetition, so that its garbage stays out of the timed ones
          r == repeat - 1 ? digest(versions) : "-");
    }
  }

  static List<Version> parseAndSort(List<String> lines) {
    List<Version> versions = new ArrayList<>(lines.size());
    for (String line : lines) {
      versions.add(Version.parse(line));
    }
    Version.sort(versions);
    return versions;
  }

  static String digest(List<Version> versions) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Version v : versions) {
        sha.update((v + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
