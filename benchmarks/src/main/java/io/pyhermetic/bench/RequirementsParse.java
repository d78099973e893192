package io.pyhermetic.bench;

import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.nio.file.Path;

/**
 * In-process counterpart of {@code baseline/pip_parse_requirements.py}: parses a requirements file
 * (reading, decoding, options, every requirement) REPEAT times and prints {@code <seconds>
 * <entries>} per repetition. The first repetitions include JIT warm-up.
 */
public final class RequirementsParse {
  private RequirementsParse() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: RequirementsParse FILE [REPEAT]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    RequirementsFileParser parser = new RequirementsFileParser();
    for (int r = 0; r < repeat; r++) {
      long start = System.nanoTime();
      RequirementsFile parsed = parser.parse(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%.6f %d%n", seconds, parsed.allEntries().size());
    }
  }
}
