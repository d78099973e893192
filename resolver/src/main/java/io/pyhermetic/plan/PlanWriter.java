package io.pyhermetic.plan;

import io.pyhermetic.prefetch.internal.OutputDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a plan directory whole or not at all: the files go into a hidden sibling directory that
 * replaces the output directory by a rename at the end, so the directory holds either the previous
 * plan or the complete new one.
 */
public final class PlanWriter {
  private PlanWriter() {}

  /**
   * Writes every file of {@code result} into its request's output directory.
   *
   * @param result the plan
   * @return the directory written
   * @throws PlanException when the plan must not be written (the index failed, so it would claim
   *     what was not checked), when the output directory holds something other than a plan and
   *     replacing it was not asked for, or when writing fails (the previous directory is then left
   *     as it was)
   */
  public static Path write(PlanResult result) {
    PlanRequest request = result.request();
    if (result.status() == PlanResult.Status.INDEX_FAILURE) {
      throw new PlanException(
          "the index failed, so "
              + request.outputDirectory()
              + " was not written: "
              + String.join(
                  "; ",
                  result.findings(Finding.Kind.INDEX).stream().map(Finding::message).toList()));
    }
    checkOutput(request);
    Path out = request.outputDirectory().toAbsolutePath().normalize();
    Path staging = null;
    try {
      staging = OutputDirectory.stage(out, "plan");
      for (Map.Entry<String, String> file : result.files().entrySet()) {
        Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      OutputDirectory.commit(staging, out);
      return request.outputDirectory();
    } catch (IOException | UncheckedIOException e) {
      if (staging != null) {
        try {
          OutputDirectory.deleteTree(staging);
        } catch (IOException ignored) {
          // the write failed already; the hidden staging directory is all that may be left
        }
      }
      throw new PlanException("cannot write " + request.outputDirectory() + ": " + describe(e), e);
    }
  }

  /**
   * Refuses an output directory that cannot take a plan: a file, the source directory or one that
   * holds it, or a directory with other files in it (unless {@link PlanRequest#replaceOutput()}).
   */
  static void checkOutput(PlanRequest request) {
    Path out = request.outputDirectory().toAbsolutePath().normalize();
    Path source = request.sourceDirectory().toAbsolutePath().normalize();
    String given = request.outputDirectory().toString();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new PlanException("output directory " + given + ": exists and is not a directory");
    }
    if (source.startsWith(out)) {
      throw new PlanException(
          "output directory "
              + given
              + ": it holds the source directory, which a plan would replace; choose a directory"
              + " inside it");
    }
    if (Files.isDirectory(out)
        && !request.replaceOutput()
        && !Files.exists(out.resolve(PlanFiles.PLAN))) {
      try {
        if (OutputDirectory.isNonEmptyDirectory(out)) {
          throw new PlanException(
              "output directory "
                  + given
                  + ": holds files that are not a plan; choose another directory or replace"
                  + " it (--force)");
        }
      } catch (IOException e) {
        throw new PlanException("cannot read " + given + ": " + describe(e), e);
      }
    }
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof java.nio.file.NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    return cause.getMessage() == null ? "an input/output error" : cause.getMessage();
  }
}
