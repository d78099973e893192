package io.pyhermetic.diff;

import io.pyhermetic.reqfile.RequirementsFile;
import io.pyhermetic.reqfile.RequirementsFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The garak pair from the testdata corpus. */
final class Corpus {
  static final RequirementsFileParser PARSER =
      new RequirementsFileParser().withEnvironment(Map.of());

  private Corpus() {}

  static RequirementsFile garak(String arch) {
    String name = "requirements-" + arch + ".txt";
    try (InputStream in =
        Corpus.class.getResourceAsStream("/io/pyhermetic/testdata/corpus/garak-2025-12/" + name)) {
      return PARSER.parse(in.readAllBytes(), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
