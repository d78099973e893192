package io.pyhermetic.prefetch.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The output built in a hidden sibling directory and renamed into place at the end, so that the
 * output is either the previous one or the complete new one, never something in between.
 */
public final class OutputDirectory {
  private OutputDirectory() {}

  /** Whether {@code dir} exists and holds something. */
  public static boolean isNonEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }

  /** A new hidden directory next to {@code output} (created with its parents). */
  public static Path stage(Path output) throws IOException {
    return stage(output, "prefetch");
  }

  /** A new hidden directory next to {@code output}, named after {@code purpose}. */
  public static Path stage(Path output, String purpose) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = Files.createDirectories(absolute.getParent());
    return Files.createTempDirectory(parent, "." + absolute.getFileName() + "." + purpose + "-");
  }

  /**
   * Renames {@code staging} to {@code output}. An existing {@code output} is first renamed aside
   * and deleted only once the new one is in place; if that fails it is put back.
   */
  public static void commit(Path staging, Path output) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    if (!Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      move(staging, absolute);
      return;
    }
    Path aside =
        Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".old-");
    Files.delete(aside);
    move(absolute, aside);
    try {
      move(staging, absolute);
    } catch (IOException e) {
      move(aside, absolute);
      throw e;
    }
    deleteTree(aside);
  }

  /** Deletes a directory tree, or does nothing when it is absent. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
