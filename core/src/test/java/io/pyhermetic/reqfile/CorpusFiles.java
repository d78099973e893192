package io.pyhermetic.reqfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The real files bundled in testdata, as files on disk (copied out of the jar when needed). */
final class CorpusFiles {
  private static Path extracted;

  private CorpusFiles() {}

  static synchronized Path path(String relative) {
    try {
      if (extracted == null) {
        extracted = Files.createTempDirectory("pyhermetic-corpus");
        extracted.toFile().deleteOnExit();
      }
      Path target = extracted.resolve(relative);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try (InputStream in =
            CorpusFiles.class.getResourceAsStream("/io/pyhermetic/testdata/corpus/" + relative)) {
          if (in == null) {
            throw new IllegalArgumentException("no corpus file " + relative);
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
